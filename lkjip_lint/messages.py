"""The tool's own words (not rule messages): input errors and the text report, in id and en."""
from __future__ import annotations

from lkjip_lint.engine.messages import render

INPUT_ERRORS = {
    "empty": ("Berkas kosong: tidak ada yang dapat diperiksa.", "The file is empty: nothing to check."),
    "binary": ("Berkas ini bukan teks (isinya biner). Simpan laporan sebagai .txt, .md, .docx atau .pdf.",
               "This file is not text (binary content). Save the report as .txt, .md, .docx or .pdf."),
    "too_large": ("Berkas terlalu besar ({size_mb} MB; batas {limit_mb} MB). Naikkan batas dengan --max-file-mb bila memang perlu.",
                  "The file is too large ({size_mb} MB; limit {limit_mb} MB). Raise the limit with --max-file-mb if needed."),
    "unreadable": ("Berkas tidak dapat dibuka: {reason}.", "The file cannot be opened: {reason}."),
    "doc": ("Berkas .doc (Word 97-2003) tidak didukung. Buka di Word atau LibreOffice lalu simpan sebagai .docx.",
            "A .doc (Word 97-2003) file is not supported. Open it in Word or LibreOffice and save it as .docx."),
    "corrupt": ("Berkas .{kind} ini rusak atau bukan .{kind} yang sebenarnya.", "This .{kind} file is corrupt or not really a .{kind}."),
    "corrupt_detail": ("Berkas {kind} tidak dapat dibaca ({reason}).", "The {kind} file cannot be read ({reason})."),
    "unsupported": ("Format {kind} belum didukung oleh instalasi ini.", "The {kind} format is not supported by this installation."),
    "too_complex": ("Struktur berkas terlalu dalam atau rumit untuk dibaca dengan aman.", "The file's structure is too deep or complex to read safely."),
    "encrypted": ("PDF ini dienkripsi/berkata sandi. Buka kuncinya lalu simpan ulang sebelum diperiksa.",
                  "This PDF is encrypted/password-protected. Remove the protection and save it again before checking."),
    "scanned": ("PDF ini hasil pindaian (tidak ada lapisan teks). Perlu OCR terlebih dahulu; lkjip-lint tidak melakukan OCR.",
                "This PDF is a scan (no text layer). It needs OCR first; lkjip-lint does not do OCR."),
    "zip_bomb": ("Berkas DOCX ini mengembang terlalu besar saat dibuka ({reason}); ditolak demi keamanan.",
                 "This DOCX expands too much when unpacked ({reason}); refused for safety."),
    "xml_entities": ("Berkas DOCX ini memuat deklarasi entitas XML; ditolak demi keamanan.",
                     "This DOCX declares XML entities; refused for safety."),
    "data_too_deep": ("Data terlalu bersarang atau terlalu besar untuk dibaca dengan aman ({reason}).",
                      "The data is too deeply nested or too large to read safely ({reason})."),
    "data_invalid": ("Data tidak dapat dibaca: {reason}.", "The data cannot be read: {reason}."),
    "not_found": ("Berkas atau folder tidak ditemukan.", "File or folder not found."),
}

UI = {
    "no_findings": ("tidak ada temuan", "no findings"),
    "tables_read": ("{n} tabel terbaca", "{n} tables read"),
    "summary": ("{files} berkas diperiksa: {error} galat, {warning} peringatan, {info} info.",
                "{files} files checked: {error} errors, {warning} warnings, {info} infos."),
    "unreadable_summary": ("{n} berkas tidak dapat dibaca.", "{n} files could not be read."),
    "expected": ("seharusnya", "expected"),
    "actual": ("tertulis", "reported"),
    "line": ("baris", "line"),
    "page": ("hal.", "p."),
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
    "cannot_read": ("tidak dapat dibaca", "cannot be read"),
    "baseline_unused": ("{n} entri baseline tidak lagi cocok dengan temuan apa pun.",
                        "{n} baseline entries no longer match any finding."),
}


def input_error(code: str, values: dict, lang: str) -> str:
    pair = INPUT_ERRORS.get(code, ("Berkas tidak dapat dibaca ({code}).", "The file cannot be read ({code})."))
    return render(pair[1] if lang == "en" else pair[0], {"code": code, **values}, lang)


def ui(key: str, lang: str, **values) -> str:
    pair = UI[key]
    return render(pair[1] if lang == "en" else pair[0], values, lang)
