"""DOCX → PDF with LibreOffice (`soffice --headless --convert-to pdf`) where it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RasoatError
from ..messages import say

SECONDS = 120


class PdfUnavailableError(RasoatError):
    code = "pdf_unavailable"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> bytes:
    """The PDF of a DOCX; PdfUnavailableError without LibreOffice or when the conversion fails."""
    program = soffice()
    if program is None:
        raise PdfUnavailableError(say("pdf_unavailable"))
    with tempfile.TemporaryDirectory(prefix="rasoat-pdf-") as folder:
        source = Path(folder) / "phieu.docx"
        source.write_bytes(data)
        try:
            subprocess.run([program, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source),
                            f"-env:UserInstallation=file://{folder}/profile"],
                           capture_output=True, timeout=SECONDS, check=True)
            return (Path(folder) / "phieu.pdf").read_bytes()
        except (subprocess.SubprocessError, OSError) as error:
            raise PdfUnavailableError(say("pdf_failed")) from error
