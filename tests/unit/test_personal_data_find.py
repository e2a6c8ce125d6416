"""find(): what counts as personal data in a text, where it is, and how it is shown."""

import pytest

from personal_data import Kind, find, mask

MOBILE_SPELLINGS = [
    "0912345678", "0912-345-678", "0912 345 678", "0912.345.678", "0912-345678", "0912 345678",
    "(0912)345-678", "(0912) 345 678", "+886 912 345 678", "+886-912-345-678", "+886912345678",
    "+886 (0)912 345 678", "00886 912 345 678", "886-912-345-678",
    "０９１２－３４５－６７８", "＋８８６　９１２　３４５　６７８", "0912–345–678",
]
NOT_MOBILE = [
    "04-2635-1234", "(04)2635-1234", "+886-4-2635-1234", "+886 4 2635 1234", "02-2345-6789",
    "0800-000-123", "1996", "09123456789", "0912-345-6789", "20912345678", "0912/345/678",
    "+886-2-8195-8151", "ISBN 978-0912345678", "0912-345-678-9", "1.0912.345.678",
    "台內戶字第0970204432號", "府民戶字第 0980012345 號",
]


@pytest.mark.parametrize("spelling", MOBILE_SPELLINGS)
def test_each_mobile_spelling_is_one_hit_with_one_canonical_value(spelling):
    hits = find(f"請撥{spelling}聯絡")
    assert [(hit.kind, hit.key, hit.column, hit.length) for hit in hits] == [
        (Kind.MOBILE, "0912345678", 3, len(spelling))]
    assert hits[0].masked == "091****678"


@pytest.mark.parametrize("text", NOT_MOBILE)
def test_landlines_service_numbers_and_longer_digit_runs_are_not_mobiles(text):
    assert find(f"電話：{text}。") == []


@pytest.mark.parametrize("text, kind, key", [
    ("身分證A123456789號", Kind.NATIONAL_ID, "A123456789"),
    ("id: a123456789", Kind.NATIONAL_ID, "A123456789"),
    ("ＩＤ：Ｆ１３１１０４０９３", Kind.NATIONAL_ID, "F131104093"),
    ("file_W123456789.pdf", Kind.NATIONAL_ID, "W123456789"),
    ("居留證 A800000014", Kind.RESIDENT_ID, "A800000014"),
    ("統一證號HD12345678。", Kind.RESIDENT_ID, "HD12345678"),
])
def test_identity_numbers_are_found_beside_chinese_punctuation_and_in_any_case(text, kind, key):
    assert [(hit.kind, hit.key) for hit in find(text)] == [(kind, key)]


@pytest.mark.parametrize("text", [
    "A123456788", "B223456785", "AC12345678", "A800000015", "A323456783", "AE12345673",
    "XA123456789", "A1234567890", "A123456789B", "0A123456789", "sha256 9fA123456789e0",
])
def test_wrong_check_digits_impossible_formats_and_glued_strings_are_not_hits(text):
    assert find(text) == []


def test_e_mail_addresses_outside_the_office_domains_are_hits():
    text = ("Write to Someone.Name+tag@Gmail.com, service@office.example.gov.tw, "
            "desk@sub.office.example.gov.tw, a@example.com, b@mail.example.org, c@host.test, "
            "![logo](logo@2x.png) or notoffice.example.gov.tw.evil@attacker.tw")
    hits = find(text, office_domains=["OFFICE.example.gov.tw"])
    assert [(hit.kind, hit.masked) for hit in hits] == [
        (Kind.EMAIL, "s****@gmail.com"), (Kind.EMAIL, "n****@attacker.tw")]
    assert hits[0].key == "someone.name+tag@gmail.com"


def test_without_office_domains_every_real_address_is_a_hit():
    assert [hit.masked for hit in find("service@office.example.gov.tw")] == ["s****@office.example.gov.tw"]


def test_lines_and_columns_are_those_of_the_original_text():
    text = "第一行\n  電話 0912-345-678\n\nＩＤ：Ａ１２３４５６７８９ 與 x@mail.tw"
    assert [(hit.kind, hit.line, hit.column) for hit in find(text)] == [
        (Kind.MOBILE, 2, 6), (Kind.NATIONAL_ID, 4, 4), (Kind.EMAIL, 4, 17)]


def test_a_hit_never_shows_its_value_outside_the_key():
    text = "A123456789 0912345678 private.person@mail.tw HD12345678"
    hits = find(text)
    assert [hit.kind for hit in hits] == [Kind.NATIONAL_ID, Kind.MOBILE, Kind.EMAIL, Kind.RESIDENT_ID]
    for hit in hits:
        shown = repr(hit) + str(hit)
        assert hit.key not in shown and hit.key.upper() not in shown
        assert "****" in hit.masked
    assert mask("A123456789") == "A12****789"
