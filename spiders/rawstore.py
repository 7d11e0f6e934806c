"""Raw pages, compressed and content-addressed: raw/ab/cd/<sha256>.html.gz under the
data directory. The same body fetched twice is stored once; a write is atomic, so a
killed crawl never leaves half a file behind."""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def relative_path(digest: str) -> str:
    return f"raw/{digest[:2]}/{digest[2:4]}/{digest}.html.gz"


def store_body(data_dir: Path, body: bytes) -> tuple[str, str]:
    """Store ``body``; returns (sha256 hex, path relative to data_dir)."""
    digest = body_hash(body)
    rel = relative_path(digest)
    target = data_dir / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(gzip.compress(body, compresslevel=6, mtime=0))
        os.replace(tmp, target)
    return digest, rel


def load_body(data_dir: Path, rel: str) -> bytes:
    return gzip.decompress((data_dir / rel).read_bytes())
