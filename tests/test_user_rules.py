"""A user adds a relation in YAML alone: the Belanja Langsung rule of an inspectorate."""
import pytest

from lkjip_lint.engine.loader import RuleFileError, load_rules
from lkjip_lint.engine.runner import run_rules
from tests.helpers import errors_and_warnings, report_of, tsv

RULE = """rules:
  - id: INSP001
    name: belanja-langsung
    kind: sum
    severity: error
    params:
      total: 'belanja\\s+langsung'
      parts: ['belanja\\s+pegawai', 'belanja\\s+barang', 'belanja\\s+modal']
      measures: {measures}
    summary:
      id: Belanja Langsung = Belanja Pegawai + Belanja Barang dan Jasa + Belanja Modal.
      en: Belanja Langsung = Belanja Pegawai + Belanja Barang dan Jasa + Belanja Modal.
    message:
      id: "{{where}}: {{measure}} Belanja Langsung tertulis {{actual}}, padahal {{parts}} = {{expected}}."
      en: "{{where}}: the {{measure}} of Belanja Langsung reads {{actual}}, but {{parts}} = {{expected}}."
"""

TABLE = "\n".join([
    "Tabel 3.5", "Realisasi Anggaran Tahun 2024", "",
    tsv("Uraian | Anggaran (Rp) | Realisasi (Rp) | %",
        "Belanja Langsung | 1.000.000 | {real} | 92,00",
        "Belanja Pegawai | 400.000 | 380.000 | 95,00",
        "Belanja Barang dan Jasa | 350.000 | 320.000 | 91,43",
        "Belanja Modal | 250.000 | 220.000 | 88,00"),
])
SENTENCE = ("Belanja Langsung tahun 2024 sebesar Rp {total},- yang terdiri atas Belanja Pegawai sebesar Rp 400.000.000,-, "
            "Belanja Barang dan Jasa sebesar Rp 350.000.000,- dan Belanja Modal sebesar Rp 250.000.000,-.")


def _rules(tmp_path, measures="[pagu, realisasi_anggaran]"):
    (tmp_path / "inspektorat.yaml").write_text(RULE.format(measures=measures), encoding="utf-8")
    return [r for r in load_rules((tmp_path,)) if r.id == "INSP001"]


def test_user_relation_fires_on_a_table(tmp_path):
    rules = _rules(tmp_path)
    # 380.000 + 320.000 + 220.000 = 920.000
    assert errors_and_warnings(run_rules(report_of(TABLE.format(real="920.000")), rules, "id")) == []
    [f] = errors_and_warnings(run_rules(report_of(TABLE.format(real="930.000")), rules, "id"))
    assert (f.rule, f.location.line, f.expected) == ("INSP001", 5, 920000)
    assert "realisasi_anggaran" in f.message


def test_user_relation_fires_on_a_sentence(tmp_path):
    rules = _rules(tmp_path)
    assert errors_and_warnings(run_rules(report_of(SENTENCE.format(total="1.000.000.000")), rules, "id")) == []
    [f] = errors_and_warnings(run_rules(report_of(SENTENCE.format(total="1.100.000.000")), rules, "id"))
    assert (f.location.line, f.expected) == (1, 1000000000)


def test_unknown_measure_is_a_load_error_with_a_suggestion(tmp_path):
    with pytest.raises(RuleFileError) as err:
        _rules(tmp_path, measures="[pagu, realisasi_angaran]")
    assert "realisasi_angaran" in str(err.value) and "did you mean 'realisasi_anggaran'" in str(err.value)


def test_invalid_entity_selector_is_a_load_error(tmp_path):
    (tmp_path / "bad.yaml").write_text(RULE.format(measures="[pagu]").replace("'belanja\\s+langsung'", "'belanja(langsung'"),
                                       encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rules((tmp_path,))
    assert "belanja(langsung" in str(err.value)


def test_row_formula_over_an_unknown_role_does_not_load(tmp_path):
    (tmp_path / "formula.yaml").write_text("""rules:
  - id: INSP002
    name: belanja-formula
    kind: formula
    severity: error
    params:
      of: row
      result: capaian
      formulas: [{name: x, expr: "realisasi / targett * 100"}]
    summary: {id: x, en: x}
    message: {id: x, en: x}
""", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rules((tmp_path,))
    assert "targett" in str(err.value) and "'target'" in str(err.value)
