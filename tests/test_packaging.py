"""What the bundle and the desktop integration are made of (packaging/): the icons, the
.desktop file and metainfo under the app id, the trimming of Qt plugins, the per-user
installer, and the fatal crash hook the CI check of the frozen app relies on. The bundle
itself is built and started by .ci/run (packaging/check_bundle.sh), not here: it takes a
few minutes."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from runstrength_desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def load(name: str):
    """A script of packaging/ as a module (the folder is not a package: it would shadow the
    PyPI `packaging` module)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_png_size_is_rendered_from_the_svg(qapp):
    from PySide6.QtGui import QImage

    from runstrength_desktop.gui.app_icon import app_icon

    for size in SIZES:
        image = QImage(str(ROOT / "resources" / "icons" / f"runstrength-desktop-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        # The icon's orange fills the top middle, its rounded corners stay transparent.
        assert image.pixelColor(size // 2, size // 8).name() == "#e8572a"
        assert image.pixelColor(0, 0).alpha() == 0
    offered = {s.width() for s in app_icon().availableSizes()}
    assert offered == set(SIZES)


def test_desktop_file_names_the_app_id_and_the_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "RunStrength Desktop"
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"] == "runstrength-desktop"
    assert desktop["Terminal"] == "false"


def test_metainfo_matches_the_package():
    root = ElementTree.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("provides/binary").text == "runstrength-desktop"
    # The newest release is the version the package reports: a version bump needs its entry.
    assert root.find("releases/release").get("version") == __version__


@pytest.mark.parametrize(
    "tool, args, name",
    [
        ("desktop-file-validate", [], f"{APP_ID}.desktop"),
        ("appstreamcli", ["validate", "--no-net"], f"{APP_ID}.metainfo.xml"),
    ],
)
def test_desktop_files_pass_the_freedesktop_validators(tool, args, name):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    result = subprocess.run(
        [tool, *args, str(PACKAGING / name)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_prune_keeps_desktop_plugins_and_what_they_link():
    prune = load("bundle_filter").prune
    qt = "PySide6/Qt"
    binaries = [
        (f"{qt}/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        (f"{qt}/plugins/platforms/libqoffscreen.so", "/s/libqoffscreen.so", "BINARY"),
        (f"{qt}/plugins/platforms/libqvnc.so", "/s/libqvnc.so", "BINARY"),
        (f"{qt}/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        (f"{qt}/plugins/imageformats/libqsvg.so", "/s/libqsvg.so", "BINARY"),
        (f"{qt}/plugins/imageformats/libqtiff.so", "/s/libqtiff.so", "BINARY"),
        (f"{qt}/plugins/sqldrivers/libqsqlite.so", "/s/libqsqlite.so", "BINARY"),
        (f"{qt}/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        (f"{qt}/lib/libQt6Network.so.6", "/s/libQt6Network.so.6", "BINARY"),
        (f"{qt}/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
        ("libscipy_openblas.so", "/s/libscipy_openblas.so", "BINARY"),
        ("numpy/_core/_multiarray_umath.so", "/s/_multiarray_umath.so", "EXTENSION"),
    ]
    links = {
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Core.so.6", "libc.so.6"],
        "/s/libqvnc.so": ["libQt6Network.so.6"],
        "/s/libqgtk3.so": ["libcairo.so.2"],
        "/s/_multiarray_umath.so": ["libscipy_openblas.so"],
    }
    datas = [
        (f"{qt}/translations/qt_de.qm", "/s/qt_de.qm", "DATA"),
        ("libQt6Network.so.6", f"{qt}/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Core.so.6", f"{qt}/lib/libQt6Core.so.6", "SYMLINK"),
        ("resources/exercises.json", "/s/exercises.json", "DATA"),
    ]
    kept, kept_datas = prune(binaries, datas, lambda src: links.get(src, []))
    names = {Path(dest).name for dest, _src, _kind in kept}
    assert names == {
        "libqxcb.so",
        "libqoffscreen.so",
        "libqsvg.so",
        "libQt6XcbQpa.so.6",
        "libQt6Core.so.6",
        "libpython3.11.so.1.0",
        "libscipy_openblas.so",
        "_multiarray_umath.so",
    }
    assert [d[0] for d in kept_datas] == ["libQt6Core.so.6", "resources/exercises.json"]


def fake_bundle(folder: Path) -> Path:
    """A bundle folder as build.py lays it out, with a shell script for the frozen binary."""
    bundle = folder / "runstrength-desktop"
    (bundle / "_internal").mkdir(parents=True)
    binary = bundle / "runstrength-desktop"
    binary.write_text(f"#!/bin/sh\necho runstrength-desktop {__version__}\n")
    binary.chmod(0o755)
    load("build").add_desktop_files(bundle)
    return bundle


def test_installer_puts_the_app_in_the_menu_and_takes_it_out_again(tmp_path):
    bundle = fake_bundle(tmp_path / "download")
    prefix = tmp_path / "home" / ".local"
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [str(bundle / "install.sh"), "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"installed RunStrength Desktop {__version__}" in result.stdout
    app_dir = prefix / "lib" / "runstrength-desktop"
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{app_dir}/runstrength-desktop"' in desktop.read_text().splitlines()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in SIZES:
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (prefix / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    launched = subprocess.run(
        [str(prefix / "bin" / "runstrength-desktop")], capture_output=True, text=True, timeout=60
    )
    assert launched.stdout.strip() == f"runstrength-desktop {__version__}"
    shutil.rmtree(bundle)  # the download can go: the app runs from its installed copy
    assert (app_dir / "runstrength-desktop").is_file()

    removed = subprocess.run(
        [str(app_dir / "install.sh"), "--prefix", str(prefix), "--uninstall"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert removed.returncode == 0, removed.stderr
    # Only the menu's and icon theme's caches stay, rebuilt without the app.
    left = [
        p
        for p in prefix.rglob("*")
        if (p.is_file() or p.is_symlink()) and not p.name.endswith(".cache")
    ]
    assert left == []


def test_installer_refuses_a_folder_without_the_app(tmp_path):
    bundle = fake_bundle(tmp_path)
    (bundle / "runstrength-desktop").unlink()
    result = subprocess.run(
        [str(bundle / "install.sh"), "--prefix", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "runstrength-desktop is missing" in result.stderr
    assert not (tmp_path / "p" / "share").exists()


SMOKE_WITH_BROKEN_CHARTS = textwrap.dedent("""
    import sys
    from runstrength_desktop.gui import progress_tab
    def broken(self):
        raise RuntimeError("charts could not be built")
    progress_tab.ProgressTab.refresh = broken
    from runstrength_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_smoke_run_ends_with_an_error_when_the_window_raises(tmp_path):
    """CI's check of the frozen app must fail, not hang on a crash dialog nobody closes."""
    config = tmp_path / "config" / "RunStrength"
    config.mkdir(parents=True)
    (config / "RunStrength Desktop.conf").write_text("[window]\ntab=2\n")  # the Progress tab
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SMOKE_WITH_BROKEN_CHARTS,
            "--db",
            str(tmp_path / "book.sqlite"),
            "--smoke",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "charts could not be built" in result.stderr
    assert "startup_s" not in result.stdout


def test_the_activity_readers_are_dependencies_and_in_the_bundle():
    """fitdecode, gpxpy and defusedxml are loaded only when runs are imported: the package
    must require them and the PyInstaller spec must name their modules."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = {name.split(">")[0].split("=")[0] for name in project["project"]["dependencies"]}
    assert {"fitdecode", "gpxpy", "defusedxml"} <= needed
    assert "runstrength_desktop.interchange.activities" in project["tool"]["setuptools"]["packages"]
    spec = (PACKAGING / "runstrength-desktop.spec").read_text(encoding="utf-8")
    for module in ("fitdecode", "gpxpy", "defusedxml"):
        assert f'collect_submodules("{module}")' in spec
