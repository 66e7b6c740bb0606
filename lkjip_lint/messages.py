"""The tool's own words (not rule messages): input errors and the text report, in id and en."""
from __future__ import annotations

import re

from lkjip_lint.engine.messages import render

INPUT_ERRORS = {
    "empty": ("Berkas kosong: tidak ada yang dapat diperiksa. Periksa apakah berkas tersimpan atau terunggah dengan lengkap.",
              "The file is empty: nothing to check. Check that it was saved or uploaded completely."),
    "binary": ("Berkas ini bukan teks (isinya biner). Simpan laporan sebagai .txt, .md, .docx atau .pdf.",
               "This file is not text (binary content). Save the report as .txt, .md, .docx or .pdf."),
    "too_large": ("Berkas terlalu besar ({size_mb} MB; batas {limit_mb} MB). Naikkan batas dengan --max-file-mb bila memang perlu.",
                  "The file is too large ({size_mb} MB; limit {limit_mb} MB). Raise the limit with --max-file-mb if needed."),
    "unreadable": ("Berkas tidak dapat dibuka: {reason}. Periksa nama dan hak aksesnya.", "The file cannot be opened: {reason}. Check its name and permissions."),
    "doc": ("Berkas .doc (Word 97-2003) tidak didukung. Buka di Word atau LibreOffice lalu simpan sebagai .docx.",
            "A .doc (Word 97-2003) file is not supported. Open it in Word or LibreOffice and save it as .docx."),
    "corrupt": ("Berkas .{kind} ini rusak atau bukan .{kind} yang sebenarnya. Buka di aplikasi aslinya dan simpan ulang, atau minta kiriman ulang.",
                "This .{kind} file is corrupt or not really a .{kind}. Open it in the program that made it and save it again, or ask for it to be sent again."),
    "corrupt_detail": ("Berkas {kind} tidak dapat dibaca ({reason}). Buka di aplikasi aslinya dan simpan ulang, atau minta kiriman ulang.",
                       "The {kind} file cannot be read ({reason}). Open it in the program that made it and save it again, or ask for it to be sent again."),
    "unsupported": ("Format {kind} belum didukung oleh instalasi ini.", "The {kind} format is not supported by this installation."),
    "too_complex": ("Struktur berkas terlalu dalam atau rumit untuk dibaca dengan aman. Simpan ulang dari dokumen aslinya.",
                    "The file's structure is too deep or complex to read safely. Save it again from the original document."),
    "too_much_memory": ("Membaca berkas ini membutuhkan terlalu banyak memori; dihentikan demi keamanan. Simpan ulang dari dokumen aslinya atau pisahkan lampirannya.",
                        "Reading this file needs too much memory; stopped for safety. Save it again from the original document or split off the annexes."),
    "too_slow": ("Membaca berkas {kind} ini memakan waktu lebih dari {seconds} detik; dihentikan. Simpan ulang dari dokumen aslinya (untuk PDF: ekspor ulang dari Word).",
                 "Reading this {kind} file took more than {seconds} seconds; stopped. Save it again from the original document (for a PDF: export it again from Word)."),
    "worker_died": ("Pemeriksaan berkas ini terhenti: proses pemeriksanya mati (mungkin kehabisan memori). Berkas lain tetap diperiksa; coba periksa berkas ini sendiri.",
                    "Checking this file stopped: its worker process died (perhaps out of memory). The other files were still checked; try checking this file on its own."),
    "reader_died": ("Pembaca {kind} berhenti pada berkas ini ({reason}): isinya mengembang terlalu besar saat dibuka atau rusak. Simpan ulang dari dokumen aslinya (untuk PDF: ekspor ulang dari Word).",
                    "The {kind} reader stopped on this file ({reason}): its content expands too much when opened, or it is corrupt. Save it again from the original document (for a PDF: export it again from Word)."),
    "too_many_lines": ("Berkas memuat {count} baris (batas {limit}). Periksa apakah ini memang laporannya; lampiran yang sangat besar dapat dipisah dan diperiksa tersendiri.",
                       "The file has {count} lines (limit {limit}). Check that this is really the report; very large annexes can be split off and checked on their own."),
    "too_many_blocks": ("Berkas memuat lebih dari {limit} paragraf, judul dan tabel. Periksa apakah ini memang laporannya; lampiran yang sangat besar dapat dipisah dan diperiksa tersendiri.",
                        "The file has more than {limit} paragraphs, headings and tables. Check that this is really the report; very large annexes can be split off and checked on their own."),
    "too_many_cells": ("Tabel-tabel berkas ini memuat lebih dari {limit} sel. Periksa apakah ini memang laporannya; lampiran yang sangat besar dapat dipisah dan diperiksa tersendiri.",
                       "The file's tables have more than {limit} cells. Check that this is really the report; very large annexes can be split off and checked on their own."),
    "too_wide": ("Sebuah tabel ({where}) memuat {count} kolom (batas {limit}); berkas kemungkinan rusak atau salah dikonversi. Simpan ulang dari dokumen aslinya.",
                 "A table ({where}) has {count} columns (limit {limit}); the file is probably corrupt or badly converted. Save it again from the original document."),
    "xml_too_big": ("Berkas DOCX ini memuat terlalu banyak elemen XML ({count}; batas {limit}); ditolak demi keamanan. Simpan ulang dari Word atau pisahkan lampirannya.",
                    "This DOCX has too many XML elements ({count}; limit {limit}); refused for safety. Save it again from Word or split off the annexes."),
    "encrypted": ("PDF ini dienkripsi/berkata sandi. Buka kuncinya lalu simpan ulang sebelum diperiksa.",
                  "This PDF is encrypted/password-protected. Remove the protection and save it again before checking."),
    "scanned": ("PDF ini hasil pindaian (tidak ada lapisan teks). Perlu OCR terlebih dahulu; lkjip-lint tidak melakukan OCR.",
                "This PDF is a scan (no text layer). It needs OCR first; lkjip-lint does not do OCR."),
    "zip_bomb": ("Berkas DOCX ini mengembang terlalu besar saat dibuka ({reason}); ditolak demi keamanan. Simpan ulang dari Word; bila tetap ditolak, minta berkas aslinya.",
                 "This DOCX expands too much when unpacked ({reason}); refused for safety. Save it again from Word; if it is still refused, ask for the original file."),
    "xml_entities": ("Berkas DOCX ini memuat deklarasi entitas XML; ditolak demi keamanan. Word tidak pernah menulisnya: simpan ulang dari Word.",
                     "This DOCX declares XML entities; refused for safety. Word never writes them: save it again from Word."),
    "data_too_deep": ("Data terlalu bersarang atau terlalu besar untuk dibaca dengan aman ({reason}).",
                      "The data is too deeply nested or too large to read safely ({reason})."),
    "data_invalid": ("Data tidak dapat dibaca: {reason}.", "The data cannot be read: {reason}."),
    "not_found": ("Berkas atau folder tidak ditemukan.", "File or folder not found."),
}

