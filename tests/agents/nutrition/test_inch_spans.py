"""Sizes in inches read from USDA's own measure descriptions (copied from the releases)."""

from __future__ import annotations

import pytest

from agents.nutrition.portions.inches import Span, item_span


@pytest.mark.parametrize(
    ("description", "span"),
    [
        ('1 medium pizza (11-12" diameter)', Span(11, 12, flat=True, long=False)),
        ('1 tortilla (approx 10" dia)', Span(10, 10, flat=True, long=False)),
        ('1 regular or 6" submarine', Span(6, 6, flat=False, long=True)),
        ("6 inch sub", Span(6, 6, flat=False, long=True)),
        ('1 medium bagel (3-1/2" to 4" dia)', Span(3.5, 4, flat=True, long=False)),
        ('1 baguette (about 24" long)', Span(24, 24, flat=False, long=True)),
        ('1 cake (6" dia)', Span(6, 6, flat=True, long=False)),
    ],
)
def test_a_whole_item_measure_names_its_size(description: str, span: Span) -> None:
    assert item_span(description) == span


@pytest.mark.parametrize(
    "description",
    [
        '1 piece (1/12 of 9" dia)',  # a share: the size is the whole cake's
        '1 slice 1/8 of 12" pizza',
        '1 slice (1 oz) (4" x 4" x 3/32" thick)',  # several dimensions
        '1 cup (1" pieces)',  # pieces cut to a size
        "1 surface inch",
        "1 medium pancake",
    ],
)
def test_shares_cuts_and_unsized_measures_name_no_item_size(description: str) -> None:
    assert item_span(description) is None
