"""sources.phones and sources.addresses: Taiwan phone numbers and street addresses (門牌) as
people write them, each with one key to compare them by."""

import pytest

from sources.addresses import address_key, find_addresses
from sources.phones import canonical, find_phones


@pytest.mark.parametrize("written", [
    "04-2635-0000", "04-26350000", "(04)2635-0000", "(04) 2635 0000", "04 2635 0000", "04.2635.0000", "0426350000",
    "+886-4-2635-0000", "+886 4 2635 0000", "+886 (0)4 2635 0000", "00886-4-26350000", "０４－２６３５－００００",
])
def test_every_common_spelling_of_a_landline_has_one_canonical_form(written):
    assert canonical(written) == "0426350000"


def test_an_extension_is_written_with_the_number_but_not_part_of_it():
    [phone] = find_phones("請電 04-2635-0000 轉 123 洽詢")
    assert phone.digits == "0426350000" and phone.text == "04-2635-0000 轉 123"


@pytest.mark.parametrize("text", [
    "0912-345-678", "1999", "1996", "0800-080-090", "2026-11-26", "民國115年11月26日", "規費新臺幣50元",
    "115/11/26", "第12345678號",
])
def test_what_is_no_landline_stays_quiet(text):
    assert find_phones(text) == []


@pytest.mark.parametrize("written", [
    "臺中市龍井區沙田路四段100號", "台中市龍井區沙田路4段100號", "龍井區沙田路四段１００號", "沙田路四段100號",
])
def test_a_chinese_address_in_any_spelling_has_one_key(written):
    assert address_key(written) == "沙田路4段100號"


def test_an_english_address_has_one_key_in_either_order_of_writing():
    assert address_key("No. 100, Sec. 4, Shatian Rd., Longjing Dist., Taichung City") == "no100 sec4 shatian rd"
    assert address_key("100 Shatian Road") == "100 shatian rd"


@pytest.mark.parametrize("text", ["沙田路四段", "沿沙田路四段往北", "Shatian Road", "第3號公告", "115年第2號函"])
def test_a_road_without_a_door_number_is_no_address(text):
    assert find_addresses(text) == []


def test_an_address_is_found_inside_a_sentence_with_where_it_is_written():
    text = "陳大文君，住臺中市龍井區新東里3鄰中山路一段12巷3弄5號之1，"
    [address] = find_addresses(text)
    assert address.text == "臺中市龍井區新東里3鄰中山路一段12巷3弄5號之1"
    assert text[address.start:address.end] == address.text
