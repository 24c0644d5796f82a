"""Model catalog, assembly of bundled chunked packages, GGUF checks, user-added models."""
