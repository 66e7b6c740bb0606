"""Annotated copies of a checked report: Word comments in a DOCX, highlights with notes in a PDF.

The original is never written: the copy goes to a temporary file beside the target
and is renamed over it only when complete (annotate/output.py).
"""