UI = {
    "no_findings": ("tidak ada temuan", "no findings"),
    "tables_read": ("{n} tabel terbaca", "{n} tables read"),
    "summary": ("{files} berkas diperiksa: {error} kesalahan, {warning} peringatan, {info} catatan.",
                "{files} files checked: {error} errors, {warning} warnings, {info} notes."),
    "unreadable_summary": ("{n} berkas tidak dapat dibaca.", "{n} files could not be read."),
    "expected": ("seharusnya", "expected"),
    "actual": ("tertulis", "reported"),
    "related": ("terkait", "related to"),
    "line": ("baris", "line"),
    "page": ("hal.", "p."),
    "document_start": ("awal dokumen", "document start"),
    "error": ("kesalahan", "error"),  # the same words as the HTML report and the web page
    "warning": ("peringatan", "warning"),
    "info": ("catatan", "note"),
    "cannot_read": ("tidak dapat dibaca", "cannot be read"),
    "output_no_folder": ("Tidak dapat menulis {path}: folder {folder} tidak ada. Buat foldernya dulu atau pilih tempat lain.",
                         "Cannot write {path}: the folder {folder} does not exist. Create it first or choose another place."),
    "output_is_input": ("Tidak menulis ke {path}: berkas itu sedang diperiksa dan akan tertimpa. Pilih nama keluaran lain.",
                        "Not writing to {path}: it is one of the files being checked and would be overwritten. Choose another output name."),
    "output_failed": ("Tidak dapat menulis {path}: {reason}. Periksa bahwa foldernya ada dan dapat ditulisi.",
                      "Cannot write {path}: {reason}. Check that the folder exists and is writable."),
    "annotate_done": ("{path}: {comments} catatan ditulis ({suggestions} koreksi terlacak); berkas asli tidak diubah.",
                      "{path}: {comments} notes written ({suggestions} tracked corrections); the original is unchanged."),
    "annotate_format": ("{path}: anotasi hanya untuk DOCX dan PDF; untuk format ini pakai `lkjip-lint check`.",
                        "{path}: annotation is for DOCX and PDF only; for this format use `lkjip-lint check`."),
    "suggest_pdf": ("--suggest hanya berlaku untuk DOCX; PDF mendapat sorotan dan catatan saja.",
                    "--suggest applies to DOCX only; a PDF gets highlights and notes."),
    "format_needs_output": ("--format {fmt} menulis berkas biner: beri --output FILE.",
                            "--format {fmt} writes a binary file: give --output FILE."),
    "baseline_unused": ("{n} entri baseline tidak lagi cocok dengan temuan apa pun.",
                        "{n} baseline entries no longer match any finding."),
}


