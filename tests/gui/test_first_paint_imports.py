"""The window paints before NumPy and pyqtgraph are imported (they cost about 0.3 s of a
0.7 s start): the Progress tab's data source and the editor's records bring them in when
first used. A fresh process opens the window on a logbook and says what it imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from runstrength_desktop.store import Repository

SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from runstrength_desktop.app import create_window
app = QApplication.instance() or QApplication([])
folder = Path(sys.argv[1])
settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = create_window(folder / "logbook.sqlite", settings)
window.show()
app.processEvents()
print(json.dumps(sorted(m for m in ("numpy", "pyqtgraph") if m in sys.modules)))
window.close()
"""


def test_the_window_paints_without_numpy_or_pyqtgraph(tmp_path):
    Repository.open(tmp_path / "logbook.sqlite").close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
