"""Writing support: change hunks between two texts, protected tokens, custom actions."""
