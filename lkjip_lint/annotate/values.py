"""How a value is printed in a report: to find the reported one and to write the expected one alike."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation


def printed_forms(value) -> list[str]:
    """How a reported value may be printed in the report: "102,51", "102.51", "2022", "Tinggi"."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        d = Decimal(str(value))
        if d == d.to_integral_value():
            whole = str(int(d))
            grouped = f"{int(d):,}".replace(",", ".")
            return list(dict.fromkeys([grouped, whole]))
        plain = format(d.normalize(), "f")
        return list(dict.fromkeys([plain.replace(".", ","), plain]))
    text = str(value).strip()
    return [text] if 0 < len(text) <= 80 else []


def find_token(text: str, form: str) -> int | None:
    """Where `form` stands in `text` as a whole value (not part of a longer number or word), once."""
    hits = []
    start = text.find(form)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + len(form)] if start + len(form) < len(text) else " "
        digits = form[:1].isdigit()
        if not (before.isalnum() or (digits and before in ".,")) and not (
                after.isalnum() or (digits and after in ".," and text[start + len(form) + 1: start + len(form) + 2].isdigit())):
            hits.append(start)
        start = text.find(form, start + 1)
    return hits[0] if len(hits) == 1 else None


def written_like(expected, form: str) -> str | None:
    """The expected value written the way the reported one was ("102,57" beside "102,51")."""
    if isinstance(expected, bool):
        return None
    if isinstance(expected, (int, float, Decimal)):
        try:
            d = Decimal(str(expected))
        except InvalidOperation:
            return None
        if isinstance(expected, int) or d == d.to_integral_value() and "," not in form and "." not in form:
            whole = int(d)  # a whole value (a target, a count) is written whole: "88", not "88.0"
            return f"{whole:,}".replace(",", ".") if grouped(form) or (whole >= 10000 and "." in form) else str(whole)
        if form.count(".") + form.count(",") > 1 and not grouped(form):
            return format(d.normalize(), "f")  # the reported number was malformed ("1.473.36"): plain
        comma = "," in form
        if comma or ("." in form and not grouped(form)):
            decimals = len(form.split("," if comma else ".")[1])
            text = format(d.quantize(Decimal(1).scaleb(-decimals)), "f")
            return text.replace(".", ",") if comma else text
        whole = int(d.to_integral_value())
        return f"{whole:,}".replace(",", ".") if grouped(form) else str(whole)
    text = str(expected).strip()
    return text if 0 < len(text) <= 80 else None


def grouped(form: str) -> bool:
    parts = form.split(".")
    return len(parts) > 1 and all(len(p) == 3 for p in parts[1:])
