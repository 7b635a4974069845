"""analysis/ is computed without a window or a database: it imports neither Qt nor peewee."""

from __future__ import annotations

from tests.test_layering import PACKAGE, QT_OR_DB, offenders


def test_analysis_imports_neither_qt_nor_peewee():
    assert (PACKAGE / "analysis").is_dir()
    assert offenders(PACKAGE / "analysis", QT_OR_DB) == []
