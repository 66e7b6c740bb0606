"""The one page, in Indonesian (default) or English, and the server's own messages.

The page is a template filled here (no template engine needed for one page);
its strings travel to the script as a JSON data block, so the script holds no
language of its own. Everything the page loads comes from this server.
"""
from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib.resources import files
from string import Template

TEXT = {
    "id": {
        "title": "Periksa LKjIP sebelum dikirim",
        "intro": "Pilih atau seret berkas laporan (.docx, .pdf, .txt, .md, .yaml, .json). "
                 "Hasilnya menunjukkan apa yang salah, di mana, dan nilai yang seharusnya.",
        "privacy": "Berkas diperiksa di komputer ini saja: tidak dikirim ke mana pun dan tidak disimpan.",
        "choose": "Pilih berkas laporan",
        "drop": "atau seret berkas ke sini",
        "button": "Periksa",
        "switch": "English",
        "limit": "Ukuran maksimum {limit} MB.",
        "noscript": "Halaman ini memerlukan JavaScript. Sebagai gantinya jalankan: lkjip-lint check --format html LAPORAN",
        "checking": "Sedang memeriksa {name} …",
        "done": "{name}: {error} kesalahan, {warning} peringatan, {info} catatan.",
        "clean": "{name}: tidak ada kesalahan atau peringatan.",
        "download_html": "Unduh laporan (HTML)",
        "download_json": "Unduh temuan (JSON)",
        "download_annotated": "Unduh salinan berkomentar ({kind})",
        "download_worksheet": "Unduh lembar reviu (XLSX)",
        "preparing": "Menyiapkan {name} …",
        "report_frame": "Hasil pemeriksaan",
        "no_file": "Pilih berkas laporan terlebih dahulu.",
        "too_large": "Berkas terlalu besar ({size} MB). Batasnya {limit} MB.",
        "network": "Server lkjip-lint tidak menjawab. Pastikan perintah lkjip-lint serve masih berjalan, lalu coba lagi.",
        "bad_answer": "Jawaban server tidak terbaca (HTTP {status}). Coba lagi.",
        "bad_form": "Unggahan tidak terbaca ({reason}). Pilih berkasnya lagi.",
        "internal": "Terjadi kesalahan internal saat memeriksa berkas ini ({reason}). Server tetap berjalan; berkas lain dapat diperiksa.",
        "crashed": "Pemeriksa berhenti mendadak pada berkas ini. Server tetap berjalan; berkas lain dapat diperiksa.",
        "not_found": "Halaman tidak ditemukan.",
        "cross_origin": "Unggahan dari situs lain ditolak. Buka halaman lkjip-lint ini langsung dan unggah dari sana.",
        "too_slow": "Pemeriksaan berkas ini melebihi {seconds} detik dan dihentikan, agar unggahan lain tidak menunggu. "
                    "Periksa berkas ini dengan lkjip-lint check, atau pisahkan lampirannya.",
    },
    "en": {
        "title": "Check an LKjIP before submitting it",
        "intro": "Choose or drop a report file (.docx, .pdf, .txt, .md, .yaml, .json). "
                 "The result shows what is wrong, where, and the value it should be.",
        "privacy": "The file is checked on this computer only: it is sent nowhere and not stored.",
        "choose": "Choose a report file",
        "drop": "or drop a file here",
        "button": "Check",
        "switch": "Bahasa Indonesia",
        "limit": "Maximum size {limit} MB.",
        "noscript": "This page needs JavaScript. Instead run: lkjip-lint check --format html REPORT",
        "checking": "Checking {name} …",
        "done": "{name}: {error} errors, {warning} warnings, {info} notes.",
        "clean": "{name}: no errors or warnings.",
        "download_html": "Download report (HTML)",
        "download_json": "Download findings (JSON)",
        "download_annotated": "Download the commented copy ({kind})",
        "download_worksheet": "Download the review worksheet (XLSX)",
        "preparing": "Preparing {name} …",
        "report_frame": "Check results",
        "no_file": "Choose a report file first.",
        "too_large": "The file is too large ({size} MB). The limit is {limit} MB.",
        "network": "The lkjip-lint server does not answer. Make sure lkjip-lint serve is still running, then try again.",
        "bad_answer": "The server's answer could not be read (HTTP {status}). Try again.",
        "bad_form": "The upload could not be read ({reason}). Choose the file again.",
        "internal": "An internal error occurred while checking this file ({reason}). The server keeps running; other files can be checked.",
        "crashed": "The checker stopped abruptly on this file. The server keeps running; other files can be checked.",
        "not_found": "Page not found.",
        "cross_origin": "An upload from another site was refused. Open this lkjip-lint page directly and upload from it.",
        "too_slow": "Checking this file took more than {seconds} seconds and was stopped, so that other uploads do not wait. "
                    "Check it with lkjip-lint check, or split off its annexes.",
    },
}


def lang_of(value: str | None) -> str:
    return "en" if (value or "").lower().startswith("en") else "id"


def text(key: str, lang: str, **values) -> str:
    return TEXT[lang_of(lang)][key].format(**values)


def mb(n_bytes: int, lang: str = "en") -> str:
    """20971520 -> "20"; 1572864 -> "1.5" ("1,5" in Indonesian); one decimal at most."""
    value = round(n_bytes / 1048576, 1)
    out = str(int(value)) if value.is_integer() else str(value)
    return out.replace(".", ",") if lang_of(lang) == "id" else out


@lru_cache(maxsize=None)
def _template() -> Template:
    return Template((files("lkjip_lint.web") / "templates" / "index.html").read_text(encoding="utf-8"))


def render_page(lang: str, max_bytes: int) -> str:
    lang = lang_of(lang)
    t = TEXT[lang]
    limit = mb(max_bytes, lang)
    strings = {**t, "lang": lang, "max_bytes": max_bytes, "limit_mb": limit}
    # "</" cannot close the data block early once escaped this way.
    data = json.dumps(strings, ensure_ascii=False).replace("</", "<\\/")
    fill = {k: escape(v) for k, v in t.items()}
    fill.update(lang=lang, limit=escape(t["limit"].format(limit=limit)), strings=data,
                other="id" if lang == "en" else "en")
    return _template().substitute(fill)


@lru_cache(maxsize=None)
def static(name: str) -> bytes:
    return (files("lkjip_lint.web") / "static" / name).read_bytes()
