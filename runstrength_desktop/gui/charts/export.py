"""Saving a chart as a PNG picture or an SVG drawing with pyqtgraph's exporters."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

FORMATS = {  # suffix: (menu text, file dialog filter)
    ".png": ("PNG picture…", "PNG picture (*.png)"),
    ".svg": ("SVG drawing…", "SVG drawing (*.svg)"),
}


def _tolerate_closed_paths() -> None:
    """pyqtgraph 0.14's SVG exporter rewrites each path's points one "x,y" token at a time and
    fails on the "Z" that closes a path, which Qt 6.12 writes for every rectangle
    (pyqtgraph issue #3495). Take the Z tokens out before that rewrite and put them back at
    the same places after it; a path without one goes through unchanged."""
    module: Any = importlib.import_module("pyqtgraph.exporters.SVGExporter")  # pyqtgraph: untyped
    original = module.correctCoordinates
    if getattr(original, "tolerates_closed_paths", False):
        return

    def correct(node, defs, item, options):
        closed = []
        for path in node.getElementsByTagName("path"):
            tokens = path.getAttribute("d").split()
            marks = [i for i, token in enumerate(tokens) if token in ("Z", "z")]
            if marks:
                closed.append((path, marks))
                path.setAttribute("d", " ".join(t for t in tokens if t not in ("Z", "z")))
        original(node, defs, item, options)
        for path, marks in closed:
            tokens = path.getAttribute("d").split()
            for index in marks:
                tokens.insert(index, "Z")
            path.setAttribute("d", " ".join(tokens))

    patched: Any = correct  # marked, so a second call leaves it as it is
    patched.tolerates_closed_paths = True
    module.correctCoordinates = patched


def export_chart(item: pg.GraphicsLayout, path: Path, title: str = "") -> None:
    """Write the chart to path, PNG or SVG by its suffix, with its title in the file's
    metadata too (PNG text, SVG <title>); OSError when it cannot be written."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        _tolerate_closed_paths()
        svg = SVGExporter(item).export(toBytes=True)
        if title:
            svg = _with_title(svg, title)
        path.write_bytes(svg)
    elif suffix == ".png":
        exporter = ImageExporter(item)
        # Twice the size on screen, so the picture stays sharp in a document or on a slide.
        exporter.parameters()["width"] = int(item.boundingRect().width() * 2)
        image = exporter.export(toBytes=True)
        if title:
            image.setText("Title", title)
        if not image.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    else:
        raise ValueError(f"a chart is saved as .png or .svg, not {suffix or 'no suffix'}")


def _pictures_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(found) if found else Path.home()


def _with_title(svg: bytes, title: str) -> bytes:
    """The drawing with a <title> element first in it, which viewers show as its name."""
    head, tag, rest = svg.partition(b"<svg")
    if not tag:
        return svg
    end = rest.index(b">") + 1
    return head + tag + rest[:end] + f"<title>{escape(title)}</title>".encode() + rest[end:]


class SaveChartButton(QPushButton):
    """'Save chart' with a menu of formats. `export(path)` writes the chart (OSError when it
    cannot), `name` gives the suggested file name; `saved` is told the path after a
    successful save."""

    def __init__(
        self,
        export: Callable[[Path], None],
        name: Callable[[], str],
        saved: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setText("Save chart")
        self.setToolTip("Save this chart as a PNG picture or an SVG drawing")
        self._export, self._name, self._saved = export, name, saved
        self.folder = _pictures_folder()
        menu = QMenu(self)
        for suffix, (text, _filter) in FORMATS.items():
            action = menu.addAction(text, functools.partial(self.save_as, suffix))
            action.setObjectName(f"saveChart{suffix[1:].upper()}")
        self.setMenu(menu)

    def save_as(self, suffix: str) -> Path | None:
        text, file_filter = FORMATS[suffix]
        suggested = self.folder / f"{self._name()}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, f"Save chart as {text.rstrip('…')}", str(suggested), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            self._export(path)
        except OSError as error:
            QMessageBox.warning(
                self, "Save chart", f"Could not save the chart to {path}: {error.strerror or error}"
            )
            return None
        self.folder = path.parent
        self._saved(path)
        return path
