"""One way to key a cache: a hash over parts that cannot run into each other, and a repr that
is the same in every run (functions are named, not shown by address)."""

from __future__ import annotations

import hashlib


def content_key(*parts: bytes | str) -> str:
    """One hash over all the parts, each separated by its length, so that ('ab', 'c') != ('a', 'bc')."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def stable_repr(value) -> str:
    """repr() that is the same in every run: a function is named, not shown by its address."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{stable_repr(k)}: {stable_repr(v)}" for k, v in sorted(value.items(), key=str)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(v) for v in value) + "]"
    return repr(value)
