"""Checks and staging for uploaded files (no streamlit): allowed kinds, the size limit from
settings, and a private folder under GOVKG_HOME where accepted files are kept with their name."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from govkg.errors import InputError
from govkg.settings import Settings, private_dir, write_private

__all__ = ["ALLOWED_SUFFIXES", "check_upload", "safe_name", "stage_upload"]

ALLOWED_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".pdf", ".docx", ".doc")


def safe_name(name: str) -> str:
    """The file's own name without folders or characters a file system would mind."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f/:*?\"<>|]", "_", base).strip(" .")
    return base or "upload"


def check_upload(name: str, size: int, settings: Settings) -> None:
    """Raise InputError naming the file when it is not a kind govkg reads or is too large."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise InputError(name, f"不支持的文件类型 {suffix or '（无扩展名）'}；支持 {'、'.join(ALLOWED_SUFFIXES)}")
    if size == 0:
        raise InputError(name, "文件是空的")
    limit = settings.max_upload_mb * 1024 * 1024
    if size > limit:
        raise InputError(name, f"文件 {size / 1048576:.1f} MB，超过上限 {settings.max_upload_mb} MB "
                               "（设置 GOVKG_MAX_UPLOAD_MB 可调整）")


def stage_upload(name: str, data: bytes, settings: Settings) -> Path:
    """Save the bytes under GOVKG_HOME/uploads/<hash>/<name> (folders 0700, the file 0600) and return
    the path."""
    check_upload(name, len(data), settings)
    folder = private_dir(private_dir(settings.home / "uploads") / hashlib.sha256(data).hexdigest()[:16])
    return write_private(folder / safe_name(name), data)
