"""Row structure decided in interpret/ (interpret/structure.py): years under the header, column numbers, formulas."""
from lkjip_lint.document import Cell, Row, Table
from lkjip_lint.interpret.structure import is_column_numbers, is_formula_row, is_year_row, structure

from tests.helpers import report_of, tsv


def grid(header, *rows):
    def row(texts, line, is_header=False):
        return Row(cells=[Cell(text=t) for t in texts], line=line, is_header=is_header)

    return Table(header_rows=[row(header, 1, True)], rows=[row(r, k + 2) for k, r in enumerate(rows)], n_cols=len(header))


def test_row_shapes():
    assert is_year_row(["", "", "2015", "2016", "2015", "2016"]) and is_year_row(["Tahun 2019", "Tahun 2020"])
    assert not is_year_row(["1", "APM", "2015", "92,22"])
    assert is_column_numbers(["1", "2", "3", "4"]) and is_column_numbers(["(1)", "(2)", "(3)"])
    assert not is_column_numbers(["1", "2", "4"]) and not is_column_numbers(["5", "6", "7"])
    assert is_formula_row(["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100"])
    assert not is_formula_row(["1", "Capaian = realisasi / target", "90"])


def test_years_row_continues_the_header_and_names_the_period():
    text = tsv("No. | Indikator Kinerja | Realisasi |  | Capaian Kinerja | ", " |  | 2015 | 2016 | 2015 | 2016",
               "1 | APM SDMI | 90,67 | 92,22 | 92,92 | 101,46")
    view = report_of(text).views[0]
    assert [(c.role, c.year) for c in view.columns[2:]] == [("realisasi", 2015), ("realisasi", 2016), ("capaian", 2015), ("capaian", 2016)]
    assert [r.line for r in view.rows] == [3]


def test_column_numbers_formula_rows_and_a_repeated_header_are_not_data():
    table = grid(["No", "Indikator", "Target", "Realisasi", "Capaian"],
                 ["1", "2", "3", "4", "5"], ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)x100"],
                 ["1", "IKM", "80", "88", "110"], ["No", "Indikator", "Target", "Realisasi", "Capaian"],
                 ["2", "SAKIP", "70", "63", "90"])
    shape = structure(table)
    assert [k for k, _ in shape.body] == [2, 4]
    assert shape.skipped == {0: "column_numbers", 1: "formula", 3: "header"}
