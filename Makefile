# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PACKAGE_STAMP := $(VENV)/.installed-package

.PHONY: run test lint bench bench-docs reliability package screenshots clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP) $@

$(PACKAGE_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[package]'
	touch $(STAMP) $@

run: $(STAMP)
	$(PY) -m runstrength_desktop

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Lint, format and type checks (configured in pyproject.toml); make test runs them first.
lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -q -s -o addopts="" -p no:cacheprovider

# make bench, and copy its table into the README (run it on a quiet machine).
bench-docs: $(TEST_STAMP)
	BENCH_README=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -q -s -o addopts="" -p no:cacheprovider

# The crash, fuzz, fault and monkey tests with their full counts (50 kills, 2,000 monkey
# actions, thousands of fuzz cases); prints the figures docs/reliability.md reports.
reliability: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/reliability -q -o addopts="" -p no:cacheprovider

# The one-folder bundle in dist/runstrength-desktop/ and its archive (packaging/build.py).
package: $(PACKAGE_STAMP)
	$(PY) packaging/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_progress_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_import_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_runs_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_planner_screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_season_screenshots.py
