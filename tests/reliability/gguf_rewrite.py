"""Copy a real GGUF with one string metadata value replaced (e.g. a hostile chat template).

Tensor offsets are relative to the start of the data section, so the data is copied verbatim
after the rewritten header, re-padded to the file's alignment.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import BinaryIO

from tests.assistant.models.ggufgen import STRING, gstr

_FIXED = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}


def _u32(fh: BinaryIO) -> int:
    return int(struct.unpack("<I", fh.read(4))[0])


def _u64(fh: BinaryIO) -> int:
    return int(struct.unpack("<Q", fh.read(8))[0])


def _string(fh: BinaryIO) -> bytes:
    return fh.read(_u64(fh))


def _skip_value(fh: BinaryIO, vtype: int) -> object:
    if vtype == STRING:
        return _string(fh)
    if vtype == 9:
        item_type, count = _u32(fh), _u64(fh)
        if item_type in _FIXED:
            fh.seek(_FIXED[item_type] * count, os.SEEK_CUR)
        else:
            for _ in range(count):
                _skip_value(fh, item_type)
        return None
    raw = fh.read(_FIXED[vtype])
    return int.from_bytes(raw, "little") if vtype in (4, 10) else raw


def rewrite_string(src: Path, dest: Path, key: str, new_value: str) -> Path:
    """Write ``src`` to ``dest`` with the string ``key`` set to ``new_value``."""
    with src.open("rb") as fh:
        assert fh.read(4) == b"GGUF"
        version, n_tensors, n_kv = struct.unpack("<IQQ", fh.read(20))
        head = bytearray(b"GGUF" + struct.pack("<IQQ", version, n_tensors, n_kv))
        alignment = 32
        found = False
        for _ in range(n_kv):
            start = fh.tell()
            name = _string(fh).decode()
            vtype = _u32(fh)
            value = _skip_value(fh, vtype)
            if name == key and vtype == STRING:
                head += gstr(name) + struct.pack("<I", STRING) + gstr(new_value)
                found = True
                continue
            if name == "general.alignment" and isinstance(value, int):
                alignment = value
            end = fh.tell()
            fh.seek(start)
            head += fh.read(end - start)
        assert found, f"{key} not in {src.name}"
        infos_start = fh.tell()
        for _ in range(n_tensors):
            _string(fh)
            fh.seek(8 * _u32(fh) + 4 + 8, os.SEEK_CUR)
        infos_end = fh.tell()
        fh.seek(infos_start)
        head += fh.read(infos_end - infos_start)
        head += b"\0" * (-len(head) % alignment)
        data_start = -(-infos_end // alignment) * alignment
        with dest.open("wb") as out:
            out.write(head)
            fh.seek(data_start)
            while block := fh.read(16 * 1024 * 1024):
                out.write(block)
    return dest
