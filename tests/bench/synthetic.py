"""A synthetic bilingual site for benchmarks: the real site's pages and data, plus guide- and
news-shaped items cloned from the real ones (new slugs, varied text) and forms cloned from the
real definitions. The same Markdown is also written for plain Pelican (`Key: value` headers),
so both builds read the same bodies."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh-tw", "en")
HEADER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def split(path: Path) -> tuple[dict, str]:
    header, body = HEADER.match(path.read_text(encoding="utf-8")).groups()
    return yaml.load(header, Loader=yaml.BaseLoader), body


def write(path: Path, header: dict, body: str) -> None:
    text = yaml.dump(header, allow_unicode=True, sort_keys=False, default_flow_style=False)
    path.write_text(f"---\n{text}---\n{body}", encoding="utf-8")


def plain(path: Path, header: dict, body: str, date: str) -> None:
    """The same item for plain Pelican: Title/Slug/Lang/Date/Summary, the same body."""
    lines = [f"Title: {header['title']}", f"Slug: {header['slug']}", f"Lang: {header['lang']}",
             f"Date: {date}", f"Summary: {header['summary']}"]
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")


def clone_guides(content: Path, plain_dir: Path, count: int) -> None:
    """The real guides (under their own slugs: the guides and pages link them, and a link to no
    page stops the build), then `count` guide pairs cloned from them, titles and slugs numbered."""
    sources = sorted((ROOT / "content/guides").glob("*.zh-tw.md"))
    for n in range(-len(sources), count):
        zh = sources[n % len(sources)]
        for lang in LANGUAGES:
            header, body = split(zh.with_name(zh.name.replace(".zh-tw.", f".{lang}.")))
            if n >= 0:
                header["slug"], header["title"] = f"{header['slug']}-{n}", f"{header['title']} {n}"
            header["forms"] = []  # the cloned forms have other ids
            body += f"\n\n{n}\n" if n >= 0 else ""
            write(content / "guides" / f"{header['slug']}.{lang}.md", header, body)
            plain(plain_dir / f"guide-{header['slug']}.{lang}.md", header, body, "2026-11-30")


def clone_news(content: Path, plain_dir: Path, count: int) -> None:
    """`count` news pairs cloned from the real news, dated one day apart."""
    sources = sorted((ROOT / "content/news").glob("*.zh-tw.md"))
    for n in range(count):
        zh = sources[n % len(sources)]
        day = (datetime.date(2026, 11, 30) - datetime.timedelta(days=n)).isoformat()
        for lang in LANGUAGES:
            header, body = split(zh.with_name(zh.name.replace(".zh-tw.", f".{lang}.")))
            header["slug"], header["title"], header["date"] = f"bench-{n}", f"{header['title']} {n}", day
            header.pop("urgent", None)
            write(content / "news" / f"bench-{n}.{lang}.md", header, body)
            plain(plain_dir / f"news-bench-{n}.{lang}.md", header, body, day)


def clone_forms(forms: Path, count: int) -> None:
    """`count` form definitions cloned from the real ones (new ids and numbered titles, the guides
    list emptied: the cloned guides link no forms)."""
    sources = sorted((ROOT / "forms").glob("*/form.yaml"))
    for n in range(count):
        source = sources[n % len(sources)]
        definition = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        definition["title"] = {lang: f"{title} {n}" for lang, title in definition["title"].items()}
        definition["guides"] = []
        target = forms / f"{source.parent.name}-{n}" / "form.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(yaml.dump(definition, allow_unicode=True, sort_keys=False), encoding="utf-8")


KEPT = ("pages", "data", "files")  # the real site's pages and data; guides and news are cloned


def make_site(work: Path, pages: int, forms: int = 50) -> dict[str, Path]:
    """The synthetic site under `work`: the real site's pages and data, `forms` forms, and guide
    and news pairs cloned from the real ones, about `pages` HTML pages in all."""
    content, plain_dir, forms_dir = work / "content", work / "plain" / "content", work / "forms"
    content.mkdir(parents=True)
    for name in KEPT:
        if (ROOT / "content" / name).exists():
            shutil.copytree(ROOT / "content" / name, content / name)
    shutil.copy(ROOT / "content/office.toml", content / "office.toml")
    (content / "guides").mkdir()
    (content / "news").mkdir()
    plain_dir.mkdir(parents=True)
    fixed = 2 * (len(list((ROOT / "content/pages").glob("*.zh-tw.md"))) + forms
                 + len(list((ROOT / "content/guides").glob("*.zh-tw.md"))))  # the real guides, kept
    pairs = max(2, (pages - fixed) // 2)
    clone_guides(content, plain_dir, max(1, pairs * 3 // 10))
    clone_news(content, plain_dir, max(1, pairs - pairs * 3 // 10))
    clone_forms(forms_dir, forms)
    settings = work / "benchconf.py"
    settings.write_text(f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(content)!r}\nOFFICE_DATA_FILE = {str(content / 'office.toml')!r}\n"
                        f"FORMS_DIR = {str(forms_dir)!r}\nFORMS_CACHE_DIR = {str(work / 'cache/forms')!r}\n"
                        f"CONTENT_MODEL_CACHE_DIR = {str(work / 'cache/content')!r}\n")
    plain_settings = work / "plain" / "plainconf.py"
    plain_settings.write_text(
        "SITENAME = 'bench'\nSITEURL = ''\nTIMEZONE = 'Asia/Taipei'\nDEFAULT_LANG = 'zh-tw'\nPLUGINS = []\n"
        "PATH = 'content'\nARTICLE_PATHS = ['']\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "TRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
        "ARTICLE_TRANSLATION_ID = 'slug'\nMARKDOWN = {'extension_configs': {'markdown.extensions.extra': {}}, "
        "'output_format': 'html5'}\n")
    return {"content": content, "settings": settings, "forms": forms_dir, "plain": work / "plain",
            "plain_settings": plain_settings}
