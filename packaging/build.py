"""Build the one-folder bundle into dist/runstrength-desktop/ and pack it for download.

    .venv/bin/python packaging/build.py [--no-archive]      (or: make package)

PyInstaller runs the spec beside this file; then the folder gets what a desktop needs to show
the app (share/applications, share/metainfo, share/icons/hicolor, all named by the app id) and
install.sh, which installs it for one user. The archive is
dist/runstrength-desktop-VERSION-SYSTEM-MACHINE.tar.gz (.zip on Windows and macOS)."""

from __future__ import annotations

import argparse
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runstrength_desktop import APP_ID, __version__  # noqa: E402

NAME = "runstrength-desktop"
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
DIST = ROOT / "dist"


def run_pyinstaller(dist: Path = DIST) -> Path:
    # No --clean: PyInstaller's cache in build/ makes a rebuild after a code change quick.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(PACKAGING / f"{NAME}.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / NAME


def add_desktop_files(bundle: Path) -> None:
    """share/ with the .desktop file, the metainfo and the icons under the app id, and the
    per-user installer, laid out as they go under ~/.local."""
    share = bundle / "share"
    targets = {
        PACKAGING / f"{APP_ID}.desktop": share / "applications" / f"{APP_ID}.desktop",
        PACKAGING / f"{APP_ID}.metainfo.xml": share / "metainfo" / f"{APP_ID}.metainfo.xml",
        ICONS / f"{NAME}.svg": share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        targets[ICONS / f"{NAME}-{size}.png"] = (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        )
    for source, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    installer = bundle / "install.sh"
    shutil.copyfile(PACKAGING / "install.sh", installer)
    installer.chmod(installer.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def strip_python_runtime(bundle: Path) -> int:
    """Drop the debug symbols of the build machine's own Python (libpython and the standard
    library's extension modules; a Python built from source keeps tens of MB of them).
    Only those: PyInstaller's strip of every library breaks wheels' bundled ones (NumPy's
    OpenBLAS no longer loads: "ELF load command address/offset not page-aligned")."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return 0
    internal = bundle / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    files = [f for f in files if f.is_file() and not f.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-debug", *map(str, files)], check=True)
    return len(files)


def make_archive(bundle: Path) -> Path:
    system, machine = platform.system().lower(), platform.machine().lower()
    base = bundle.parent / f"{NAME}-{__version__}-{system}-{machine}"
    if system != "linux":
        return Path(shutil.make_archive(str(base), "zip", bundle.parent, bundle.name))
    archive = base.with_name(base.name + ".tar.gz")
    # Level 6 packs the Qt libraries nearly as small as 9 in half the time.
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def folder_size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 2**20
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = run_pyinstaller()
    strip_python_runtime(bundle)
    add_desktop_files(bundle)
    built = time.perf_counter() - started
    print(
        f"bundle: {bundle.relative_to(ROOT)}/ ({folder_size_mb(bundle):.0f} MB, "
        f"version {__version__}) built in {built:.0f} s"
    )
    if not args.no_archive:
        archive = make_archive(bundle)
        print(
            f"archive: {archive.relative_to(ROOT)} ({archive.stat().st_size / 2**20:.0f} MB) "
            f"in {time.perf_counter() - started - built:.0f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
