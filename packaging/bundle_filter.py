"""Trimming the bundle: PyInstaller's Qt hooks collect every plugin of a kind (VNC and
framebuffer screens, the GTK theme, ...) and every library those plugins link. This keeps the
plugins a desktop app uses, then keeps only the libraries something kept still links.

Used by runstrength-desktop.spec; plain functions over PyInstaller's (dest, src, typecode)
entries so tests/test_packaging.py can check them without a build."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Plugin folder -> the plugins kept there (None: all of them). Screens: X11, Wayland, and
# offscreen/minimal for CI and --smoke. Pictures: SVG (the icon), ICO, JPEG, GIF; PNG is
# built into Qt. The GTK theme is left out: it would load the system's GTK against the
# bundle's GLib, and it drags in cairo, pango and friends.
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},
    "iconengines": None,
    "platforminputcontexts": None,  # compose keys (dead keys, accents) and IBus
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
}
# Folders of data the app never loads: Qt's own translations (the app is in English).
DROPPED_DATA = ("PySide6/Qt/translations/",)
# Libraries loaded with dlopen, which no import table names: the bootloader's Python, and
# D-Bus, which Qt opens at run time for the desktop portal and accessibility.
DLOPENED = ("libpython", "libdbus-1")

Entry = tuple[str, str, str]


def plugin_kept(dest: str) -> bool | None:
    """Whether a Qt plugin is kept; None for anything that is not a Qt plugin."""
    parts = PurePosixPath(dest).parts
    if "plugins" not in parts or parts[:1] != ("PySide6",):
        return None
    inside = parts[parts.index("plugins") + 1 :]
    if len(inside) < 2:
        return None
    if inside[0] not in KEPT_PLUGINS:
        return False
    wanted = KEPT_PLUGINS[inside[0]]
    stem = PurePosixPath(inside[-1]).name.split(".")[0].removeprefix("lib")
    return wanted is None or stem in wanted


def prune(
    binaries: Iterable[Entry], datas: Iterable[Entry], linked: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """The binaries still needed and the data still wanted. `linked(src)` gives the file
    names of the libraries a binary links directly."""
    binaries = [e for e in binaries if plugin_kept(e[0]) is not False]
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    roots = [
        e
        for e in binaries
        if e[2] == "EXTENSION" or plugin_kept(e[0]) or PurePosixPath(e[0]).name.startswith(DLOPENED)
    ]
    needed = {e[0] for e in roots}
    todo = list(roots)
    while todo:
        entry = todo.pop()
        for name in linked(entry[1]):
            for dependency in by_name.get(name, ()):
                if dependency[0] not in needed:
                    needed.add(dependency[0])
                    todo.append(dependency)
    kept_binaries = [e for e in binaries if e[0] in needed]
    kept_datas = [
        e
        for e in datas
        if not e[0].startswith(DROPPED_DATA)
        and plugin_kept(e[0]) is not False
        and not (e[2] == "SYMLINK" and _is_library(e[1]) and e[1] not in needed)
    ]
    return kept_binaries, kept_datas


def _is_library(path: str) -> bool:
    return ".so" in PurePosixPath(path).name or path.endswith((".dll", ".dylib"))
