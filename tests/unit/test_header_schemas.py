"""The header schemas and how their errors read: one line, the key's line, a fix."""

from __future__ import annotations

import re

import pytest

from content_model.kinds import kind_named
from sources.front_matter import read_source
from sources.validation import validate
from support import ROOT

LANGUAGES = {"languages": ["zh-tw", "en"]}
PAGE = "---\ntitle: 關於本所\nslug: about\nlang: zh-tw\nsummary: 本所簡介。\nmodified: 2026-11-30\n{extra}---\n"


def problems(tmp_path, kind: str, text: str) -> list[str]:
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    _model, found = validate(kind_named(kind).schema, source.header, "x.md", source.line_of, context=LANGUAGES)
    return [str(p) for p in found]


def page(tmp_path, extra: str = "", replace: tuple[str, str] = ("", "")) -> list[str]:
    return problems(tmp_path, "page", PAGE.format(extra=extra).replace(*replace))


def test_a_valid_page_header(tmp_path):
    assert page(tmp_path, "nav: 3\ntemplate: contact\n") == []


@pytest.mark.parametrize("key", ["title", "slug", "lang", "summary", "modified"])
def test_every_required_page_key_is_required(tmp_path, key):
    text = "\n".join(line for line in PAGE.format(extra="").splitlines() if not line.startswith(f"{key}:")) + "\n"
    [message] = problems(tmp_path, "page", text)
    assert message.startswith(f"x.md:2: header [missing-key]: the key `{key}` is missing. Fix: add `{key}: …`")


def test_news_needs_a_date_and_takes_urgent(tmp_path):
    text = "---\ntitle: t\nslug: s\nlang: en\nsummary: s\nurgent: maybe\n---\n"
    found = problems(tmp_path, "news", text)
    assert any("the key `date` is missing" in m for m in found)
    assert any(m.startswith("x.md:6: header [invalid-value]: `urgent`: input should be a valid boolean") for m in found)


def test_an_impossible_date_is_named_with_its_line(tmp_path):
    [message] = page(tmp_path, replace=("modified: 2026-11-30", "modified: 2026-13-45"))
    assert message.startswith("x.md:6: header [invalid-value]: `modified`:")
    assert "month value is outside expected range" in message
    assert "Fix: write the date of the last real change" in message


def test_nav_must_be_a_number(tmp_path):
    [message] = page(tmp_path, "nav: first\n")
    assert message.startswith("x.md:7: header [invalid-value]: `nav`: input should be a valid integer")
    assert "(it is 'first')" in message


def test_an_unknown_template_lists_the_allowed_ones(tmp_path):
    [message] = page(tmp_path, "template: fancy\n")
    assert "x.md:7: header [invalid-value]: `template`" in message and "home, contact, sitemap" in message


def test_an_unknown_key_lists_the_accepted_keys(tmp_path):
    [message] = page(tmp_path, "colour: red\n")
    assert message.startswith("x.md:7: header [unknown-key]: unknown key `colour`. Fix: remove it, or correct "
                              "its spelling; the keys accepted here are: lang, modified, nav, reviewed, slug, summary, "
                              "template, title.")


@pytest.mark.parametrize("lang", ["fr", "zh-TW"])
def test_an_unknown_or_upper_case_language(tmp_path, lang):
    [message] = page(tmp_path, replace=("lang: zh-tw", f"lang: {lang}"))
    assert message.startswith("x.md:4: header [invalid-value]: `lang`: value error, unknown language; "
                              "write one of: zh-tw, en (lower-case)")


def test_a_slug_that_is_not_lower_case_ascii(tmp_path):
    [message] = page(tmp_path, replace=("slug: about", "slug: 關於"))
    assert message.startswith("x.md:3: header [invalid-value]: `slug`") and "lower-case ASCII" in message


GUIDE = (ROOT / "tests/fixtures/site/content/guides/birth.zh-tw.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new, start", [
    ("fees:\n  - fee: registration\n    item: 出生登記\n  - fee: household-certificate\n    item: 換發戶口名簿\n", "",
     "x.md:2: header [missing-key]: the key `fees` is missing"),
    ("  - fee: household-certificate", "  - fee: 戶口名簿",
     "x.md:21: header [invalid-value]: `fees[1].fee`: the value is not written in the form wanted here "
     "(it is '戶口名簿')"),
    ("    item: 換發戶口名簿", "    item: 換發戶口名簿\n    amount: 30",
     "x.md:23: header [unknown-key]: unknown key `fees[1].amount`"),
    ("  nationwide: {status: ask}", "  nationwide: {status: maybe}",
     "x.md:26: header [invalid-value]: `where.nationwide.status`"),
    ("  fact: birth", "  fact: 六十日", "x.md:11: header [invalid-value]: `deadline.fact`"),
    ("    articles: [\"6\", \"48\"]", "    articles: [\"第6條\"]",
     "x.md:31: header [invalid-value]: `legal_basis[0].articles[0]`"),
    ("reviewed: 2026-11-21", "reviewed: 21.11.2026", "x.md:7: header [invalid-value]: `reviewed`"),
])
def test_a_guide_s_bad_values_name_the_key_and_line(tmp_path, old, new, start):
    assert old in GUIDE
    [message] = problems(tmp_path, "guide", GUIDE.replace(old, new))
    assert message.startswith(start), message


def test_the_content_guide_lists_every_key_as_the_schemas_say():
    from content_model.schema_doc import updated

    guide = (ROOT / "docs/content-guide.md").read_text(encoding="utf-8")
    assert updated(guide) == guide, "docs/content-guide.md is out of date. Fix: run `make docs`."


@pytest.mark.parametrize("old, new", [
    ("  - fee: household-certificate", "  - fee: 戶口名簿"),
    ("reviewed: 2026-11-21", "reviewed: 115/11/21"),
])
def test_a_value_in_the_wrong_form_is_told_in_words_never_as_a_regular_expression(tmp_path, old, new):
    [message] = problems(tmp_path, "guide", GUIDE.replace(old, new))
    assert "pattern" not in message and not re.search(r"\^|\$'|\[a-z|\\d", message), message
    assert "Fix: write" in message


def test_a_date_with_an_roc_year_says_so(tmp_path):
    [message] = problems(tmp_path, "guide", GUIDE.replace("reviewed: 2026-11-21", "reviewed: 115/11/21"))
    assert "民國 (ROC) year" in message and "2026-11-21" in message, message
