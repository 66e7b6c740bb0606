"""Every vocabulary file (claims, indicators, names, tables, scales) can be extended from a
user rule folder: an entry added there changes what is read, and a broken file is a load error."""
import pytest

from lkjip_lint.engine.loader import RuleFileError, load_rules
from lkjip_lint.engine.runner import run_rules
from lkjip_lint.interpret.polarity import is_negative
from lkjip_lint.interpret.report import Report
from lkjip_lint.interpret.vocabulary import load_vocabulary, merge_entries
from lkjip_lint.readers.text import parse

from tests.helpers import all_rules, tsv


def report(text, folder=None):
    vocab = load_vocabulary((folder,) if folder else ())
    return Report(document=parse(text, "inline.txt"), vocab=vocab)


def found(text, rule_id, folder=None):
    rules = [r for r in all_rules() if r.id == rule_id]
    return [f for f in run_rules(report(text, folder), rules, "id") if f.severity in ("error", "warning")]


def user_folder(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_merge_extends_lists_user_first_and_merges_mappings():
    bundled = {"window": 10, "roles": {"capaian": ["capaian"], "target": ["target"]}, "words": ["a", "b"],
               "scales": {"s1": {"title": "S1", "bands": [{"min": 1, "label": "X"}]}}}
    user = {"window": 12, "roles": {"capaian": ["keberhasilan"], "baru": ["baru"]}, "words": ["c", "a"],
            "scales": {"s1": {"bands": [{"min": 5, "label": "Y"}]}, "s2": {"bands": []}}}
    merged = merge_entries(user, bundled)
    assert merged["window"] == 12
    assert merged["words"] == ["c", "a", "b"]
    assert list(merged["roles"]) == ["baru", "capaian", "target"]
    assert merged["roles"]["capaian"] == ["keberhasilan", "capaian"]
    # a named scale is replaced whole, never given the bundled scale's bands as well
    assert merged["scales"]["s1"] == {"bands": [{"min": 5, "label": "Y"}]} and "s2" in merged["scales"]


def test_user_indicators_yaml_makes_an_indicator_lower_is_better(tmp_path):
    text = tsv("Indikator Kinerja | Target | Realisasi | Capaian (%)", "Lama proses perizinan | 10 | 8 | 120")
    assert not is_negative("Lama proses perizinan", report(text))
    folder = user_folder(tmp_path, "indicators.yaml", "negative_polarity: ['\\blama\\s+proses']\n")
    assert is_negative("Lama proses perizinan", report(text, folder))
    # capaian (2T - R)/T = 120 is then right for it, with no note asking to declare it negative
    notes = [r for r in all_rules() if r.id == "CAP001"]
    assert run_rules(report(text), notes, "id") != []
    assert run_rules(report(text, folder), notes, "id") == []


def test_user_indicators_yaml_generic_words_join_two_spellings_of_one_indicator(tmp_path):
    text = tsv("Indikator Kinerja | Target | Realisasi | Capaian (%)",
               "Indeks Kepuasan Masyarakat Puskesmas | 88 | 90 | 102,27",
               "Indeks Kepuasan Masyarakat | 88 | 90 | 102,27")
    assert len(report(text).indicators) == 2
    folder = user_folder(tmp_path, "indicators.yaml", "generic_words: [puskesmas]\n")
    assert len(report(text, folder).indicators) == 1


def test_user_claims_yaml_gives_a_number_its_role(tmp_path):
    sentence = "Pada tahun 2023 realisasi sebesar 91,4 dari target 88 dengan tingkat keberhasilan 102,7%."
    assert found(sentence, "TXT001") == []  # "keberhasilan" says nothing to the bundled vocabulary
    folder = user_folder(tmp_path, "claims.yaml", "roles:\n  capaian: ['keberhasilan']\n")
    [f] = found(sentence, "TXT001", folder)
    assert f.expected == pytest.approx(103.86)


def test_user_names_yaml_adds_a_kind_of_instansi(tmp_path):
    text = "LAPORAN KINERJA PUSKESMAS SUKAMAJU TAHUN 2024\n\nLKjIP diunggah di website Puskesmas Sukmaju.\n"
    assert report(text).subject.kind != "Puskesmas"
    folder = user_folder(tmp_path, "names.yaml", "instansi_kinds: [Puskesmas]\n")
    assert report(text, folder).subject.full_name == "Puskesmas Sukamaju"
    [f] = found(text, "NAME002", folder)
    assert f.expected == "Puskesmas Sukamaju"


def test_user_names_yaml_adds_an_entity_kind_word(tmp_path):
    text = tsv("No | Kampung | Jumlah", "1 | Sukamaju | 300", "2 | Cibeureum | 200")
    assert not [e for e in report(text).entities.entities if e.kind == "kelurahan"]
    folder = user_folder(tmp_path, "names.yaml", "entity_kinds:\n  kelurahan: ['kampung']\n")
    got = {e.name: e.kind for e in report(text, folder).entities.entities}
    assert got == {"Sukamaju": "kelurahan", "Cibeureum": "kelurahan"}


def test_user_tables_yaml_names_a_column_role(tmp_path):
    text = tsv("Indikator Kinerja | Target | Hasil Akhir | Capaian (%)", "Indeks Kepuasan Masyarakat | 91,5 | 93,85 | 102,51")
    assert found(text, "CAP001") == []  # "Hasil Akhir" is no known header
    folder = user_folder(tmp_path, "tables.yaml", "roles:\n  - {role: realisasi, match: ['^hasil\\s+akhir$']}\n")
    [f] = found(text, "CAP001", folder)
    assert f.expected == pytest.approx(102.57)


def test_user_scales_yaml_adds_a_scale_and_makes_it_the_default(tmp_path):
    text = tsv("Indikator Kinerja | Target | Realisasi | Capaian (%) | Kategori", "Indeks Kepuasan Masyarakat | 100 | 90 | 90 | Tercapai")
    assert report(text).scale.name == "permendagri-86-2017"
    folder = user_folder(tmp_path, "scales.yaml", (
        "default: tercapai\nscales:\n  tercapai:\n    title: Tercapai atau tidak\n    applies_to: capaian\n"
        "    bands:\n      - {min: 100, label: Tercapai}\n      - {min: null, label: Tidak Tercapai}\n"))
    assert report(text, folder).scale.name == "tercapai"
    [f] = found(text, "CAT001", folder)
    assert f.expected == "Tidak Tercapai"
    # the bundled scales are still there (AKIP predikat, IKM mutu)
    assert "akip-88-2021" in load_vocabulary((folder,)).scales.scales


@pytest.mark.parametrize("name, text, problem", [
    ("claims.yaml", "roles:\n  capaian: ['(keberhasilan']\n", "claims.yaml vocabulary"),
    ("indicators.yaml", "negative_polarity: [1, 2\n", "not valid YAML"),
    ("scales.yaml", "scales:\n  x: {bands: [{min: abc, label: X}]}\n", "decimal"),
    ("names.yaml", "- Puskesmas\n", "mapping"),
    ("scales.yaml", "default: tercapai\n", "'tercapai' is not one of the scales"),
    ("tables.yaml", "roles:\n  - {match: ['x']}\n", "tables.yaml vocabulary"),
])
def test_a_broken_user_vocabulary_file_is_a_load_error_naming_it(tmp_path, name, text, problem):
    user_folder(tmp_path, name, text)
    with pytest.raises(RuleFileError) as err:
        load_rules((tmp_path,))
    assert name in str(err.value) and problem in str(err.value)
