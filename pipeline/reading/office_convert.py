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


BATCH_SECONDS_PER_FILE = 10.0  # convert_many's time: the one-file limit plus this per file


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


def _refusal(data: bytes, suffix: str, limits: ConvertLimits) -> IngestError | None:
    """Why the file is not given to LibreOffice at all, or None."""
    if soffice() is None:
        return _fail(
            f"unsupported file type {suffix}: reading it needs LibreOffice, which is not installed "
            f"(apt-get install libreoffice-writer-nogui)"
        )
    if len(data) > limits.max_bytes:
        return _fail(f"{suffix} file is {len(data) / 2**20:.1f} MB, over the {limits.max_bytes // 2**20} MB limit")
    if data.startswith(_OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data:
        return _fail(f"{suffix} file is encrypted with a password: ask the publisher for an open copy")
    return None


def _soffice(work: Path, sources: list[Path], out_dir: Path, timeout_s: float) -> tuple[int | None, bytes]:
    """Run LibreOffice headless on ``sources`` (its own profile under ``work``, its own process
    group): its exit status, or None when it ran out of time and was killed; its stderr."""
    cmd = [
        str(soffice()),
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
        *map(str, sources),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, b""
    return proc.returncode, err


def convert_to_docx(data: bytes, suffix: str, limits: ConvertLimits | None = None) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps file's bytes; raises ``IngestError``."""
    limits = limits or ConvertLimits()
    suffix = suffix.lower()
    refusal = _refusal(data, suffix, limits)
    if refusal is not None:
        raise refusal
    work = Path(tempfile.mkdtemp(prefix="polex-convert-"))
    try:
        src = work / f"in{suffix}"
        src.write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        status, err = _soffice(work, [src], out_dir, limits.timeout_s)
        if status is None:
            raise _fail(f"LibreOffice took over {limits.timeout_s:.0f} s to convert the {suffix} file; not read")
        out = out_dir / "in.docx"
        if status != 0 or not out.exists() or out.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            why = f" ({detail[-1][:200]})" if detail else ""
            raise _fail(f"LibreOffice could not convert the {suffix} file: corrupt, encrypted or not a Word file{why}")
        if out.stat().st_size > limits.max_output_bytes:
            raise _fail(f"the {suffix} file converts to over {limits.max_output_bytes // 2**20} MB of .docx; not read")
        return out.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def convert_many(files: list[tuple[bytes, str]], limits: ConvertLimits | None = None) -> list[bytes | None]:
    """The .docx of each of several .doc/.wps files, from one LibreOffice run: starting it
    takes seconds, converting a file then a fraction of one (measured: 10 files in one run
    7.4 s, one file alone 5.5 s).  None where it made none (a corrupt file, the run's time
    ran out) or the file is refused up front: ``convert_to_docx`` gives those their reason.
    Never raises."""
    limits = limits or ConvertLimits()
    results: list[bytes | None] = [None] * len(files)
    todo = [k for k, (data, suffix) in enumerate(files) if _refusal(data, suffix.lower(), limits) is None]
    if not todo:
        return results
    work = Path(tempfile.mkdtemp(prefix="polex-convert-"))
    try:
        sources = []
        for k in todo:
            data, suffix = files[k]
            sources.append(work / f"in{k}{suffix.lower()}")
            sources[-1].write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        _soffice(work, sources, out_dir, limits.timeout_s + BATCH_SECONDS_PER_FILE * len(todo))
        for k in todo:
            out = out_dir / f"in{k}.docx"
            if out.is_file() and 0 < out.stat().st_size <= limits.max_output_bytes:
                results[k] = out.read_bytes()
    except OSError:
        pass  # the files are converted one by one instead
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results
