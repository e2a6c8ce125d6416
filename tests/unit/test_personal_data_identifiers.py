"""The check digits of national IDs and resident / UI numbers, against sums worked out by hand."""

import pytest

from personal_data.identifiers import LETTER_CODES, IdFormat, checksum, id_format, valid_format

# Each sum written out: letter code tens×1 + units×9, second character ×8, then ×7 … ×1, check ×1.
HAND_COMPUTED = {
    # A=10: 1 + 0; 1×8+2×7+3×6+4×5+5×4+6×3+7×2+8×1 = 120; + 9 → 130
    "A123456789": (IdFormat.NATIONAL, 1 + 0 + 120 + 9),
    # B=11: 1 + 9; 2×8+2×7+3×6+4×5+5×4+6×3+7×2+8×1 = 128; + 2 → 140
    "B223456782": (IdFormat.NATIONAL, 1 + 9 + 128 + 2),
    # F=15: 1 + 45; 1×8+3×7+1×6+1×5+0×4+4×3+0×2+9×1 = 61; + 3 → 110
    "F131104093": (IdFormat.NATIONAL, 1 + 45 + 61 + 3),
    # I=34 (out of order in the table): 3 + 36; 120; + 1 → 160
    "I123456781": (IdFormat.NATIONAL, 3 + 36 + 120 + 1),
    # O=35: 3 + 45; 120; + 2 → 170
    "O123456782": (IdFormat.NATIONAL, 3 + 45 + 120 + 2),
    # W=32: 3 + 18; 120; + 9 → 150
    "W123456789": (IdFormat.NATIONAL, 3 + 18 + 120 + 9),
    # new resident number, A=10: 1; 8×8 + 0… + 1×1 = 65; + 4 → 70
    "A800000014": (IdFormat.RESIDENT_NEW, 1 + 65 + 4),
    # F=15: 46; 9×8+1×7+2×6+3×5+4×4+5×3+6×2+7×1 = 156; + 8 → 210
    "F912345678": (IdFormat.RESIDENT_NEW, 46 + 156 + 8),
    # old resident number: second letter by the units of its code. A=10 → 0×8; 0; + 9 → 10
    "AA00000009": (IdFormat.RESIDENT_OLD, 1 + 0 + 0 + 9),
    # F=15: 46; C=12 → 2×8 = 16; 1×7+2×6+3×5+4×4+5×3+6×2+7×1 = 84; + 4 → 150
    "FC12345674": (IdFormat.RESIDENT_OLD, 46 + 16 + 84 + 4),
    # H=17: 1 + 63; D=13 → 3×8 = 24; 84; + 8 → 180 (the Investment Commission's FAQ example)
    "HD12345678": (IdFormat.RESIDENT_OLD, 64 + 24 + 84 + 8),
}


@pytest.mark.parametrize("number", sorted(HAND_COMPUTED))
def test_valid_numbers_match_the_hand_computed_sums(number):
    expected_format, expected_sum = HAND_COMPUTED[number]
    assert expected_sum % 10 == 0
    assert checksum(number) == expected_sum
    assert valid_format(number) is expected_format


@pytest.mark.parametrize("number", sorted(HAND_COMPUTED))
def test_every_other_check_digit_is_rejected(number):
    wrong = [number[:9] + digit for digit in "0123456789" if digit != number[9]]
    assert [valid_format(candidate) for candidate in wrong] == [None] * 9


@pytest.mark.parametrize("number, why", [
    ("AC12345678", "the FAQ's other example: 1 + 16 + 84 + 8 = 109"),
    ("A123456788", "one off: 129"),
    ("B223456785", "143"),
    ("A800000015", "71"),
])
def test_wrong_check_digits_hand_computed(number, why):
    assert checksum(number) % 10 != 0, why
    assert valid_format(number) is None


def test_a_right_sum_in_a_format_that_does_not_exist_is_no_number():
    # A323456783: 1 + 3×8 + (2×7+3×6+4×5+5×4+6×3+7×2+8×1 = 112) + 3 = 140, but 3 is no sex digit.
    # AE12345673: E=14 → 4×8; 1 + 32 + 84 + 3 = 120, but old numbers only use A–D.
    for number in ("A323456783", "AE12345673"):
        assert checksum(number) % 10 == 0
        assert id_format(number) is None and valid_format(number) is None


def test_the_letter_table_gives_each_letter_its_own_code_from_10_to_35():
    assert sorted(LETTER_CODES) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    assert sorted(LETTER_CODES.values()) == list(range(10, 36))
    assert (LETTER_CODES["I"], LETTER_CODES["O"], LETTER_CODES["W"], LETTER_CODES["X"]) == (34, 35, 32, 30)
