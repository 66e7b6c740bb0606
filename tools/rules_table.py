"""Print the rules as a Markdown table, or rewrite the README's rules section (--write).

Run: python tools/rules_table.py --write   (tests/test_readme.py checks the README is current)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    sys.path.insert(0, str(ROOT))
    from lkjip_lint.engine.loader import load_rules

    rows = ["| code | name | severity | kind | what it checks |", "|---|---|---|---|---|"]
    for r in sorted(load_rules(), key=lambda r: r.id):
        kind = f"{r.kind} ({r.params['of']})" if "of" in r.params else r.kind
        rows.append(f"| {r.id} | {r.name} | {r.severity} | {kind} | {r.summary.en} |")
    return "\n".join(rows)


def rewrite(readme: Path) -> bool:
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{table()}\n{END}{tail}"
    changed = new != text
    readme.write_text(new, encoding="utf-8")
    return changed


if __name__ == "__main__":
    if "--write" in sys.argv:
        rewrite(ROOT / "README.md")
    else:
        print(table())
