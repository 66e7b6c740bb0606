"""`lkjip-lint explain CODE`: one rule, wholly in the chosen language.

The check kinds are documented in English (their docstrings); in English that text
is shown, without its own Good/Bad lines (the rule's examples are shown once, at the
end) and without its Parameters line (the rule's actual parameters are listed). In
Indonesian the rule's own bilingual texts say what is compared, and `--lang en`
is suggested for the technical description.
"""
from __future__ import annotations

import inspect
import re

from lkjip_lint.engine.rule import Rule
from lkjip_lint.relations import implementation

_DOC_OWN_LINES = re.compile(r"^(Good|Bad|Parameters):")

_WORDS = {
    "id": {"kind": "jenis", "how": "Cara pemeriksaan:", "params": "Parameter:", "template": "Templat pesan:",
           "good": "Benar: ", "bad": "Salah: ", "severity": {"error": "kesalahan", "warning": "peringatan", "info": "catatan"},
           "more": "Uraian teknis jenis pemeriksaan ini (dalam bahasa Inggris): lkjip-lint explain {code} --lang en",
           "tolerance": "Toleransi: dari ketelitian yang tercetak. Nilai dalam batas pembulatan diterima; selisih satu "
                        "satuan digit terakhir diturunkan satu tingkat keparahan (kecuali bilangan bulat yang dihitung "
                        "tepat, misalnya jumlah orang); lebih dari itu memakai tingkat aturan."},
    "en": {"kind": "kind", "how": "How it is checked:", "params": "Parameters:", "template": "Message template:",
           "good": "Good: ", "bad": "Bad:  ", "severity": {"error": "error", "warning": "warning", "info": "note"},
           "more": "",
           "tolerance": "Tolerance: from the printed precision. A value within rounding of the recomputed one is "
                        "accepted; one unit off in the last printed digit is one severity lower (except a whole number "
                        "computed exactly, such as a count of people); more takes the rule's severity."},
}


def explain(rule: Rule, kind_module, lang: str) -> str:
    w = _WORDS["en" if lang == "en" else "id"]
    of = f", of: {rule.params['of']}" if "of" in rule.params else ""
    out = [f"{rule.id} {rule.name} ({w['severity'][rule.severity]}, {w['kind']}: {rule.kind}{of})", "",
           rule.summary.get(lang), ""]
    if lang == "en":
        out += [w["how"], _kind_doc(kind_module), ""]
        of = _of(rule, kind_module)
        if of is not None:
            out += [f"With of: {of}:", _kind_doc(implementation(kind_module.IMPLEMENTATIONS, of)), ""]
    out += [w["tolerance"], "", w["template"], "  " + rule.message.get(lang)]
    if rule.params:
        out += ["", w["params"], *readable(rule.params, indent=1)]
    for which in ("good", "bad"):
        text = rule.examples.decoded(which)
        if text:
            # the decoded report text the test suite runs (tests/test_rule_examples.py), cells shown as " | "
            out += ["", w[which].strip()] + ["    " + line.replace("\t", " | ") if line else "" for line in text.split("\n")]
    if w["more"]:
        out += ["", w["more"].format(code=rule.id)]
    return "\n".join(out)


def _of(rule: Rule, kind_module) -> str | None:
    """The `of:` of a rule of a relation kind whose implementation is a module of its own (None for other kinds)."""
    implementations = getattr(kind_module, "IMPLEMENTATIONS", None)
    if not implementations:
        return None
    of = rule.params.get("of", getattr(kind_module, "DEFAULT_OF", None))
    return of if of in implementations else None


def _kind_doc(module) -> str:
    doc = inspect.getdoc(module) or ""
    lines = [line for line in doc.splitlines() if not _DOC_OWN_LINES.match(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def readable(value, indent: int = 0) -> list[str]:
    """Parameters as an indented outline: `key: value`, lists as `- item`, no Python reprs."""
    pad = "  " * indent
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, list) and item and all(not isinstance(v, (dict, list)) for v in item):
                lines.append(f"{pad}{key}: {', '.join(_scalar(v) for v in item)}")
            elif isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(readable(item, indent + 1))
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
        return lines
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return [f"{pad}{', '.join(_scalar(v) for v in value)}"]
        lines = []
        for item in value:
            sub = readable(item, indent + 1)
            lines.append(f"{pad}- {sub[0].strip()}")
            lines.extend(sub[1:])
        return lines
    return [f"{pad}{_scalar(value)}"]


def _scalar(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "ya/yes" if v else "tidak/no"
    if isinstance(v, (list, dict)) and not v:
        return "-"
    return str(v)
