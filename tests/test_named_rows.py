"""A sentence naming a table row by its label and giving a value right after it (relations/_named_rows.py)."""
import pytest

from tests.helpers import errors_and_warnings, findings, tsv

ROWS = (
    "Tabel 3.5",
    "Realisasi Anggaran per Program Tahun 2022",
    "",
    "No | Program | Pagu (Rp) | Realisasi (Rp) | %",
    "1 | Program Penunjang Urusan Pemerintahan Daerah | 6.100.000.000 | 5.788.400.000 | 94,89",
    "2 | Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah | 500.000.000 | 434.000.000 | 86,80",
    " | Jumlah | 6.600.000.000 | 6.222.400.000 | 94,28",
)
TABLE = tsv(*ROWS)
SENTENCE = ("\n\nSerapan terendah pada Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah sebesar {v}% "
            "karena efisiensi belanja.")


def agree(text):
    return errors_and_warnings(findings(text, "AGREE001", year=2022))


def test_a_value_after_a_rows_label_agrees_with_the_row():
    assert agree(TABLE + SENTENCE.format(v="86,80")) == []
    [f] = agree(TABLE + SENTENCE.format(v="86,08"))
    # 434.000.000 / 500.000.000 = 86,80 %: the row's only cell printed with two decimals
    assert (f.location.line, f.actual, f.expected) == (9, 86.08, 86.8)
    assert "Program Koordinasi dan Sinkronisasi" in f.message and "kolom %" in f.message


@pytest.mark.parametrize("change, why", [
    (lambda t: t.replace("sebesar {v}%", "sebesar {v}% pada tahun 2021"), "a value of another year"),
    (lambda t: t.replace("Daerah sebesar {v}%", "Daerah yang dianggarkan 12 paket sebesar {v}%"), "another number between"),
    (lambda t: t.replace("Daerah sebesar {v}%", "Daerah, yang pelaksanaannya tertunda karena pengadaan ulang, sebesar {v}%"),
     "too far from the label"),
])
def test_a_value_not_plainly_the_rows_is_not_compared(change, why):
    assert agree(TABLE + change(SENTENCE).format(v="86,08")) == [], why


def test_a_label_of_two_rows_or_of_few_words_names_no_row():
    twice = TABLE + "\n" + TABLE.replace("Tabel 3.5", "Tabel 3.6").replace("86,80", "81,20")
    assert agree(twice + SENTENCE.format(v="86,08")) == []
    short = TABLE.replace("Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah", "Program Koordinasi")
    assert agree(short + SENTENCE.replace(" dan Sinkronisasi Perencanaan Pembangunan Daerah", "").format(v="86,08")) == []


def test_whole_numbers_and_cells_printed_alike_are_not_compared():
    # a whole number (a count, a year) is everywhere; two cells printed alike leave the value's column open
    assert agree(TABLE + SENTENCE.replace("{v}%", "{v} paket").format(v="7")) == []
    two = tsv(*(r.replace("| %", "| % | Capaian Fisik (%)").replace("| 86,80", "| 86,80 | 90,15")
                .replace("| 94,89", "| 94,89 | 97,00").replace("| 94,28", "| 94,28 | 96,45") for r in ROWS))
    assert agree(two + SENTENCE.format(v="86,08")) == []


def test_a_value_given_for_a_named_row_counts_as_read():
    from lkjip_lint.interpret.coverage import coverage
    from tests.helpers import report_of

    text = TABLE + SENTENCE.format(v="86,80") + "\n\nGedung kantor dibangun 3 lantai dengan 12 ruang rapat."
    info = coverage(report_of(text, year=2022))
    assert (info.sentences_with_numbers, info.sentences_read) == (2, 1)
    assert "Gedung kantor" in info.unread[0][1]


CAPAIAN = tsv("No | Indikator Kinerja | Target | Realisasi | Capaian (%)",
              "1 | Persentase PPKS yang tertangani | 85 | 87,5 | 102,94",
              "2 | Persentase data DTKS yang mutakhir | 90 | 89,5 | 99,44") + "\n\tRata-rata capaian\t\t\t101,19"


def test_the_average_capaian_a_sentence_states_is_the_reports_one_average_row():
    text = CAPAIAN + "\n\nSecara umum rata-rata capaian kinerja sebesar {v}%."
    assert agree(text.format(v="101,19")) == []
    [f] = agree(text.format(v="101,25"))
    assert (f.location.line, f.actual, f.expected) == (6, 101.25, 101.19)
    # two average rows (one per table or sasaran): the sentence could mean either, so nothing is compared
    two = CAPAIAN + "\n\n" + CAPAIAN.replace("101,19", "100,50") + "\n\nSecara umum rata-rata capaian kinerja sebesar 101,25%."
    assert agree(two) == []
