import pytest

from bilingual.urls import kind_and_folder, save_as, url_of

ROOTS = {"page": ["pages"], "news": ["news"]}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("page", "", "about", ""), "about/index.html"),
        (("page", "", "about", "en"), "en/about/index.html"),
        (("page", "guides", "birth", ""), "guides/birth/index.html"),
        (("page", "guides", "birth", "en"), "en/guides/birth/index.html"),
        (("page", "", "home", ""), "index.html"),
        (("page", "", "home", "en"), "en/index.html"),
        (("page", "", "404", "en"), "en/404.html"),
        (("page", "guides", "home", ""), "guides/home/index.html"),
        (("news", "2026", "opening", "en"), "en/news/opening/index.html"),
    ],
)
def test_save_as_is_the_same_path_under_each_prefix(args, expected):
    assert save_as(*args) == expected


def test_url_of_directory_indexes_and_files():
    assert url_of("index.html") == ""
    assert url_of("en/guides/birth/index.html") == "en/guides/birth/"
    assert url_of("en/404.html") == "en/404.html"


def test_kind_and_folder():
    assert kind_and_folder("pages/guides/birth.zh-tw.md", ROOTS) == ("page", "guides")
    assert kind_and_folder("pages/about.en.md", ROOTS) == ("page", "")
    assert kind_and_folder("news/2026-11-01-x.en.md", ROOTS) == ("news", "")
    with pytest.raises(ValueError):
        kind_and_folder("other/x.md", ROOTS)
