"""A small, bounds-checked GGUF header reader: metadata and tensor table, never the weights.

The file is read as a stream, so a multi-GB model costs a few hundred KB of reads. Every length
read from the file is checked against the bytes left in the file and against hard caps, so a
hostile header cannot make us allocate huge memory or loop for ever. Large arrays (the tokenizer
vocabulary) are skipped over, not kept. A file shorter than its tensor table says is reported as
truncated before any loader touches it.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from assistant.errors import BadModelFile, ModelNotFound

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32

MAX_KEY_BYTES = 64 * 1024
MAX_STRING_BYTES = 16 * 1024 * 1024  # chat templates are KBs; 16 MB is plenty
MAX_KV_COUNT = 1 << 20
MAX_TENSOR_COUNT = 1 << 20
MAX_ARRAY_COUNT = 1 << 26  # larger than any real vocabulary
MAX_NESTING = 4
MAX_DIMS = 8
KEEP_ARRAY_ITEMS = 1024  # arrays longer than this are summarized, not kept
_INLINE_READ = 4096  # strings longer than this are skipped with a seek when not kept
# The header is ~10^5 tiny reads. With the default 8 KB buffer the file read under them
# releases and retakes the GIL every few hundred microseconds, which keeps resetting the
# interpreter's switch timer: other threads (a window's event loop) then starve for the whole
# parse (100-240 ms here). Refilling 1 MB at a time lets the switch interval work (< 10 ms).
_READ_BUFFER = 1 << 20

# GGUF metadata value types -> struct format of a scalar
_SCALARS: dict[int, str] = {
    0: "<B",  # uint8
    1: "<b",  # int8
    2: "<H",  # uint16
    3: "<h",  # int16
    4: "<I",  # uint32
    5: "<i",  # int32
    6: "<f",  # float32
    7: "<?",  # bool
    10: "<Q",  # uint64
    11: "<q",  # int64
    12: "<d",  # float64
}
_STRING, _ARRAY = 8, 9

# ggml tensor types -> (elements per block, bytes per block); from ggml's type traits.
_QK = 256
GGML_BLOCK: dict[int, tuple[int, int]] = {
    0: (1, 4),  # F32
    1: (1, 2),  # F16
    2: (32, 18),  # Q4_0
    3: (32, 20),  # Q4_1
    6: (32, 22),  # Q5_0
    7: (32, 24),  # Q5_1
    8: (32, 34),  # Q8_0
    9: (32, 40),  # Q8_1
    10: (_QK, 4 + _QK // 16 + _QK // 4),  # Q2_K
    11: (_QK, 2 + _QK // 4 + _QK // 8 + 12),  # Q3_K
    12: (_QK, 4 + _QK // 2 + 12),  # Q4_K
    13: (_QK, 4 + _QK // 2 + _QK // 8 + 12),  # Q5_K
    14: (_QK, 2 + _QK // 2 + _QK // 4 + _QK // 16),  # Q6_K
    15: (_QK, 4 + _QK + _QK // 8),  # Q8_K
    16: (_QK, 2 + _QK // 4),  # IQ2_XXS
    17: (_QK, 2 + _QK // 4 + _QK // 32),  # IQ2_XS
    18: (_QK, 2 + _QK // 4 + _QK // 8),  # IQ3_XXS
    19: (_QK, 2 + _QK // 8 + _QK // 16),  # IQ1_S
    20: (32, 18),  # IQ4_NL
    21: (_QK, 2 + _QK // 4 + _QK // 8 + _QK // 32 + 4),  # IQ3_S
    22: (_QK, 2 + _QK // 4 + _QK // 16),  # IQ2_S
    23: (_QK, 4 + _QK // 2 + _QK // 64),  # IQ4_XS
    24: (1, 1),  # I8
    25: (1, 2),  # I16
    26: (1, 4),  # I32
    27: (1, 8),  # I64
    28: (1, 8),  # F64
    29: (_QK, _QK // 8 + _QK // 16 + _QK // 32),  # IQ1_M
    30: (1, 2),  # BF16
    34: (_QK, 2 + 4 * 13),  # TQ1_0
    35: (_QK, 2 + 64),  # TQ2_0
    39: (32, 17),  # MXFP4
}


@dataclass(frozen=True, slots=True)
class ArraySummary:
    """Stands in for a metadata array too long to keep (e.g. the vocabulary)."""

    item_type: int
    count: int


@dataclass(frozen=True, slots=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    ggml_type: int
    offset: int  # from the start of the tensor data section
    nbytes: int | None  # None for a ggml type this reader does not know


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    version: int
    file_size: int
    tensor_count: int
    architecture: str
    name: str
    context_length: int | None
    block_count: int | None
    chat_template: str | None
    data_offset: int  # where the tensor data starts
    data_size: int  # bytes the tensor table says the data needs
    metadata: Mapping[str, object] = field(repr=False)
    tensors: tuple[TensorInfo, ...] = field(repr=False, default=())

    def meta_int(self, key: str) -> int | None:
        """An integer metadata value, or None when absent or not an integer."""
        return _as_int(self.metadata, key)


def _as_int(metadata: Mapping[str, object], key: str) -> int | None:
    value = metadata.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class _Reader:
    """Bounded reads from a stream of known size; any overrun is a BadModelFile."""

    def __init__(self, fh: BinaryIO, size: int, label: str) -> None:
        self.fh, self.size, self.label = fh, size, label
        self.pos = 0

    def truncated(self, what: str) -> BadModelFile:
        return BadModelFile(
            f"{self.label} is truncated or corrupt: the file ends inside its {what} "
            f"(at byte {self.pos:,} of {self.size:,})",
            hint="copy or download the model file again",
        )

    def need(self, n: int, what: str) -> None:
        if n < 0 or self.pos + n > self.size:
            raise self.truncated(what)

    def read(self, n: int, what: str) -> bytes:
        self.need(n, what)
        data = self.fh.read(n)
        if len(data) != n:
            raise self.truncated(what)
        self.pos += n
        return data

    def skip(self, n: int, what: str) -> None:
        self.need(n, what)
        self.fh.seek(n, os.SEEK_CUR)
        self.pos += n

    def unpack(self, fmt: str, what: str) -> int | float | bool:
        value: int | float | bool = struct.unpack(fmt, self.read(struct.calcsize(fmt), what))[0]
        return value

    def u32(self, what: str) -> int:
        return int(self.unpack("<I", what))

    def u64(self, what: str) -> int:
        return int(self.unpack("<Q", what))

    def string(self, what: str, limit: int = MAX_STRING_BYTES, keep: bool = True) -> str | None:
        length = self.u64(what)
        if length > limit:
            raise BadModelFile(
                f"{self.label} has an implausible {what} length ({length:,} bytes)",
                hint="the file is corrupt or not a model",
            )
        if not keep and length > _INLINE_READ:
            self.skip(length, what)
            return None
        return self.read(length, what).decode("utf-8", errors="replace")


def _value(r: _Reader, vtype: int, key: str, depth: int = 0) -> object:
    what = f"metadata value {key!r}"
    if vtype in _SCALARS:
        return r.unpack(_SCALARS[vtype], what)
    if vtype == _STRING:
        return r.string(what)
    if vtype != _ARRAY:
        raise BadModelFile(f"{r.label} has an unknown metadata type {vtype} for {key!r}")
    if depth >= MAX_NESTING:
        raise BadModelFile(f"{r.label} nests metadata arrays too deeply ({key!r})")
    item_type = r.u32(what)
    count = r.u64(what)
    if count > MAX_ARRAY_COUNT:
        raise BadModelFile(f"{r.label} has an implausible array length {count:,} for {key!r}")
    keep = count <= KEEP_ARRAY_ITEMS
    if item_type in _SCALARS:
        width = struct.calcsize(_SCALARS[item_type])
        if not keep:
            r.skip(count * width, what)
            return ArraySummary(item_type, count)
        fmt = "<" + _SCALARS[item_type][1] * count
        return list(struct.unpack(fmt, r.read(count * width, what)))
    if item_type == _STRING:
        items = [r.string(what, keep=keep) for _ in range(count)]
        return items if keep else ArraySummary(item_type, count)
    if item_type == _ARRAY:
        nested = [_value(r, _ARRAY, key, depth + 1) for _ in range(count)]
        return nested if keep else ArraySummary(item_type, count)
    raise BadModelFile(f"{r.label} has an unknown array item type {item_type} for {key!r}")


def _tensor(r: _Reader, index: int) -> TensorInfo:
    name = r.string(f"tensor {index} name", limit=MAX_KEY_BYTES) or ""
    n_dims = r.u32(f"tensor {name!r}")
    if not 0 < n_dims <= MAX_DIMS:
        raise BadModelFile(f"{r.label}: tensor {name!r} has {n_dims} dimensions")
    shape = tuple(r.u64(f"tensor {name!r}") for _ in range(n_dims))
    ggml_type = r.u32(f"tensor {name!r}")
    offset = r.u64(f"tensor {name!r}")
    elements = 1
    for dim in shape:
        elements *= dim
    nbytes = None
    if ggml_type in GGML_BLOCK:
        block, width = GGML_BLOCK[ggml_type]
        nbytes = -(-elements // block) * width
    return TensorInfo(name, shape, ggml_type, offset, nbytes)


def read_header(fh: BinaryIO, size: int, label: str) -> GGUFInfo:
    """Parse the header of an open GGUF stream of ``size`` bytes (``label`` names it)."""
    r = _Reader(fh, size, label)
    if size < 4 or r.read(4, "magic") != MAGIC:
        raise BadModelFile(
            f"{label} is not a GGUF model file",
            hint="choose a .gguf file in llama.cpp format",
        )
    version = r.u32("header")
    if version not in SUPPORTED_VERSIONS:
        raise BadModelFile(
            f"{label} uses GGUF version {version}; only versions 2 and 3 are supported",
            hint="convert it with a current llama.cpp",
        )
    tensor_count = r.u64("header")
    kv_count = r.u64("header")
    if tensor_count > MAX_TENSOR_COUNT or kv_count > MAX_KV_COUNT:
        raise BadModelFile(f"{label} has an implausible header ({tensor_count:,} tensors)")
    metadata: dict[str, object] = {}
    for _ in range(kv_count):
        key = r.string("metadata key", limit=MAX_KEY_BYTES) or ""
        metadata[key] = _value(r, r.u32(f"metadata type of {key!r}"), key)
    tensors = tuple(_tensor(r, i) for i in range(tensor_count))
    alignment = metadata.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
        raise BadModelFile(f"{label} has an invalid alignment {alignment!r}")
    data_offset = -(-r.pos // alignment) * alignment
    data_size = 0
    for t in tensors:
        end = t.offset + (t.nbytes if t.nbytes is not None else 1)
        data_size = max(data_size, end)
    if data_offset + data_size > size:
        raise BadModelFile(
            f"{label} is truncated: it has {size:,} bytes but its tensor table needs "
            f"{data_offset + data_size:,}",
            hint="the copy or download was interrupted; get the file again",
        )
    return _info(label, version, size, metadata, tensors, data_offset, data_size)


def _info(
    label: str,
    version: int,
    size: int,
    metadata: dict[str, object],
    tensors: tuple[TensorInfo, ...],
    data_offset: int,
    data_size: int,
) -> GGUFInfo:
    arch = metadata.get("general.architecture")
    arch = arch if isinstance(arch, str) else ""
    name = metadata.get("general.name")
    template = metadata.get("tokenizer.chat_template")

    return GGUFInfo(
        path=Path(label),
        version=version,
        file_size=size,
        tensor_count=len(tensors),
        architecture=arch,
        name=name if isinstance(name, str) else "",
        context_length=_as_int(metadata, f"{arch}.context_length"),
        block_count=_as_int(metadata, f"{arch}.block_count"),
        chat_template=template if isinstance(template, str) else None,
        data_offset=data_offset,
        data_size=data_size,
        metadata=metadata,
        tensors=tensors,
    )


def inspect_gguf(path: Path) -> GGUFInfo:
    """Read and check the header of the GGUF file at ``path`` (typed errors for bad files)."""
    path = Path(path)
    try:
        with path.open("rb", buffering=_READ_BUFFER) as fh:
            size = os.fstat(fh.fileno()).st_size
            info = read_header(fh, size, str(path))
    except FileNotFoundError:
        raise ModelNotFound(f"model file not found: {path}") from None
    except IsADirectoryError:
        raise BadModelFile(f"{path} is a folder, not a GGUF model file") from None
    except OSError as exc:
        raise BadModelFile(f"cannot read model file {path}: {exc.strerror or exc}") from exc
    if info.tensor_count == 0:
        raise BadModelFile(f"{path} is a GGUF file without any tensors (not a usable model)")
    return info
