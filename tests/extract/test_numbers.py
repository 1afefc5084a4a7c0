"""Vietnamese number parsing."""
import pytest

from service.extract.numbers import multiplier, parse_number, parse_range, to_vnd


@pytest.mark.parametrize("text, value", [
    ("20.792", 20792), ("5,04", 5.04), ("1.234,5", 1234.5), ("1.000.000", 1_000_000),
    ("12", 12), ("0", 0), ("05", 5), ("1,50", 1.5), ("1.5", 1.5), ("hai", 2), ("ba", 3),
    ("1,000,000", 1_000_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_rejects_words():
    assert parse_number("abc") is None


@pytest.mark.parametrize("text, bounds", [
    ("8–9", (8, 9)), ("8-9", (8, 9)), ("15-17,5", (15, 17.5)), ("từ 3 đến 5", (3, 5)),
    ("1,50 đến 1,65", (1.5, 1.65)), ("2.000 - 3.000", (2000, 3000)),
])
def test_parse_range(text, bounds):
    assert parse_range(text) == pytest.approx(bounds)


def test_parse_range_rejects_single_and_reversed():
    assert parse_range("8") is None
    assert parse_range("9-8") is None


@pytest.mark.parametrize("unit, factor", [
    ("tỷ đồng", 1e9), ("triệu đồng", 1e6), ("nghìn tỷ đồng", 1e12), ("triệu", 1e6), ("ha", 1),
])
def test_multiplier(unit, factor):
    assert multiplier(unit) == factor


@pytest.mark.parametrize("value, unit, vnd", [
    (1500, "triệu đồng", 1.5e9), (20.5, "tỷ đồng", 2.05e10), (3, "tỷ", 3e9),
    (2, "nghìn tỷ đồng", 2e12), (500, "đồng", 500),
])
def test_to_vnd(value, unit, vnd):
    assert to_vnd(value, unit) == pytest.approx(vnd)


def test_to_vnd_not_money():
    assert to_vnd(5, "USD") is None
    assert to_vnd(80, "%") is None
