"""content_lint.office_details: the office's phone, fax, address, e-mail and hours typed by hand
in content are reported (content/office.toml is their one place); other numbers stay quiet."""

import pytest

from content_lint.issues import LintContext, Occurrences
from content_lint.office_details import check, text_issues
from content_lint.office_shapes import OfficeDetails
from content_lint.tree import parse

OFFICE = OfficeDetails.from_values({
    "phone": ["04-2635-0000", "+886-4-2635-0000"], "fax": ["04-2635-0001", "+886-4-2635-0001"],
    "address": ["臺中市龍井區沙田路四段100號", "No. 100, Sec. 4, Shatian Rd., Longjing Dist., Taichung City"],
    "email": ["office@example.gov.tw"], "hours": ["星期一至星期五 8:00–17:00", "Monday to Friday, 8:00 to 17:00"],
    "directions": ["龍井站下車步行五分鐘。", "Five minutes' walk from Longjing Station."],
})


def issues(html, lang="zh-tw", office=OFFICE):
    return check(parse(html), LintContext(lang, office=office))


@pytest.mark.parametrize("html, field, written", [
    ("<p>請電 (04)2635-0000 洽詢。</p>", "phone number", "(04)2635-0000"),
    ("<p>請電 04-26350000 轉 12。</p>", "phone number", "04-26350000 轉 12"),
    ("<p>傳真：04 2635 0001</p>", "fax number", "04 2635 0001"),
    ("<p>本所地址：台中市龍井區沙田路4段100號。</p>", "address", "台中市龍井區沙田路4段100號"),
    ("<p>寫信到 office@example.gov.tw。</p>", "e-mail address", "office@example.gov.tw"),
    ("<p>服務時間：週一至週五上午8時至下午5時。</p>", "opening hours", "週一至週五"),
    ("<p>交通：龍井站下車步行五分鐘。</p>", "directions", "龍井站下車步行五分鐘。"),
])
def test_an_office_detail_typed_by_hand_is_reported(html, field, written):
    [issue] = issues(html)
    assert issue.rule == "office-details" and f"the office's {field} is typed by hand: {written!r}" in issue.message
    assert "[聯絡本所](/contact/)" in issue.fix and issue.needles[0] == written


def test_an_english_page_gets_the_english_contact_link_and_a_tel_link_is_caught():
    [issue] = issues('<p><a href="tel:+886426350000">Call us</a></p>', "en")
    assert "tel:+886426350000" in issue.message and "(/en/contact/)" in issue.fix


@pytest.mark.parametrize("html", [
    "<p>市政府服務專線 04-2228-9111，或撥 1999。</p>",  # another agency's number
    "<p>中山路一段12號的市民活動中心。</p>",  # another address
    "<p>本所位於沙田路四段。</p>",  # the office's road, no door number
    "<p>週一至週五 9:00–12:00 另有臨櫃預約。</p>",  # weekdays with other times
    "<p>民國115年11月26日起，規費新臺幣50元。</p>",
    '<p><a href="/contact/">聯絡本所</a></p>',
])
def test_other_numbers_addresses_and_times_stay_quiet(html):
    assert issues(html) == []


def test_a_placeholder_value_matches_no_number():
    placeholders = {"phone": ["（待確認）"], "address": ["臺中市龍井區（門牌號碼待本所確認後公布）"]}
    office = OfficeDetails.from_values(placeholders)
    assert not office.phones and issues("<p>請電 04-2635-0000。</p>", office=office) == []


def test_a_plain_value_such_as_a_summary_is_checked_too():
    [issue] = text_issues("洽詢電話 04-2635-0000", LintContext("zh-tw", office=OFFICE), Occurrences())
    assert issue.rule == "office-details"
