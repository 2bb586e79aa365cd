"""Bytes to checked text: the one place input is refused, each refusal one clear line."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.settings import DEFAULT, Settings


def load_bytes(path: Path, settings: Settings = DEFAULT) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    if size > settings.max_bytes:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the {settings.max_bytes / 1e6:.0f} MB limit for one input"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, or an InputError saying why not."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte at offset {exc.start})") from None
    return text
