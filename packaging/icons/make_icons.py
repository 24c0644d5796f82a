"""Render resources/icons/deskmate.svg to the PNG sizes (hicolor theme) and a Windows .ico.

    .venv/bin/python packaging/icons/make_icons.py      # rewrites packaging/icons/*.png, .ico

The PNGs are committed (so packagers need no SVG renderer); run this after changing the SVG.
Uses Qt's SVG renderer (PySide6, already a dependency) and Pillow for the .ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "deskmate.svg"
OUT = Path(__file__).resolve().parent
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, dest: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(dest), "PNG"):
        raise SystemExit(f"cannot write {dest}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs an application object
    for size in SIZES:
        render(size, OUT / f"deskmate-{size}.png")
    from PIL import Image

    with Image.open(OUT / "deskmate-256.png") as img:
        img.save(OUT / "deskmate.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(f"wrote {len(SIZES)} PNGs and deskmate.ico to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
