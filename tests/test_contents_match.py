"""How a contents entry is matched to a heading of the body (checks.contents.best_match)."""
from lkjip_lint.checks.contents import best_match, key


def _match(entry: str, headings: list[str], cutoff: float = 85) -> str | None:
    keys = [key(h) for h in headings]
    return best_match(key(entry), keys, [set(k.split()) for k in keys], cutoff)


def test_a_heading_holding_every_word_of_the_entry_is_its_match():
    assert _match("Capaian Kinerja", ["Gambaran Umum", "A. Capaian Kinerja Organisasi"]) == \
        "capaian kinerja organisasi"


def test_a_shorter_heading_keeping_most_words_matches_but_not_one_keeping_few():
    assert _match("Realisasi Anggaran Tahun 2024", ["Realisasi Anggaran Tahun"]) == "realisasi anggaran tahun"
    assert _match("Realisasi Anggaran Tahun 2024 Kecamatan", ["Anggaran"]) is None


def test_the_first_containing_heading_wins_over_a_later_one():
    assert _match("Pendahuluan", ["BAB I Pendahuluan", "Pendahuluan"]) == "bab i pendahuluan"


def test_a_misspelt_heading_matches_by_its_words_when_alike_enough():
    assert _match("Akuntabilitas Kinerja", ["Akuntabilitas Kinerjah"]) == "akuntabilitas kinerjah"
    assert _match("Akuntabilitas Kinerja", ["Akuntabilitas Kinerjah"], cutoff=99) is None


def test_nothing_alike_is_no_match():
    assert _match("Lampiran", ["Gambaran Umum", "Penutup"]) is None
