"""The GGUF header reader: the real 0.5B model, truncated copies, junk and hostile headers."""

from __future__ import annotations

import contextlib
import os
import struct
from pathlib import Path

import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import BadModelFile, ModelNotFound
from assistant.models.gguf import ArraySummary, inspect_gguf, read_header
from tests.assistant.models import ggufgen as g

HEADER_COPY = 8 * 1024 * 1024  # the 0.5B model's header + tensor table end at ~5.9 MB


def partial_copy(src: Path, dst: Path, nbytes: int, *, sparse_size: int | None = None) -> Path:
    """Copy the first ``nbytes`` of ``src``; optionally extend (sparse, no data) to a size."""
    with src.open("rb") as fin, dst.open("wb") as fout:
        fout.write(fin.read(nbytes))
        if sparse_size is not None:
            fout.truncate(sparse_size)
    return dst


def test_real_model_header(fast_model_path: Path) -> None:
    info = inspect_gguf(fast_model_path)
    assert info.version == 3
    assert info.architecture == "qwen2"
    assert "Qwen2.5" in info.name
    assert info.context_length == 32768
    assert info.block_count == 24
    assert info.chat_template is not None and "<|im_start|>" in info.chat_template
    assert info.file_size == fast_model_path.stat().st_size == 491_400_064
    assert info.tensor_count == 291 == len(info.tensors)
    # the tensor table accounts for every byte of the file
    assert info.data_offset + info.data_size == info.file_size
    vocab = info.metadata["tokenizer.ggml.tokens"]
    assert isinstance(vocab, ArraySummary) and vocab.count == 151936
    assert info.meta_int("qwen2.attention.head_count_kv") == 2


def test_truncated_in_tensor_data(fast_model_path: Path, tmp_path: Path) -> None:
    bad = partial_copy(fast_model_path, tmp_path / "cut.gguf", HEADER_COPY)
    with pytest.raises(BadModelFile, match="truncated") as exc:
        inspect_gguf(bad)
    assert f"{HEADER_COPY:,} bytes" in exc.value.message
    assert "491,400,064" in exc.value.message


def test_truncated_by_one_byte_sparse(fast_model_path: Path, tmp_path: Path) -> None:
    size = fast_model_path.stat().st_size
    bad = partial_copy(fast_model_path, tmp_path / "short.gguf", HEADER_COPY, sparse_size=size - 1)
    with pytest.raises(BadModelFile, match="truncated"):
        inspect_gguf(bad)


def test_truncated_inside_metadata(fast_model_path: Path, tmp_path: Path) -> None:
    bad = partial_copy(fast_model_path, tmp_path / "head.gguf", 1024 * 1024)  # inside the vocab
    with pytest.raises(BadModelFile, match="ends inside its metadata"):
        inspect_gguf(bad)


@pytest.mark.parametrize(
    "content",
    [b"", b"GGU", b"hello, this is a text file\n" * 100, os.urandom(64 * 1024), b"\x89PNG\r\n"],
    ids=["empty", "three-bytes", "text", "random", "png"],
)
def test_not_gguf(tmp_path: Path, content: bytes) -> None:
    path = g.write(tmp_path / "model.gguf", content)
    with pytest.raises(BadModelFile, match="not a GGUF model file"):
        inspect_gguf(path)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        inspect_gguf(tmp_path / "nope.gguf")
    with pytest.raises(BadModelFile, match="folder"):
        inspect_gguf(tmp_path)


def test_synthetic_model_all_value_types(tmp_path: Path) -> None:
    info = inspect_gguf(g.write(tmp_path / "tiny.gguf", g.tiny_model()))
    assert (info.architecture, info.name, info.context_length, info.block_count) == (
        "llama",
        "Tiny Test",
        4096,
        2,
    )
    assert info.chat_template == "{{ messages[0]['content'] }}"
    assert info.metadata["tokenizer.ggml.add_bos_token"] is True
    assert info.metadata["some.nested"] == [[1, 2], [3]]
    assert info.metadata["some.int64"] == -5
    assert info.metadata["some.f64"] == 2.5
    assert info.metadata["tokenizer.ggml.tokens"] == ArraySummary(8, 2100)
    assert info.data_offset + info.data_size == info.file_size


