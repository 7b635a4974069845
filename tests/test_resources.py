"""The catalogue is found from the source tree, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from runstrength_desktop import assets as resources


def test_source_tree_catalogue_is_found():
    resources.resources_dir.cache_clear()
    assert (resources.resources_dir() / "exercises.json").is_file()
    assert len(resources.shipped_exercises()) >= 50


def test_pyinstaller_bundle_folder_wins(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    (bundle / "resources").mkdir(parents=True)
    shutil.copy(resources.resource_path("exercises.json"), bundle / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resources.resources_dir.cache_clear()
    try:
        assert resources.resources_dir() == bundle / "resources"
    finally:
        resources.resources_dir.cache_clear()


def test_wheel_ships_the_catalogue_and_icon(tmp_path):
    root = resources.Path(resources.__file__).resolve().parents[1]
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("runstrength_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    package = root / "runstrength_desktop"
    sources = {str(p.relative_to(root)) for p in package.rglob("*.py")}
    assert sources - set(names) == set()  # every module ships, new subpackages included
    assert "runstrength_desktop/resources/exercises.json" in names
    assert "runstrength_desktop/resources/icons/runstrength-desktop.svg" in names
    # Installed from the wheel (no source tree beside it), the package finds its catalogue.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "from runstrength_desktop import assets as r; "
        "print(r.resources_dir(), len(r.shipped_exercises()))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    folder, count = found.stdout.split()
    assert folder.startswith(str(target)) and int(count) >= 50
