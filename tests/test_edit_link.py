"""Every page's "edit this page" link opens its own source file, in its own language; and
BUILD_ONLY_LOCALE builds one language for a fast preview."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, site_config

EDIT = re.compile(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"[^>]*rel="edit"|'
                  r'<a href="([^"]+)"[^>]*rel="edit"[^>]*class="md-content__button md-icon"')


def edit_link(page_html: str) -> str | None:
    m = EDIT.search(page_html)
    return html.unescape(m.group(1) or m.group(2)) if m else None


def edit_base() -> str:
    config = site_config()
    return config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"


def test_edit_feature_is_on():
    config = site_config()
    assert "content.action.edit" in config.theme["features"]
    assert config.repo_url and config.edit_uri == "edit/main/docs/"


def test_every_page_links_to_its_own_source(site):
    base = edit_base()
    checked = 0
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/", "downloads/")):
            continue
        link = edit_link(page.read_text(encoding="utf-8"))
        assert link, f"{rel} has no edit link"
        assert link.startswith(base), f"{rel}: {link} is not under {base}"
        source = link[len(base):]
        assert (ROOT / "docs" / source).is_file(), f"{rel}: the edit link points to docs/{source}, which does not exist"
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in ("en", "id") else "ko"
        if lang == "ko":
            assert not re.search(r"\.(en|id)\.md$", source), f"{rel} (Korean) edits docs/{source}"
        else:
            assert source.endswith(f".{lang}.md"), f"{rel} ({lang}) edits docs/{source}"
        # and it is the same page: the built path is the source path without the language ending
        page_path = rel[len(lang) + 1:] if lang != "ko" else rel
        stem = re.sub(r"(\.(en|id))?\.md$", "", source)
        expected = "index.html" if stem == "index" else (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/index.html"
        assert page_path == expected, f"{rel} edits docs/{source}"
        checked += 1
    assert checked >= 3 * 20


@pytest.mark.parametrize("page, source", [
    ("about/index.html", "about.md"),
    ("en/about/index.html", "about.en.md"),
    ("id/about/index.html", "about.id.md"),
    ("en/law/korea/index.html", "law/korea.en.md"),
    ("en/index.html", "index.en.md"),
])
def test_known_pages(site, page, source):
    assert edit_link((site / page).read_text(encoding="utf-8")) == edit_base() + source


def one_language_build(tmp_path: Path, locale: str) -> Path:
    dest = tmp_path / f"site-{locale}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_ONLY_LOCALE=locale)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return dest


def title(source: Path) -> str:
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])["title"]


@pytest.mark.parametrize("locale, suffix", [("ko", ""), ("en", ".en"), ("id", ".id")])
def test_build_only_locale_builds_one_language(tmp_path, locale, suffix):
    site = one_language_build(tmp_path, locale)
    assert not (site / "en").exists() and not (site / "id").exists(), "other languages were built too"
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{locale}"' in about
    # the page is the one written in that language, not the Korean file
    assert html.escape(title(ROOT / "docs" / f"about{suffix}.md"), quote=False) in about
    assert edit_link(about) == edit_base() + f"about{suffix}.md"
