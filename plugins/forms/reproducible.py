"""Make an ODF zip reproducible: odfpy stamps the current time on every entry, so rewrite it
with fixed entry times, `mimetype` first and stored (uncompressed), the rest deflated."""

from __future__ import annotations

import datetime
import io
import zipfile

MIMETYPE = "mimetype"


def reproducible_zip(data: bytes, day: datetime.date) -> bytes:
    """The same entries in the same order, each dated `day` at 00:00, `mimetype` first and stored."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [MIMETYPE] + [name for name in source.namelist() if name != MIMETYPE]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == MIMETYPE else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=9 if name != MIMETYPE else None)
    return buffer.getvalue()
