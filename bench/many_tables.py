"""A long text report with many small tables: the input the time bound is measured on.

`many_tables(n)` gives a report of n small tables (caption, header, three rows, a
Jumlah row, a sentence citing the table) after the sample report's title page; about
2 MB at n = 6 700. Used by bench/bench_scaling.py and tests/test_time_limits.py.
"""
from __future__ import annotations

# Tables of a real report name the same places again and again.
PLACES = ("Purbalingga Lor", "Purbalingga Kulon", "Purbalingga Kidul", "Penambongan", "Kedungmenjangan", "Bancar",
          "Purbalingga Wetan", "Wirasana", "Bojong", "Kandanggampang", "Kembaran Kulon", "Jatisaba", "Toyareja")

TITLE = ("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)\nKECAMATAN PURBALINGGA\nTAHUN 2024\n\n"
         "BAB IV LAMPIRAN\n\n")


def one_table(k: int) -> str:
    a, b, c = 10 + k % 7, 20 + k % 5, 30 + k % 3
    p, q, r = (PLACES[(k + i) % len(PLACES)] for i in range(3))
    total = a + b + c + (1 if k % 50 == 0 else 0)  # now and then a wrong total, so checks have work
    return (f"Tabel 4.{k}\n\nJumlah Penduduk Wilayah {k}\n\n"
            f"No\tKelurahan\tPenduduk\t%\n"
            f"1\t{p}\t{a}\t{a * 100 / total:.2f}\n"
            f"2\t{q}\t{b}\t{b * 100 / total:.2f}\n"
            f"3\t{r}\t{c}\t{c * 100 / total:.2f}\n"
            f"\tJumlah\t{total}\t100\n\n"
            f"Sumber: Kecamatan Purbalingga dalam angka 2024. Tabel 4.{k} menunjukkan jumlah penduduk {total} jiwa "
            f"di wilayah {k}, dengan capaian kinerja yang baik.\n\n")


def many_tables(n: int) -> str:
    return TITLE + "".join(one_table(k) for k in range(1, n + 1))
