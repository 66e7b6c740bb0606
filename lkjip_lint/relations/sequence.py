"""sequence — numbers that run in order, none twice.

`of:` says which numbers:

- `table_numbers`: the numbers of the body's table captions (none twice, none
  missing, none going back within a chapter, none in another chapter);
- `contents`: the section and page numbers of the contents (Daftar Isi).

Parameters: of.

Good:  Tabel 3.1 … Tabel 3.2 … Tabel 3.3
Bad:   Tabel 3.1 … Tabel 3.2 … Tabel 3.2        (duplicate)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lkjip_lint.relations import Relation, implementation, tagged


@dataclass(kw_only=True)
class TableNumbers(Relation):
    """The numbers of the table captions of the body."""

    of: Literal["table_numbers"]


@dataclass(kw_only=True)
class Contents(Relation):
    """The section and page numbers of the contents."""

    of: Literal["contents"]


Params = tagged(TableNumbers, Contents)
DEFAULT_OF = "table_numbers"
IMPLEMENTATIONS = {"table_numbers": "_table_numbering", "contents": "_contents_sequence"}


def run(ctx):
    return implementation(IMPLEMENTATIONS, ctx.params.of).run(ctx)