def test_version_1_rejected(tmp_path: Path) -> None:
    path = g.write(tmp_path / "v1.gguf", g.build([], version=1))
    with pytest.raises(BadModelFile, match="version 1"):
        inspect_gguf(path)


def test_no_tensors_rejected(tmp_path: Path) -> None:
    path = g.write(tmp_path / "empty.gguf", g.build([g.kv("general.architecture", 8, "x")]))
    with pytest.raises(BadModelFile, match="without any tensors"):
        inspect_gguf(path)


@pytest.mark.parametrize(
    "payload, message",
    [
        # a string claiming 2**62 bytes: rejected without allocating
        (g.gstr("k") + struct.pack("<IQ", 8, 2**62), "implausible"),
        # an array claiming 2**60 elements
        (g.gstr("k") + struct.pack("<IIQ", 9, 4, 2**60), "implausible array length"),
        # an array of 10**6 uint64 with no bytes behind it: the file ends
        (g.gstr("k") + struct.pack("<IIQ", 9, 10, 10**6), "truncated"),
        # an unknown value type
        (g.gstr("k") + struct.pack("<I", 99), "unknown metadata type"),
        # arrays nested deeper than any real model
        (g.gstr("k") + struct.pack("<IIQ", 9, 9, 1) + struct.pack("<IQ", 9, 1) * 10, "nests"),
    ],
    ids=["huge-string", "huge-array", "short-array", "bad-type", "deep-nesting"],
)
def test_hostile_metadata(tmp_path: Path, payload: bytes, message: str) -> None:
    data = b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + payload
    path = g.write(tmp_path / "hostile.gguf", data)
    with pytest.raises(BadModelFile, match=message):
        inspect_gguf(path)


def test_hostile_counts(tmp_path: Path) -> None:
    path = g.write(tmp_path / "h.gguf", b"GGUF" + struct.pack("<IQQ", 3, 2**40, 2**40))
    with pytest.raises(BadModelFile, match="implausible header"):
        inspect_gguf(path)


def test_tensor_offset_beyond_file(tmp_path: Path) -> None:
    data = g.tiny_model()
    cut = g.write(tmp_path / "cut.gguf", data[:-100])
    with pytest.raises(BadModelFile, match="truncated"):
        inspect_gguf(cut)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tail=st.binary(max_size=512), version=st.sampled_from([2, 3]))
def test_fuzzed_headers_only_raise_bad_model_file(
    tmp_path: Path, tail: bytes, version: int
) -> None:
    """Whatever follows a valid preamble, the reader ends in a result or a BadModelFile."""
    path = tmp_path / "fuzz.gguf"
    path.write_bytes(b"GGUF" + struct.pack("<I", version) + tail)
    with path.open("rb") as fh, contextlib.suppress(BadModelFile):
        read_header(fh, path.stat().st_size, "fuzz")


def test_fuzzed_mutations_of_real_header(tmp_path: Path) -> None:
    """Flip bytes across a real model's header: always a result or a BadModelFile."""
    import random

    base = bytearray(g.tiny_model())
    rng = random.Random(1234)
    outcomes = {"ok": 0, "bad": 0}
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(4, len(data))] = rng.randrange(256)
        path = g.write(tmp_path / "m.gguf", bytes(data))
        try:
            inspect_gguf(path)
            outcomes["ok"] += 1
        except BadModelFile:
            outcomes["bad"] += 1
    assert outcomes["ok"] + outcomes["bad"] == 300
    assert outcomes["bad"] > 0


@pytest.mark.model
def test_reading_a_real_header_takes_few_system_reads(fast_model_path: Path) -> None:
    """The header's ~300,000 small fields (the vocabulary) come from a large file buffer. With
    an 8 KB buffer each refill was a system call that gave up and retook the GIL, which kept a
    window's event loop waiting for the whole parse (100-240 ms, measured by `deskmate bench`);
    the number of system reads is the machine-independent cause, checked here."""
    process = psutil.Process()
    before = process.io_counters().read_count
    info = inspect_gguf(fast_model_path)
    reads = process.io_counters().read_count - before
    assert info.tensor_count > 0
    # A few MB of header at 1 MB a read: a handful (8 KB buffers took several hundred).
    assert reads < 64, f"{reads} system reads for one header"
