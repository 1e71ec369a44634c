"""A PDF's text as a Python user gets it, for the robustness probe (scripts/robustness.ts).

    python3 scripts/pdf-text.py pymupdf|pymupdf-sort|pypdf in.pdf out.txt

pymupdf: PyMuPDF's page.get_text() for each page, joined as written (no mark between pages),
the usual way; Debian's python3-fitz. pymupdf-sort: the same with get_text(sort=True), its text
blocks sorted by position (top, then left), PyMuPDF's documented "natural reading order". pypdf: pypdf's page.extract_text() for each page, joined by
newlines (LangChain's PyPDFLoader reads a page so); Debian's python3-pypdf.
"""
import sys

mode, pdf, out = sys.argv[1:4]
if mode == "pymupdf":
    import fitz

    text = "".join(page.get_text() for page in fitz.open(pdf))
elif mode == "pymupdf-sort":
    import fitz

    text = "".join(page.get_text(sort=True) for page in fitz.open(pdf))
elif mode == "pypdf":
    import pypdf

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
else:
    sys.exit(f"unknown mode {mode}")
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
