"""Text of a PDF via pdfminer.six (CJK fonts with ToUnicode maps decode to real characters).

Hard wraps at the page's right margin are left in; :func:`loaders.read.normalize.normalize_text`
joins them. Page breaks (form feeds) become blank lines.
"""
from __future__ import annotations

from govkg.errors import InputError

__all__ = ["pdf_to_text"]


def pdf_to_text(path: str, max_pages: int = 2000) -> str:
    """All text of the PDF at ``path``; raises :class:`InputError` for damaged or empty PDFs."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
        if b"%PDF-" not in head:
            raise InputError(path, "is not a PDF (no %PDF- header); check the file or its suffix")
        text = extract_text(path, laparams=LAParams(), maxpages=max_pages)
    except (InputError, MemoryError):
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "is an encrypted PDF; remove the password and try again") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError, IndexError) as err:
        raise InputError(path, f"is a damaged or truncated PDF ({type(err).__name__}: {str(err)[:80]}); "
                               "download or export it again") from None
    except Exception as err:  # noqa: BLE001 -- pdfminer raises many unrelated types on broken files
        raise InputError(path, f"could not be read as PDF ({type(err).__name__}: {str(err)[:80]}); "
                               "download or export it again") from None
    text = text.replace("\x0c", "\n\n")
    if not text.strip():
        raise InputError(path, "is a PDF without a text layer (scanned images?); run OCR first")
    return text
