"""Deskmate's core: models, engines, tasks, store and documents. Never imports Qt."""

__version__ = "0.1.0"
