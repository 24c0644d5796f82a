"""Sentence embeddings (sentence-transformers, offline, lazy): ``Embedder``."""

from assistant.embed.embedder import Embedder, resolve_device, resolve_model_path

__all__ = ["Embedder", "resolve_device", "resolve_model_path"]
