"""Budget statements of a passage of running text, read as one ledger.

A budget passage states a total, perhaps its breakdown, a change to it, what
was realised and what was not, sentence after sentence and often paragraph
after paragraph:

    Anggaran … ditetapkan sebesar Rp 11.086.045.405,- yang dialokasi untuk belanja
    operasi sebesar Rp 11.057.116.765,- dan belanja modal sebesar Rp 28.928.650,-.
    … terserapnya anggaran sebesar Rp 9.349.027.544,- atau 84,33 persen …
    Anggaran belanja yang tidak terealisasikan sebesar Rp 1.737.017.861,- atau 15,67 persen …

The ledger keeps the current total (the last stated anggaran that is not a part
of a breakdown, or the result of a change "… menjadi Rp Y") and the last
realisasi, until the next heading. Each statement becomes a claim whose numbers
must agree: total = Σ parts, Y = total ± change, serapan = realisasi / total,
sisa = total − realisasi, "atau P %" = amount / total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkjip_lint.interpret.claim_types import Claim, Token, make_claim
from lkjip_lint.numbers import Num

# "… sebesar Rp X, dengan rincian / terdiri dari / terbagi dalam / dialokasikan untuk …"
BREAKDOWN = re.compile(
    r"\b(?:dengan\s+rincian|rinciannya|terdiri\s+(?:dari|atas)|terbagi\s+(?:dalam|atas|menjadi|ke\s+dalam)"
    r"|dialokasi(?:kan)?\s+untuk|meliputi)\b", re.I)
# a change to the total and its result: "penghematan … senilai Rp A sehingga anggaran … menjadi Rp B"
_CHANGE = re.compile(r"\b(?:penghematan|pengurangan|pemotongan|pemangkasan|refocusing|penambahan|tambahan|kenaikan)\b", re.I)
_RESULT = re.compile(r"\bmenjadi\b", re.I)
# between an amount and the percentage that is its share: "Rp X atau P %", "Rp X (P %)"
_SHARE_GAP = re.compile(r"^\s*(?:,\s*)?(?:atau|\()?\s*(?:sebesar|sekitar|senilai)?\s*$", re.I)


def parts_start(sentence: str) -> int | None:
    """The offset where a sentence's breakdown into parts begins, if it has one: amounts after it are parts."""
    m = BREAKDOWN.search(sentence)
    return m.end() if m else None


@dataclass
class Ledger:
    """A passage's budget statements read as one ledger: the current total, the last realisasi, the claims."""

    total: Num | None = None
    realised: Num | None = None
    claims: list[Claim] = field(default_factory=list)

    def reset(self) -> None:
        self.total = self.realised = None

    def read(self, sentence: str, toks: list[Token], block) -> None:
        money = [t for t in toks if t.num.money]
        if not money:
            return  # every statement the ledger reads is about an amount of money
        parts_from = self._breakdown(sentence, toks, money, block)
        change = self._change(sentence, money, block)
        for i, t in enumerate(toks):
            if parts_from is not None and t.num.money and t.start >= parts_from:
                continue  # a part of a breakdown is not the new total
            if any(t is c for c in change):
                continue
            if t.num.money:
                self._amount(sentence, toks, i, block)
            elif t.num.percent:
                self._percent(sentence, toks, i, block)

    # -- statements ---------------------------------------------------------------
    def _breakdown(self, sentence, toks, money, block) -> int | None:
        """Where the parts of a breakdown begin ("… Rp X yang terdiri dari Rp A dan Rp B"), after claiming X = A + B."""
        m = BREAKDOWN.search(sentence)
        if not m:
            return None
        parts = [t for t in money if t.start >= m.end()]
        before = [t for t in money if t.end <= m.start()]
        total = before[-1] if before else None
        if total is None and m.start() <= 60:
            # "Anggaran tersebut terbagi dalam …": the total of the sentence before
            total_num = self.total
        else:
            total_num = total.num if total else None
        if total_num is not None and len(parts) >= 2:
            self.claims.append(make_claim("sum", sentence, block, value=total_num, parts=[t.num for t in parts]))
        if total is not None:
            self.total, self.realised = total.num, None
        return m.end()

    def _change(self, sentence, money, block) -> tuple[Token, ...]:
        """The change amount and the resulting total, which the sentence's other amounts do not replace."""
        c, r = _CHANGE.search(sentence), _RESULT.search(sentence)
        if not c or not r or r.start() < c.end():
            return ()
        amount = next((t for t in money if c.end() <= t.start < r.start()), None)
        result = next((t for t in money if t.start >= r.end()), None)
        if amount is None or result is None:
            return ()
        if self.total is not None:
            self.claims.append(make_claim("change_total", sentence, block, value=result.num,
                                          values={"before": self.total, "change": amount.num}))
        self.total, self.realised = result.num, None
        return amount, result

    def _amount(self, sentence, toks, i, block) -> None:
        t = toks[i]
        if t.role == "realisasi_anggaran":
            self.realised = t.num
        elif t.role == "sisa":
            if self.total is not None and self.realised is not None:
                self.claims.append(make_claim("remainder", sentence, block, value=t.num,
                                              values={"pagu": self.total, "realisasi_anggaran": self.realised}))
        elif t.role == "pagu" and self.total is None or t.role == "pagu" and t.num.value != self.total.value:
            self.total, self.realised = t.num, None

    def _percent(self, sentence, toks, i, block) -> None:
        """"Rp X atau P %": P is X's share of the total (serapan for a realisasi)."""
        t = toks[i]
        if i == 0 or self.total is None:
            return
        prev = toks[i - 1]
        if not prev.num.money or prev.num.value == self.total.value:
            return
        if not _SHARE_GAP.match(sentence[prev.end:t.start]):
            return
        kind = "budget" if prev.role == "realisasi_anggaran" else "share_of_total"
        values = {"pagu": self.total, "realisasi_anggaran": prev.num} if kind == "budget" else {"part": prev.num, "base": self.total}
        self.claims.append(make_claim(kind, sentence, block, value=t.num, values=values))
