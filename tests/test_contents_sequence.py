"""contents_sequence (DOC003): section and page numbers of the contents in order."""
from tests.helpers import findings, tsv

CONTENTS = ["DAFTAR ISI", "", "KATA PENGANTAR ........ i", "DAFTAR ISI ........ ii", "BAB I PENDAHULUAN ........ 1",
            "A. Latar Belakang ........ 1", "B. Maksud dan Tujuan ........ 3", "BAB II PERENCANAAN KINERJA ........ 5",
            "A. Rencana Strategis ........ 5", "B. Perjanjian Kinerja ........ 8", "BAB III AKUNTABILITAS KINERJA ........ 10",
            "A. Capaian Kinerja ........ 10", "B. Realisasi Anggaran ........ 20", "BAB IV PENUTUP ........ 25"]


def test_contents_in_order_is_silent():
    assert findings("\n".join(CONTENTS), "DOC003") == []


def test_letter_used_twice_in_a_contents_list():
    lines = list(CONTENTS)
    lines[12] = "A. Realisasi Anggaran ........ 20"  # A. twice under BAB III
    assert [(f.location.line, f.expected) for f in findings("\n".join(lines), "DOC003")] == [(13, "B")]


def test_a_page_going_back_or_jumping_ahead_in_a_name_page_table():
    rows = [" | Halaman", "KATA PENGANTAR | i", "DAFTAR ISI | ii", "BAB I PENDAHULUAN | 1", "1.1 Latar Belakang | 1",
            "1.2 Tujuan | 3", "BAB II PERENCANAAN | 6", "2.1 Renstra | 6", "2.2 Perjanjian Kinerja | 9", "BAB III AKUNTABILITAS | 12"]
    assert findings(tsv(*rows), "DOC003") == []
    back = list(rows)
    back[7] = "2.1 Renstra | 4"  # below page 6 of BAB II, while 2.2 is on 9
    ahead = list(rows)
    ahead[5] = "1.2 Tujuan | 30"  # past BAB II's page 6
    assert [(f.location.line, f.actual) for f in findings(tsv(*back), "DOC003")] == [(8, "4")]
    assert [(f.location.line, f.actual) for f in findings(tsv(*ahead), "DOC003")] == [(6, "30")]


def test_a_name_page_table_without_title_is_read_as_contents():
    rows = [" | Halaman", "KATA PENGANTAR | i", "BAB I PENDAHULUAN | 1", "1.1 Latar Belakang | 1", "1.2 Tujuan | 2",
            "1.2 Dasar Hukum | 4", "BAB II PERENCANAAN | 6", "2.1 Renstra | 6"]
    [f] = findings(tsv(*rows), "DOC003")
    assert (f.location.line, f.expected) == (6, "1.3")


def test_entries_lost_in_extraction_make_no_claim():
    rows = [" | Halaman", "KATA PENGANTAR | i", "BAB I PENDAHULUAN | 1", "1.3 Gambaran | 2", "1.4 Dasar Hukum | 4",
            "1.5 Sistematika | 5", "BAB II PERENCANAAN | 6", "2.1 Renstra | 6"]
    assert findings(tsv(*rows), "DOC003") == []
