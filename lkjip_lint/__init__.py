"""lkjip-lint: a linter for LKjIP (Laporan Kinerja Instansi Pemerintah) reports."""

__version__ = "0.1.0"
