"""What the linter understood of a report, and what it could not: tables without a
recognised kind, and sentences with numbers that became no fact, no claim and no
statement of a change, of a target reached, of a count of the list that follows or of a value of a
table row it names.

"No findings" must never be mistaken for "all checked": the counts go into
`extract` and into one info finding of `check`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_lint.document import Heading, Paragraph
from lkjip_lint.interpret.claims import sentences, tokens
from lkjip_lint.interpret.tables import TEXT_ROLES, TOTAL_ROWS
from lkjip_lint.numbers import Num


@dataclass
class CoverageInfo:
    """What the linter read of a report: tables found and recognised, sentences with numbers read or not."""

    tables_found: int
    tables_recognised: int
    unrecognised: list[str] = field(default_factory=list)
    sentences_with_numbers: int = 0
    sentences_read: int = 0
    unread: list[tuple[int | None, str]] = field(default_factory=list)  # (line, sentence) of the first few


def coverage(report, keep: int = 20) -> CoverageInfo:
    understood = [_understood(v) for v in report.views]
    info = CoverageInfo(
        tables_found=len(report.document.tables()),
        tables_recognised=sum(understood),
        unrecognised=[v.name for v, known in zip(report.views, understood) if not known],
    )
    read = {c.sentence for c in report.claims} | {f.sentence for f in report.facts if f.sentence}
    read |= {s for c in report.claims for s in c.sources}
    read |= {c.sentence for c in report.changes} | {a.sentence for a in report.achievements}
    read |= {lc.sentence for lc in report.list_counts} | {n.sentence for n in report.named_values}
    for block in report.texts:
        if not isinstance(block, (Paragraph, Heading)):
            continue
        for sentence in sentences(block.text):
            if len(sentence) > 3000 or not tokens(sentence, report.vocab.claims):
                continue
            info.sentences_with_numbers += 1
            if sentence in read:
                info.sentences_read += 1
            elif len(info.unread) < keep:
                info.unread.append((block.line, sentence[:120]))
    return info


def _understood(view) -> bool:
    """A table whose meaning was read: its kind is known, a column's header says what its values are
    (target, realisasi, perubahan …: they become facts), it has total rows to add up, or its values show
    a relation between columns (a puskesmas' "Cakupan %" = Angka / Sasaran), which the checks test.
    A table of words only (a plan of recommendations) holds no number to leave unchecked."""
    from lkjip_lint.interpret.relations import relations

    if not any(isinstance(v, Num) for r in view.rows for c, v in zip(view.columns, r.values)
               if c.role not in TEXT_ROLES):
        return True
    return (bool(view.kind) or any(c.role and c.role not in TEXT_ROLES for c in view.columns)
            or any(r.type in TOTAL_ROWS for r in view.rows) or bool(relations(view)))
