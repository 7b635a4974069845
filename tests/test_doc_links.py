"""A fresh clone has working links in every document: each relative link (and picture) in the
README, CONTRIBUTING.md and docs/*.md names a file of the repository, and none leads out of it
(the shared material beside a developer's checkout is not there in a clone)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")
_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.M)
_HTML = re.compile(r"""<(?:img|a)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)


def links_in(text: str) -> list[str]:
    """The link targets of a Markdown text, code blocks and code spans left out."""
    text = _CODE.sub("", _FENCE.sub("", text))
    return [m.group(1) for pattern in (_INLINE, _REFERENCE, _HTML) for m in pattern.finditer(text)]


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    found = []
    for target in links_in(document.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            continue  # a web address, mailto:, or a place in the same page
        path = (document.parent / target.split("#")[0]).resolve()
        if not path.is_relative_to(root):
            found.append(f"{target} (outside the repository)")
        elif not path.exists():
            found.append(f"{target} (no such file)")
    return found


def test_every_document_is_checked():
    names = {d.relative_to(ROOT).as_posix() for d in DOCUMENTS}
    assert {"README.md", "CONTRIBUTING.md", "docs/architecture.md"} <= names


def test_every_relative_link_names_a_file_of_the_repository():
    broken = {
        d.relative_to(ROOT).as_posix(): problems for d in DOCUMENTS if (problems := broken_links(d))
    }
    assert broken == {}


def test_the_check_finds_a_missing_file_and_a_link_out_of_the_repository(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "there.md").write_text("# There\n", encoding="utf-8")
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](docs/there.md#there) ![pic](docs/gone.png) [away](../shared/docs/rules.md)\n"
        '[web](https://example.org) [here](#top) <img src="docs/missing.svg">\n'
        "[ref]: docs/there.md\n"
        "```\n[in code](nowhere.md)\n```\n`[span](nowhere.md)`\n",
        encoding="utf-8",
    )
    assert broken_links(page, tmp_path) == [
        "docs/gone.png (no such file)",
        "../shared/docs/rules.md (outside the repository)",
        "docs/missing.svg (no such file)",
    ]
