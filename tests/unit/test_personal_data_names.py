"""personal_data.names: a person's name next to a home address (門牌) is personal data; a street
without a person, a person without an address and a masked name are not."""

import pytest

from personal_data import AllowList, find, scan_text
from personal_data.kinds import Kind


@pytest.mark.parametrize("text, masked", [
    ("申請人陳小明，住臺中市龍井區新東里3鄰中山路一段12巷3弄5號之1。",
     "陳** at 臺中市龍井區新東里*鄰中山路一段*巷*弄*號之*"),
    ("陳小明君住臺中市龍井區沙田路四段100號", "陳** at 臺中市龍井區沙田路四段*號"),
    ("臺中市龍井區沙田路四段100號 王大明先生", "王** at 臺中市龍井區沙田路四段*號"),
    ("姓名：王大明\n住址：臺中市龍井區沙田路四段１００號", "王** at 臺中市龍井區沙田路四段*號"),
    ("當事人歐陽小華，台中市龍井區沙田路4段100號", "歐** at 台中市龍井區沙田路*段*號"),
    ("Mr. Wang, No. 100, Sec. 4, Shatian Rd., Longjing Dist.", "W** at No. *, Sec. *, Shatian Rd."),
    ("WANG Ta-ming, 100 Shatian Road", "W** at * Shatian Road"),
])
def test_a_name_with_a_home_address_is_one_hit_masked(text, masked):
    [hit] = find(text)
    assert hit.kind is Kind.NAME_ADDRESS and hit.masked == masked
    assert "小明" not in str(hit) and "100" not in str(hit)


@pytest.mark.parametrize("text", [
    "本所位於臺中市龍井區沙田路四段100號。",  # a street without a person
    "市民活動中心（中山路一段12號）開放申請。",
    "申請人陳小明請攜帶身分證。",  # a person without an address
    "請洽林先生。",
    "王○明君，住臺中市龍井區沙田路四段100號",  # the name masked, as it should be
    "申請人：本人或戶長，地址：沙田路四段100號",
    "申請人應於臺中市龍井區沙田路四段100號辦理。",
    "陳小明君住沙田路四段。",  # the road without a door number
    "Applicant: Bring your ID to No. 100, Sec. 4, Shatian Rd.",
    "高雄市政府位於四維三路2號。",
])
def test_a_near_miss_stays_quiet(text):
    assert find(text) == []


def test_the_hit_is_placed_at_the_name_on_its_line():
    [problem] = scan_text("x.md", "標題\n\n公告：申請人陳小明，住臺中市龍井區沙田路四段100號。\n", AllowList())
    assert (problem.line, problem.rule) == (3, "name-address")
    assert "a person's name with a home address (門牌)" in problem.message and "(column 7)" in problem.message
    assert "王○明" in problem.fix


def test_a_name_with_an_address_can_be_allow_listed_as_written(tmp_path):
    import datetime

    from personal_data import load_allowlist

    path = tmp_path / "allow.toml"
    path.write_text('[[allow]]\nvalue = "陳小明君，住臺中市龍井區沙田路四段100號"\nreason = "公示送達，依法公告"\n',
                    encoding="utf-8")
    allowlist = load_allowlist(path, datetime.date(2026, 11, 26))
    assert scan_text("x.md", "受送達人陳小明君，住臺中市龍井區沙田路四段100號。", allowlist) == []
    assert scan_text("x.md", "受送達人陳小華君，住臺中市龍井區沙田路四段100號。", allowlist) != []


# --- table files: the headings say which cell is a name and which an address ----------------------

def test_a_csv_row_with_a_name_and_an_address_under_their_headings_is_a_hit(tmp_path):
    from personal_data import scan_file

    path = tmp_path / "winners.csv"
    path.write_text("編號,姓名,住址,獎項\n1,王○明,臺中市龍井區沙田路四段100號,首獎\n2,陳小明,臺中市龍井區沙田路四段12號,二獎\n",
                    encoding="utf-8")
    [problem] = scan_file(path, AllowList())
    assert (problem.line, problem.rule) == (3, "name-address")
    assert "陳** at 臺中市龍井區沙田路四段*號" in problem.message
    assert "(column 3)" in problem.message


@pytest.mark.parametrize("rows", [
    "編號,姓名,獎項\n1,陳小明,首獎\n",  # names, no address column
    "場地,地址\n市民活動中心,臺中市龍井區沙田路四段12號\n",  # addresses, no name column
    "姓名,住址\n陳小明,臺中市龍井區沙田路四段\n",  # no door number
])
def test_a_table_without_a_name_at_an_address_is_quiet(tmp_path, rows):
    from personal_data import scan_file

    path = tmp_path / "list.csv"
    path.write_text(rows, encoding="utf-8")
    assert scan_file(path, AllowList()) == []