def input_error(code: str, values: dict, lang: str) -> str:
    pair = INPUT_ERRORS.get(code, ("Berkas tidak dapat dibaca ({code}).", "The file cannot be read ({code})."))
    if lang == "en":
        from lkjip_lint.engine.localise import values_for

        values = values_for(lang, values)
    return render(pair[1] if lang == "en" else pair[0], {"code": code, **values}, lang)


def ui(key: str, lang: str, **values) -> str:
    pair = UI[key]
    return render(pair[1] if lang == "en" else pair[0], values, lang)


# Configuration and rule-file errors are raised before the language is known (the
# configuration may set it), in English; in Indonesian their fixed wording is replaced
# here. Details quoted from the schema validator stay as it words them. Patterns as text: compiled
# (and cached by re) only when an error is shown, not at every start.
_USAGE_ID: tuple[tuple[str, object], ...] = (
    (r"unknown rule code (\S+) \(did you mean (\S+)\?\)", r"kode aturan \1 tidak dikenal (maksudnya \2?)"),
    (r"unknown rule code (\S+) \(`lkjip-lint rules` lists the codes\)",
     r"kode aturan \1 tidak dikenal (`lkjip-lint rules` mendaftar semua kode)"),
    (r"unknown key (\S+) \(did you mean (\S+)\?\)", r"kunci \1 tidak dikenal (maksudnya \2?)"),
    (r"unknown key (\S+) \(allowed: ", r"kunci \1 tidak dikenal (yang boleh: "),
    (r": invalid YAML: ", r": YAML tidak sah: "),
    (r": invalid TOML: ", r": TOML tidak sah: "),
    (r": cannot read configuration: ", r": konfigurasi tidak dapat dibaca: "),
    (r"more than (\d+) values once aliases are expanded; refused",
     r"lebih dari \1 nilai setelah alias dijabarkan; ditolak"),
    (r"nested deeper than (\d+) levels; refused", r"bersarang lebih dari \1 tingkat; ditolak"),
    (r"the configuration must be a mapping of keys to values", r"konfigurasi harus berupa pemetaan kunci ke nilai"),
    (r", field '([^']*)'", r", bidang '\1'"),
    (r", rule (\S+?)([:,])", r", aturan \1\2"),
    (r": not valid YAML \(", r": bukan YAML yang sah ("),
    (r": rule folder does not exist", r": folder aturan tidak ada"),
    (r"^command line: ", r"baris perintah: "),
    (r": cannot read baseline: ", r": baseline tidak dapat dibaca: "),
    (r": invalid JSON: ", r": JSON tidak sah: "),
    (r": not a lkjip-lint baseline \(expected ", r": bukan baseline lkjip-lint (yang diharapkan "),
    (r": findings\[(\d+)\] needs string 'file', 'rule' and 'fingerprint'",
     r": findings[\1] harus memuat teks 'file', 'rule' dan 'fingerprint'"),
    # the schema validator's and pydantic's own wording of a wrong value
    (r" is not one of \[", r" bukan salah satu dari ["),
    (r" is not of type '(\w+)'", lambda m: f" harus bertipe {_TYPE_ID.get(m.group(1), m.group(1))}"),
    (r" is not valid under any of the given schemas", r" tidak sesuai dengan bentuk mana pun yang diizinkan"),
    (r" is a required property", r" wajib ada"),
    (r" is less than the minimum of ", r" kurang dari batas bawah "),
    (r" is greater than the maximum of ", r" lebih dari batas atas "),
    (r" is less than or equal to the minimum of ", r" harus lebih dari "),
    (r" should be non-empty", r" tidak boleh kosong"),
    (r" is too short", r" terlalu pendek"),
    (r" does not match ", r" tidak cocok dengan pola "),
    (r"Field required", r"wajib diisi"),
    (r"Extra inputs are not permitted|Unexpected keyword argument", r"kunci tidak dikenal"),
    (r"Input should be a valid (\w+)", lambda m: f"harus berupa {_TYPE_ID.get(m.group(1), m.group(1))} yang sah"),
    (r"Input should be ", r"harus "),
    (r"List should have at least (\d+) items?", r"daftar harus berisi paling sedikit \1 butir"),
    (r"Value error, ", r""),
    (r"unknown measure '([^']*)'; did you mean '([^']*)'\?", r"ukuran '\1' tidak dikenal; maksudnya '\2'?"),
)

_TYPE_ID = {"number": "angka", "integer": "bilangan bulat", "string": "teks", "boolean": "true/false",
            "array": "daftar", "object": "pemetaan", "decimal": "desimal", "list": "daftar",
            "dictionary": "pemetaan", "float": "angka"}


def usage_error(text: str, lang: str) -> str:
    """A configuration or rule-file error in the chosen language."""
    if lang == "en":
        return text
    for pattern, replacement in _USAGE_ID:
        text = re.sub(pattern, replacement, text)
    return text
