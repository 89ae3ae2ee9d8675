"""Word 97-2003 ``.doc`` and WPS ``.wps`` → ``.docx`` bytes, with LibreOffice headless.

``convert_to_docx(data, suffix, limits)`` runs ``soffice --convert-to docx`` on a copy of
the bytes in a private temporary folder, with its own user profile (LibreOffice refuses
a profile another instance holds), in its own process group, killed when the time limit
runs out.  The .docx then goes through ``docx_text.read_docx``, so ``raw_text`` means the
same for .doc/.wps as for .docx.  Both Kingsoft WPS Writer files (.wps in the Word 97
binary format) and Microsoft Works .wps are formats LibreOffice's detector reads.

Failures are ``IngestError("decode", reason)``: converter missing (``unsupported file
type .doc: …`` naming the package to install), too large, timed out, conversion failed
(corrupt, encrypted, not a Word file).  antiword and catdoc were measured and lose
table structure (``docs/formats.md``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import IngestError

VERSION = "1"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class ConvertLimits:
    max_bytes: int = 50 * 1024 * 1024
    timeout_s: float = 120.0
    max_output_bytes: int = 200 * 1024 * 1024


def soffice() -> str | None:
    """The LibreOffice binary, or None.  ``POLEX_SOFFICE`` names another one."""
    configured = os.environ.get("POLEX_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def converter_identity() -> str:
    """Which LibreOffice would convert (for the cache key), without starting it (that takes
    seconds): its build id and the size of its Writer library, or ``libreoffice missing``."""
    binary = soffice()
    if binary is None:
        return "libreoffice missing"
    program = Path(binary).resolve().parent
    build = ""
    versionrc = program / "versionrc"
    if versionrc.is_file():
        found = re.search(r"^buildid=(.*)$", versionrc.read_text(errors="replace"), re.MULTILINE)
        build = found.group(1).strip() if found else ""
    writer = program / "libswlo.so"
    size = writer.stat().st_size if writer.is_file() else 0
    return f"libreoffice {build} {size}"


def _fail(reason: str) -> IngestError:
    return IngestError("decode", reason)


def convert_to_docx(data: bytes, suffix: str, limits: ConvertLimits | None = None) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps file's bytes; raises ``IngestError``."""
    limits = limits or ConvertLimits()
    suffix = suffix.lower()
    binary = soffice()
    if binary is None:
        raise _fail(
            f"unsupported file type {suffix}: reading it needs LibreOffice, which is not installed "
            f"(apt-get install libreoffice-writer-nogui)"
        )
    if len(data) > limits.max_bytes:
        raise _fail(f"{suffix} file is {len(data) / 2**20:.1f} MB, over the {limits.max_bytes // 2**20} MB limit")
    if data.startswith(_OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data:
        raise _fail(f"{suffix} file is encrypted with a password: ask the publisher for an open copy")
    work = Path(tempfile.mkdtemp(prefix="polex-convert-"))
    try:
        src = work / f"in{suffix}"
        src.write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        cmd = [
            binary,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out_dir),
            str(src),
        ]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=limits.timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise _fail(
                f"LibreOffice took over {limits.timeout_s:.0f} s to convert the {suffix} file; not read"
            ) from None
        out = out_dir / "in.docx"
        if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            why = f" ({detail[-1][:200]})" if detail else ""
            raise _fail(f"LibreOffice could not convert the {suffix} file: corrupt, encrypted or not a Word file{why}")
        if out.stat().st_size > limits.max_output_bytes:
            raise _fail(f"the {suffix} file converts to over {limits.max_output_bytes // 2**20} MB of .docx; not read")
        return out.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)
