"""Write small GGUF files byte by byte, for header-parsing tests (not loadable models)."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

STRING, ARRAY = 8, 9
FORMATS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q",
           11: "<q", 12: "<d"}  # fmt: skip


def gstr(text: str | bytes) -> bytes:
    raw = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(raw)) + raw


def value(vtype: int, val: object) -> bytes:
    if vtype == STRING:
        assert isinstance(val, str)
        return gstr(val)
    if vtype == ARRAY:
        assert isinstance(val, tuple)
        item_type, items = val
        body = b"".join(value(item_type, v) for v in items)
        return struct.pack("<IQ", item_type, len(items)) + body
    return struct.pack(FORMATS[vtype], val)


def kv(key: str, vtype: int, val: object) -> bytes:
    return gstr(key) + struct.pack("<I", vtype) + value(vtype, val)


def build(
    kvs: list[bytes],
    tensors: Sequence[tuple[str, tuple[int, ...], int]] = (),
    *,
    version: int = 3,
    data_bytes: int | None = None,
) -> bytes:
    """A GGUF with F32/F16 tensors laid out back to back; ``data_bytes`` cuts the data."""
    head = b"GGUF" + struct.pack("<IQQ", version, len(tensors), len(kvs)) + b"".join(kvs)
    infos = b""
    offset = 0
    for name, shape, ggml_type in tensors:
        infos += gstr(name) + struct.pack("<I", len(shape))
        infos += b"".join(struct.pack("<Q", d) for d in shape)
        infos += struct.pack("<IQ", ggml_type, offset)
        count = 1
        for d in shape:
            count *= d
        offset += -(-count * (4 if ggml_type == 0 else 2) // 32) * 32
    header = head + infos
    header += b"\0" * (-len(header) % 32)
    data = b"\x01" * offset
    return header + (data if data_bytes is None else data[:data_bytes])


def tiny_model(name: str = "Tiny Test", arch: str = "llama") -> bytes:
    kvs = [
        kv("general.architecture", STRING, arch),
        kv("general.name", STRING, name),
        kv(f"{arch}.context_length", 4, 4096),
        kv(f"{arch}.block_count", 4, 2),
        kv(f"{arch}.embedding_length", 4, 64),
        kv(f"{arch}.attention.head_count", 4, 4),
        kv(f"{arch}.attention.head_count_kv", 4, 2),
        kv("tokenizer.chat_template", STRING, "{{ messages[0]['content'] }}"),
        kv("tokenizer.ggml.tokens", ARRAY, (STRING, ["<s>", "a", "b"] * 700)),
        kv("tokenizer.ggml.scores", ARRAY, (6, [0.5] * 2000)),
        kv("tokenizer.ggml.add_bos_token", 7, True),
        kv("some.nested", ARRAY, (ARRAY, [(4, [1, 2]), (4, [3])])),
        kv("some.int64", 11, -5),
        kv("some.f64", 12, 2.5),
    ]
    tensors = [("token_embd.weight", (64, 10), 0), ("blk.0.attn_q.weight", (64, 64), 1)]
    return build(kvs, tensors)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
