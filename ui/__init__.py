"""Deskmate desktop app (PySide6). Drives ``assistant.core.Core`` from worker threads."""
