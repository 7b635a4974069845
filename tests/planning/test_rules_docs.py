"""docs/planning-rules.md is the contract: it lists every rule with its source, the README's
table lists every rule and links to it, and nothing points outside the repository."""

from __future__ import annotations

from pathlib import Path

from runstrength_desktop.planning import RULE_IDS
from runstrength_desktop.planning.sources import ARTICLES, SOURCES

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "planning-rules.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def table_rows(text: str) -> dict[str, str]:
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0].startswith("`") and cells[0].strip("`") in RULE_IDS:
            rows.setdefault(cells[0].strip("`"), line)  # the first table: the rules
    return rows


def test_the_page_has_every_rule_with_its_citation_and_the_articles_by_title():
    rows = table_rows(PAGE)
    assert list(rows) == list(RULE_IDS)
    for key, source in SOURCES.items():
        assert source.text() in rows[key.split(".")[0]], key
    assert all(title in PAGE for title in ARTICLES.values())
    assert ".txt" not in PAGE and "../shared" not in PAGE


def test_the_readme_lists_every_rule_and_links_to_the_page():
    assert list(table_rows(README)) == list(RULE_IDS)
    assert "[docs/planning-rules.md](docs/planning-rules.md)" in README
    assert "shared/docs/planning-rules.md" not in README
