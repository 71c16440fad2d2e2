"""Portion resolution against real USDA household measures (SR28 WEIGHT, FNDDS 2021-2023).

Every PortionRecord below is copied from the release files; ``test_copied_rows_are_real``
checks them against the files so the expectations cannot drift from USDA.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from agents.nutrition.portions import (
    AmountSpec,
    PortionEstimate,
    category_default_portion,
    resolve_portion,
)
from agents.nutrition.portions.measures import parse_measure
from agents.nutrition.portions.sizes import normalize_size
from agents.nutrition.portions.units import ML_PER_UNIT, normalize_unit
from store.records import PortionRecord

Sr28Row = tuple[int, float, str, float]
FnddsRow = tuple[int, str, float]
Sr28Weights = dict[str, list[Sr28Row]]
FnddsPortions = dict[str, list[FnddsRow]]

DATA = Path(__file__).resolve().parents[3] / "agents" / "nutrition" / "portions" / "data"
CUP, TBSP, FL_OZ = ML_PER_UNIT["cup"], ML_PER_UNIT["tbsp"], ML_PER_UNIT["fl_oz"]


def sr28(*rows: Sr28Row) -> tuple[PortionRecord, ...]:
    """SR28 WEIGHT rows as (Seq, Amount, Msre_Desc, Gm_Wgt)."""
    return tuple(
        PortionRecord(f"{amount:g} {desc}", amount, desc, grams, seq)
        for seq, amount, desc, grams in rows
    )


def fndds(*rows: FnddsRow) -> tuple[PortionRecord, ...]:
    """FNDDS "Portions and Weights" rows as (Seq num, Portion description, Portion weight)."""
    return tuple(PortionRecord(desc, 1.0, desc, grams, seq) for seq, desc, grams in rows)


# --- rows copied from the releases (SR28 NDB number / FNDDS food code) ----------------------
SR28_ROWS: Sr28Weights = {
    "21357": [(1, 1, "sandwich", 126)],  # McDONALD'S, Egg McMUFFIN
    "21319": [(1, 1, "serving 1 patty", 53)],  # McDONALD'S, Hash Brown
    "21238": [  # McDONALD'S, french fries
        (1, 1, "small serving", 71),
        (2, 1, "medium serving", 117),
        (3, 1, "large serving", 154),
        (4, 1, "kids serving", 31),
    ],
    "01123": [
        (1, 1, "large", 50),
        (2, 1, "extra large", 56),
        (3, 1, "jumbo", 63),
        (5, 1, "cup (4.86 large eggs)", 243),
        (6, 1, "medium", 44),
        (7, 1, "small", 38),
    ],
    "01128": [(1, 1, "large", 46)],
    "01133": [(1, 1, "cup, sifted", 85), (2, 1, "tbsp", 5.0)],
    "09040": [
        (1, 1, "cup, mashed", 225),
        (2, 1, "cup, sliced", 150),
        (3, 1, 'extra small (less than 6" long)', 81),
        (4, 1, 'small (6" to 6-7/8" long)', 101),
        (5, 1, 'medium (7" to 7-7/8" long)', 118),
        (6, 1, 'large (8" to 8-7/8" long)', 136),
        (7, 1, 'extra large (9" or longer)', 152),
        (8, 1, "NLEA serving", 126),
    ],
    "09003": [
        (1, 1, "cup, quartered or chopped", 125),
        (2, 1, "cup slices", 109),
        (3, 1, 'large (3-1/4" dia)', 223),
        (4, 1, 'medium (3" dia)', 182),
        (5, 1, 'small (2-3/4" dia)', 149),
        (6, 1, 'extra small (2-1/2" dia)', 101),
        (7, 1, "NLEA serving", 242),
    ],
    "06043": [(1, 0.5, "cup", 126)],
    "16398": [(1, 2, "tbsp", 32), (2, 1, "cup", 258)],
    "01026": [(1, 1, "cup, shredded", 112), (2, 1, "oz", 28.35), (3, 6, "slices", 170)],
    "01077": [(1, 1, "cup", 244), (2, 1, "fl oz", 30.5), (3, 1, "tbsp", 15), (4, 1, "quart", 976)],
    "14429": [
        (1, 1, "fl oz", 29.6),
        (2, 1, "bottle 8 fl oz", 237),
        (3, 1, "liter", 1000),
        (4, 3, "ice cube (3/4 fl oz)", 64),
    ],
    "20045": [(1, 1, "cup", 158)],
    "12061": [
        (1, 1, "cup, whole", 143),
        (2, 1, "cup, sliced", 92),
        (3, 1, "cup, slivered", 108),
        (4, 1, "cup, ground", 95),
        (5, 1, "oz (23 whole kernels)", 28.35),
        (6, 1, "almond", 1.2),
    ],
    "19353": [(1, 1, "tbsp", 20), (2, 1, "serving 1/4 cup", 83), (3, 1, "cup", 315)],
    "11529": [
        (1, 1, "cup cherry tomatoes", 149),
        (2, 1, "cup, chopped or sliced", 180),
        (3, 1, "Italian tomato", 62),
        (4, 1, "cherry", 17),
        (5, 1, 'large whole (3" dia)', 182),
        (6, 1, 'medium whole (2-3/5" dia)', 123),
        (7, 1, 'slice, medium (1/4" thick)', 20),
        (8, 1, "plum tomato", 62),
        (9, 1, 'small whole (2-2/5" dia)', 91),
        (10, 1, 'slice, thick/large (1/2" thick)', 27),
        (11, 1, "wedge (1/4 of medium tomato)", 31),
        (12, 1, "slice, thin/small", 15.0),
        (13, 1, "NLEA serving", 148),
    ],
}
FNDDS_ROWS: FnddsPortions = {
    "52201000": [
        (1, "1 surface inch", 9),
        (2, "1 cup, crumbled", 89),
        (3, "Quantity not specified", 60),
        (4, '1 square cornbread (8" pan)', 541),
        (5, "1 piece", 60),
    ],
    "91705300": [
        (1, "1 piece", 8),
        (2, "1 miniature/bite size", 10),
        (3, "1 fun/snack size", 15),
        (4, "1 pouch/regular size", 45),
        (5, "1 large/king size", 90),
        (6, "1 sharing/movie theater size", 180),
        (7, "1 cup", 160),
        (8, "Quantity not specified", 45),
    ],
    "92410310": [
        (1, "1 fl oz (no ice)", 31),
        (2, "1 fl oz (with ice)", 23),
        (3, "1 fl oz (NFS)", 31),
        (4, "1 can (12 fl oz)", 372),
        (5, "1 bottle (16.9 fl oz or 500 ml)", 524),
        (6, "1 bottle (20 fl oz)", 620),
        (7, "1 child/senior drink", 279),
        (8, "1 small drink", 372),
        (9, "1 medium drink", 512),
        (10, "1 large drink", 744),
        (13, "1 extra large drink", 1023),
        (14, "Quantity not specified", 372),
    ],
    "93101000": [
        (1, "1 fl oz", 30),
        (2, "1 can or bottle (12 fl oz)", 360),
        (3, "1 can or bottle (16 fl oz)", 480),
        (4, "1 bottle (40 fl oz)", 1200),
        (5, "Quantity not specified", 360),
    ],
    "25221405": [
        (1, "1 patty", 35),
        (2, "1 cocktail or miniature link", 10),
        (3, "1 breakfast size link", 20),
        (4, "1 bun-size or griller link", 75),
        (5, "1 half smoke sausage", 112),
        (6, "1 slice", 15),
        (7, "1 piece", 75),
        (8, "1 cup, NFS", 138),
        (9, "1 oz, cooked", 28.35),
        (10, "1 cubic inch", 18),
        (11, "Quantity not specified", 60),
    ],
    "51101000": [
        (1, "1 small or thin/very thin slice", 24),
        (2, "1 medium or regular slice", 28),
        (3, "1 large or thick slice", 43),
        (4, "1 slice, crust not eaten", 13),
        (5, "1 slice, snack-size", 10),
        (6, "1 cup", 40),
        (7, "1 cubic inch", 2.8),
    ],
    "58106210": [
        (1, "1 piece, NFS", 119),
        (2, "1 piece, small pizza", 80),
        (3, "1 piece, medium pizza", 86),
        (4, "1 piece, large pizza", 119),
        (5, "1 piece, extra-large pizza", 128),
        (6, '1 personal size pizza (5-7" diameter)', 175),
        (7, '1 small pizza (8-10" diameter)', 480),
        (8, '1 medium pizza (11-12" diameter)', 691),
        (9, '1 large pizza (13-15" diameter)', 954),
        (10, '1 extra-large pizza (16-18" diameter)', 1278),
        (11, "1 surface inch", 6.2),
        (12, "Quantity not specified", 238),
    ],
    "22600200": [
        (1, "1 thin slice (yield after cooking)", 5),
        (2, "1 medium slice (yield after cooking)", 8),
        (3, "1 thick slice (yield after cooking)", 12),
        (4, "1 oz, raw (yield after cooking)", 8),
        (5, "1 cup, pieces", 80),
        (6, "Quantity not specified", 16),
        (7, "Guideline amount if topping", 8),
        (8, "Guideline amount on regular sandwich", 16),
    ],
    "56205008": [(1, "1 cup, cooked", 158), (2, "Quantity not specified", 118)],
    "11000000": [(1, "1 cup", 246), (2, "Quantity not specified", 0), (3, "1 fl oz", 30.8)],
    "92101000": [
        (1, "1 fl oz", 30),
        (2, "1 cup (8 fl oz)", 240),
        (3, "1 small", 360),
        (4, "1 medium", 480),
        (5, "1 large", 600),
        (6, "1 small pot (20 FO, 4 servings)", 600),
        (7, "1 large pot (60 FO, 12 servings)", 1800),
        (8, "Quantity not specified", 360),
    ],
    "32130170": [(1, "1 egg", 60), (2, "1 cup", 135), (3, "Quantity not specified", 120)],
    "63107010": [
        (1, "1 banana", 126),
        (2, "1 slice", 6),
        (3, "1 cup", 150),
        (4, "1 cup, mashed", 225),
        (5, "1 linear inch", 15),
        (6, "Quantity not specified", 126),
    ],
    "93401010": [
        (1, "1 fl oz", 30),
        (2, "1 glass", 180),
        (3, "1/2 bottle", 375),
        (4, "Quantity not specified", 180),
    ],
    "24122131": [
        (1, "1 cup, cooked, diced", 135),
        (2, "1 small breast", 105),
        (3, "1 medium breast", 120),
        (4, "1 large breast", 135),
        (5, "1 small or thin slice", 30),
        (6, "1 medium slice", 60),
        (7, "1 large or thick slice", 85),
        (8, "1 oz, cooked", 28.35),
        (9, "1 breast quarter (yield after cooking, bone removed)", 155),
        (10, "Quantity not specified", 120),
    ],
    "27510389": [
        (1, "1 MCDonald's Mac Jr", 135),
        (2, "1 McDonald's Big Mac", 205),
        (3, "1 McDonald's Grand Mac", 315),
        (4, "Quantity not specified", 205),
    ],
    "56203056": [
        (1, "1 cup, cooked", 240),
        (2, "1 cup, dry, yields", 485),
        (3, "1 oz, dry, yields", 170),
        (4, "Quantity not specified", 240),
    ],
    "92101610": [  # Coffee, espresso
        (1, "1 fl oz", 30),
        (4, "1 espresso cup (2 fl oz)", 60),
        (5, "Quantity not specified", 60),
    ],
    "93505000": [  # Vodka
        (1, "1 fl oz (no ice)", 28),
        (2, "1 shot", 42),
        (3, "1 jigger", 42),
        (4, "1 drink", 63),
        (5, "Quantity not specified", 42),
    ],
    "93301060": [(1, "1 fl oz", 30), (2, "1 drink", 225), (3, "Quantity not specified", 225)],
}
S = {key: sr28(*rows) for key, rows in SR28_ROWS.items()}
F = {key: fndds(*rows) for key, rows in FNDDS_ROWS.items()}


# --- the real release files ----------------------------------------------------------------
@pytest.fixture(scope="module")
def sr28_weights(usda_dir: Path) -> Sr28Weights:
    weights: Sr28Weights = {}
    with (usda_dir / "sr28" / "WEIGHT.txt").open(encoding="latin-1") as handle:
        for line in handle:
            f = line.rstrip("\r\n").split("^")
            row = (int(f[1]), float(f[2]), f[3].strip("~"), float(f[4]))
            weights.setdefault(f[0].strip("~"), []).append(row)
    return weights


@pytest.fixture(scope="module")
def fndds_portions(usda_dir: Path) -> FnddsPortions:
    path = usda_dir / "fndds-2021-2023" / "2021-2023 FNDDS At A Glance - Portions and Weights.xlsx"
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    portions: FnddsPortions = {}
    for code, _, _, _, seq, desc, grams in rows[2:]:
        portions.setdefault(str(int(str(code).split(".")[0])), []).append(
            (int(str(seq).split(".")[0]), str(desc), float(str(grams)))
        )
    return portions


def _table(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if line and not line.startswith("#")))


def _source_weight(
    source: str, sr28_weights: Sr28Weights, fndds_portions: FnddsPortions
) -> tuple[str, float]:
    """Find "<SR28|FNDDS> <id> <measure>" in the release; return (measure, grams)."""
    db, food_id, measure = source.split(" ", 2)
    if db == "SR28":
        rows = [(f"{a:g} {d}", g) for _, a, d, g in sr28_weights[food_id]]
    else:
        assert db == "FNDDS", source
        rows = [(d, g) for _, d, g in fndds_portions[food_id]]
    matches = [grams for text, grams in rows if text == measure]
    assert matches, f"{source!r} not found; the release has {[t for t, _ in rows]}"
    return measure, matches[0]


def test_copied_rows_are_real(sr28_weights: Sr28Weights, fndds_portions: FnddsPortions) -> None:
    for ndb, copied in SR28_ROWS.items():
        assert set(copied) <= set(sr28_weights[ndb]), ndb
    for code, copied_fndds in FNDDS_ROWS.items():
        assert set(copied_fndds) <= set(fndds_portions[code]), code


@pytest.mark.parametrize("row", _table("default_servings.csv"), ids=lambda r: r["source"])
def test_default_serving_rows_match_usda(
    row: dict[str, str], sr28_weights: Sr28Weights, fndds_portions: FnddsPortions
) -> None:
    measure, grams = _source_weight(row["source"], sr28_weights, fndds_portions)
    amount = parse_measure(PortionRecord(measure, 1.0, "", grams)).amount
    assert float(row["grams"]) * amount == pytest.approx(grams, abs=0.01)
    assert normalize_unit(row["unit"]) and (row["size"] == "" or normalize_size(row["size"]))


@pytest.mark.parametrize("row", _table("densities.csv"), ids=lambda r: r["source"])
def test_density_rows_match_usda(
    row: dict[str, str], sr28_weights: Sr28Weights, fndds_portions: FnddsPortions
) -> None:
    measure, grams = _source_weight(row["source"], sr28_weights, fndds_portions)
    assert float(row["grams"]) == grams
    number, unit = row["volume"].split(" ", 1)
    measured_ml = parse_measure(PortionRecord(measure, 1.0, "", grams)).volume_ml
    assert measured_ml == pytest.approx(float(number) * ML_PER_UNIT[normalize_unit(unit) or ""])


# --- resolution ----------------------------------------------------------------------------
def resolve(
    food: str,
    portions: Iterable[PortionRecord],
    quantity: float | None = None,
    unit: str | None = None,
    size: str | None = None,
    *,
    mass_g: float | None = None,
    volume_ml: float | None = None,
    named: str | None = None,
) -> PortionEstimate:
    spec = AmountSpec(quantity, unit, size, mass_g, volume_ml, named)
    return resolve_portion(spec, food, None, tuple(portions))


def test_explicit_mass_wins_over_everything() -> None:
    got = resolve("Egg, whole, raw, fresh", S["01123"], 2, "each", "large", mass_g=130.0)
    assert (got.grams, got.source) == (130.0, "explicit_mass")
    assert resolve("Rice", S["20045"], 80, "g").grams == 80


@pytest.mark.parametrize(
    ("quantity", "unit", "grams"),
    [(2, "oz", 56.699), (1.5, "lb", 680.388), (0.25, "kilograms", 250.0)],
)
def test_mass_units_are_converted(quantity: float, unit: str, grams: float) -> None:
    got = resolve("Nuts, almonds", S["12061"], quantity, unit)
    assert got.grams == pytest.approx(grams) and got.source == "unit_conversion"


def test_two_large_eggs_sr28_01123() -> None:
    got = resolve("Egg, whole, raw, fresh", S["01123"], 2, "each", "large")
    assert got.grams == 100 and got.source == "food_measure"
    assert "'1 large' = 50 g" in got.detail
    assert ("2 × 1 medium", 88.0) in got.alternatives


def test_unsized_eggs_take_the_default_tables_large() -> None:
    got = resolve("Egg, whole, raw, fresh", S["01123"], 2)
    assert got.grams == 100 and "large assumed" in got.detail


def test_jumbo_egg_and_nearest_size_when_missing() -> None:
    assert resolve("Egg, whole, raw, fresh", S["01123"], 1, size="jumbo").grams == 63
    fried = resolve("Egg, whole, cooked, fried", S["01128"], 2, size="jumbo")
    assert fried.grams == 92 and "nearest size" in fried.detail


def test_sr28_descriptions_without_amount_prefix_resolve_the_same() -> None:
    bare = [PortionRecord(d, a, d, g, s) for s, a, d, g in SR28_ROWS["06043"]]
    assert resolve("Soup, cream of mushroom", bare, 1, "cup").grams == 252


def test_half_cup_measure_scaled_to_a_cup_sr28_06043() -> None:
    got = resolve("Soup, cream of mushroom, canned, condensed", S["06043"], 1, "cup")
    assert got.grams == 252 and "'0.5 cup' = 126 g × 2" in got.detail


def test_banana_cup_prefers_sliced_over_mashed_sr28_09040() -> None:
    got = resolve("Bananas, raw", S["09040"], 1, "cup")
    assert got.grams == 150 and got.alternatives == (("1 cup, mashed", 225.0),)


def test_tbsp_from_a_cup_measure_is_a_sixteenth() -> None:
    got = resolve("Bananas, raw", S["09040"], 1, "tbsp")
    assert got.grams == pytest.approx(150 / 16) and got.source == "food_measure"


def test_two_tbsp_measure_gives_one_tbsp_sr28_16398() -> None:
    assert resolve("Peanut butter, smooth style", S["16398"], 1, "tbsp").grams == 16


def test_six_slices_measure_sr28_01026() -> None:
    assert resolve("Cheese, mozzarella, whole milk", S["01026"], 3, "slice").grams == pytest.approx(
        85
    )


def test_fluid_ounces_and_millilitres_of_milk_sr28_01077() -> None:
    assert resolve("Milk, whole", S["01077"], 8, "fl oz").grams == pytest.approx(244)
    assert resolve("Milk, whole", S["01077"], 1, "tbsp").grams == 15
    by_ml = resolve("Milk, whole", S["01077"], volume_ml=250.0, unit="ml")
    assert by_ml.grams == pytest.approx(250 / CUP * 244)


def test_water_half_litre_uses_fl_oz_not_ice_cubes_sr28_14429() -> None:
    got = resolve("Beverages, water, tap, municipal", S["14429"], unit="ml", volume_ml=500.0)
    assert got.grams == pytest.approx(500 / FL_OZ * 29.6) and not got.alternatives


def test_cup_of_cola_from_fl_oz_without_ice_fndds_92410310() -> None:
    got = resolve("Soft drink, cola", F["92410310"], 1, "cup")
    assert got.grams == pytest.approx(248) and got.alternatives == (
        ("8 × 1 fl oz (with ice)", 184.0),
    )


def test_cola_containers_fndds_92410310() -> None:
    bottle = resolve("Soft drink, cola", F["92410310"], 1, "bottle")
    assert bottle.grams == 524 and bottle.alternatives == (("1 bottle (20 fl oz)", 620.0),)
    assert resolve("Soft drink, cola", F["92410310"], 2, "can").grams == 744


def test_beer_bottle_matches_can_or_bottle_fndds_93101000() -> None:
    assert resolve("Beer", F["93101000"], 1, "bottle").grams == 360


def test_a_restaurant_item_counts_as_served_sr28_21357_21319_21238() -> None:
    """SR28's fast-food records count an item only as served: "an Egg McMuffin" was 100 g
    (no measure), "a medium McDonald's fries" 100 g beside its own '1 medium serving'."""
    muffin = resolve("McDONALD'S, Egg McMUFFIN", S["21357"], 1, None)
    assert muffin.grams == 126 and muffin.source == "food_measure"
    assert resolve("McDONALD'S, Hash Brown", S["21319"], 2, "each").grams == 106
    fries = S["21238"]
    assert resolve("McDONALD'S, french fries", fries, 1, None, "large").grams == 154
    assert resolve("McDONALD'S, french fries", fries, 1, None).grams == 117  # medium assumed


def test_squares_of_chocolate_are_its_pieces_fndds_91705300() -> None:
    """A square broken off a bar is a piece (8 g), not two whole 45-g candies."""
    squares = resolve("Dark chocolate candy", F["91705300"], 2, "squares")
    assert squares.grams == 16 and "1 piece" in squares.detail


def test_a_square_of_cornbread_is_no_whole_pan_fndds_52201000() -> None:
    """'1 square cornbread (8" pan)' is the whole 541-g pan; a square cut from it is a piece."""
    assert resolve("Cornbread, prepared from mix", F["52201000"], 1, "square").grams == 60
    assert "square" not in parse_measure(F["52201000"][3]).units


def test_sausage_links_and_patty_fndds_25221405() -> None:
    assert resolve("Pork sausage", F["25221405"], 2, "link", "breakfast-size").grams == 40
    unsized = resolve("Pork sausage", F["25221405"], 2, "links")
    assert unsized.grams == 40 and "breakfast size assumed" in unsized.detail
    assert resolve("Pork sausage", F["25221405"], 1, "patty").grams == 35


def test_bread_slices_by_size_fndds_51101000() -> None:
    assert resolve("Bread, white", F["51101000"], 2, "slice").grams == 56
    assert resolve("Bread, white", F["51101000"], 1, "slice", "large").grams == 43
    assert resolve("Bread, white", F["51101000"], 1, "slice", "thin").grams == 24


def test_pizza_slice_reads_piece_nfs_fndds_58106210() -> None:
    got = resolve("Pizza, cheese, from restaurant or fast food", F["58106210"], 2, "slice")
    assert got.grams == 238 and "'1 piece, NFS'" in got.detail


def test_bacon_strips_are_medium_slices_fndds_22600200() -> None:
    got = resolve("Pork bacon, cooked", F["22600200"], 3, "strip")
    assert got.grams == 24 and ("3 × 1 thick slice (yield after cooking)", 36.0) in got.alternatives


def test_nothing_stated_uses_quantity_not_specified_fndds_56205008() -> None:
    got = resolve("Rice, white, cooked, no added fat", F["56205008"])
    assert got.grams == 118 and got.source == "food_measure"
    assert got.alternatives[:2] == (("1 cup, cooked", 158.0), ("1 bowl (about 2 cup)", 316.0))


def test_zero_weight_quantity_not_specified_is_ignored_fndds_11000000() -> None:
    got = resolve("Milk, human", F["11000000"])
    assert got.grams == 246 and got.source == "default_serving"


def test_drink_sizes_and_ounce_ambiguity_fndds_92101000() -> None:
    assert resolve("Coffee, brewed", F["92101000"], 1, size="large").grams == 600
    ounces = resolve("Coffee, brewed", F["92101000"], 12, "oz")
    assert ounces.source == "unit_conversion" and ounces.grams == pytest.approx(340.194)
    assert ounces.alternatives == (("12 fl oz", 360.0),)


def test_sized_request_on_unsized_measure_takes_the_default_fndds_63107010() -> None:
    got = resolve("Banana, raw", F["63107010"], 1, size="large")
    assert got.grams == 136 and got.source == "default_serving" and "1 large banana" in got.detail
    assert ("1 banana", 126.0) in got.alternatives


def test_jumbo_apple_takes_nearest_listed_size_sr28_09003() -> None:
    assert resolve("Apples, raw, with skin", S["09003"], 1, size="jumbo").grams == 223


def test_piece_of_chicken_is_a_whole_breast_fndds_24122131() -> None:
    assert (
        resolve("Chicken breast, roasted, skin not eaten", F["24122131"], 1, "piece").grams == 120
    )


def test_a_size_word_in_a_product_name_is_no_size_fndds_27510389() -> None:
    """ "1 McDonald's Big Mac" is the Big Mac itself, not a large one of three burgers."""
    big_mac = parse_measure(F["27510389"][1])
    assert big_mac.sizes == frozenset() and "big" in big_mac.words
    spec = AmountSpec(1, "each", named="big mac")
    got = resolve_portion(spec, "Big Mac (McDonalds)", "Burgers", F["27510389"])
    assert got.grams == 205 and "Big Mac'" in got.detail


def test_unitless_count_of_tomatoes_sr28_11529() -> None:
    got = resolve("Tomatoes, red, ripe, raw", S["11529"], 2)
    assert got.grams == 246 and "'1 medium whole (2-3/5\" dia)'" in got.detail


def test_oatmeal_cup_is_cooked_not_dry_yield_fndds_56203056() -> None:
    got = resolve("Oatmeal, made with water", F["56203056"], 1, "cup")
    assert got.grams == 240 and ("1 cup, dry, yields", 485.0) in got.alternatives


def test_serving_with_embedded_volume_sr28_19353() -> None:
    assert resolve("Syrups, maple", S["19353"], 1, "serving").grams == 83


def test_serving_falls_back_to_quantity_not_specified_fndds_56205008() -> None:
    assert resolve("Rice, white, cooked", F["56205008"], 1, "serving").grams == 118


def test_density_fallback_without_measures() -> None:
    oil = resolve("Oil, olive", (), 2, "tbsp")
    assert oil.source == "food_density" and oil.grams == pytest.approx(2 * TBSP * 216 / CUP)
    assert "SR28 04053" in oil.detail
    assert resolve("Wheat flour, white, all-purpose", (), 1, "cup").grams == pytest.approx(125)


def test_unknown_volume_is_weighed_as_water_and_says_so() -> None:
    got = resolve("Zorblax", (), 2, "cup")
    assert got.grams == pytest.approx(2 * CUP) and got.source == "category_default"
    assert "water" in got.detail


def test_handful_of_almonds_is_an_ounce_sr28_12061() -> None:
    got = resolve("Nuts, almonds", S["12061"], 1, "handful")
    assert got.source == "category_default" and got.grams == pytest.approx(28.3495)


def test_glass_of_milk_is_eight_fl_oz_weighed_by_the_food_sr28_01077() -> None:
    got = resolve("Milk, whole", S["01077"], 1, "glass")
    assert got.grams == 244 and got.source == "category_default" and "'1 cup' = 244 g" in got.detail
    assert got.alternatives == (
        ("1 small glass (about 0.5 cup)", 122.0),
        ("1 large glass (about 1.5 cup)", 366.0),
    )


def test_glass_of_soda_is_a_glass_not_a_fountain_drink_fndds_92410310() -> None:
    """A glass was read as FNDDS's "1 medium drink" (512 g, a fast-food cup) wherever a
    food had one: "a glass of cola" weighed twice "a glass of milk"."""
    got = resolve("Soft drink, cola", F["92410310"], 1, "glass")
    assert got.source == "category_default" and got.grams == pytest.approx(248, abs=3)


def test_shot_of_espresso_is_one_fluid_ounce_fndds_92101610() -> None:
    """Espresso has no "shot" measure: a shot was its 'Quantity not specified', a 2-fl-oz
    espresso cup (60 g). Spirits keep their own '1 shot' (42 g)."""
    got = resolve("Coffee, espresso", F["92101610"], 1, "shot")
    assert got.source == "category_default" and got.grams == pytest.approx(30.0)
    vodka = resolve("Vodka", F["93505000"], 1, "shot")
    assert vodka.source == "food_measure" and vodka.grams == pytest.approx(42.0)


def test_glass_of_a_spirit_is_a_standard_drink_not_a_cup_fndds_93505000() -> None:
    """A glass of vodka, whiskey or a liqueur was the 8-fl-oz drinking glass (224 g of vodka,
    five standard drinks); a mixed drink's glass stays a cup (FNDDS 93301060)."""
    vodka = resolve("Vodka", F["93505000"], 1, "glass")
    assert vodka.source == "category_default" and vodka.grams == pytest.approx(42, abs=1)
    mixed = resolve("Gin and tonic", F["93301060"], 1, "glass")
    assert mixed.source == "category_default" and mixed.grams == pytest.approx(240, abs=1)


def test_glass_of_wine_uses_the_foods_own_glass_fndds_93401010() -> None:
    got = resolve("Wine, red", F["93401010"], 1, "glass")
    assert got.grams == 180 and got.source == "food_measure"
    assert ("1 glass (about 5 fl oz)", 150.0) in got.alternatives


def test_bowl_of_rice_with_cup_and_bowl_alternatives_sr28_20045() -> None:
    got = resolve("Rice, white, long-grain, regular, enriched, cooked", S["20045"], 1, "bowl")
    assert got.grams == 316 and got.source == "category_default"
    assert got.alternatives == (("1 cup", 158.0), ("1 large bowl (about 3 cup)", 474.0))


def test_bowl_of_soup_without_measures_uses_soup_bowl_and_density() -> None:
    got = resolve("Soup, chicken noodle", (), 1, "bowl")
    assert got.grams == pytest.approx(1.5 * 248) and "soup bowl" in got.detail


def test_what_a_name_says_a_food_lacks_is_not_its_food() -> None:
    """SR28's "..., without salt" foods were weighed as salt: a serving 1/4 teaspoon, a cup
    292 g by salt's density ("grilled zucchini", 0 kcal); "Pasta, ..., with added salt" too."""
    zucchini = "Squash, summer, zucchini, includes skin, cooked, boiled, drained, without salt"
    got = category_default_portion(zucchini, None, AmountSpec(1, "serving"))
    assert "salt" not in got.detail and got.grams > 100, got.detail
    salted = category_default_portion("Pasta, cooked, enriched, with added salt", None)
    assert "salt" not in salted.detail and salted.grams > 100, salted.detail
    assert category_default_portion("Salt, table", None, AmountSpec(1, "serving")).grams < 2


def test_default_serving_when_measures_lack_counts_sr28_01133() -> None:
    got = resolve("Egg, whole, dried", S["01133"], 2)
    assert got.grams == 100 and got.source == "default_serving" and "SR28 01123" in got.detail


def test_default_cup_weighed_with_the_foods_own_cup_sr28_20045() -> None:
    got = resolve("Rice, white, long-grain, regular, enriched, cooked", S["20045"])
    assert got.grams == 158 and got.source == "default_serving"


def test_category_default_portion_ignores_food_measures() -> None:
    banana = category_default_portion("Bananas, raw", None)
    assert (banana.grams, banana.source) == (118, "default_serving")
    assert ("1 large banana", 136.0) in banana.alternatives
    sized = category_default_portion("Bananas, raw", None, AmountSpec(2, None, "small"))
    assert sized.grams == 202
    meat = category_default_portion(
        "Chicken breast, roasted", "Chicken, whole pieces", AmountSpec(1, "serving")
    )
    assert meat.grams == pytest.approx(3 * 28.3495) and meat.source == "category_default"
    unknown = category_default_portion("Zorblax", None)
    assert unknown.grams == 100 and "reference amount" in unknown.detail


def test_missing_quantity_with_unit_offers_double() -> None:
    got = resolve("Milk, whole", S["01077"], None, "cup")
    assert got.grams == 244 and ("2 cup", 488.0) in got.alternatives


def test_every_estimate_names_its_source() -> None:
    sources = {
        resolve("Milk, whole", S["01077"], 1, "cup").source,
        resolve("Oil, olive", (), 1, "tbsp").source,
        resolve("Nuts, almonds", S["12061"], 1, "handful").source,
        resolve("Egg, whole, dried", S["01133"], 1).source,
        resolve("Nuts, almonds", S["12061"], 1, "oz").source,
        resolve("Nuts, almonds", S["12061"], 30, "g").source,
    }
    assert sources == {
        "food_measure",
        "food_density",
        "category_default",
        "default_serving",
        "unit_conversion",
        "explicit_mass",
    }


def test_an_omelet_is_not_counted_by_the_eggs_in_it() -> None:
    """FNDDS measures an omelet by its eggs ("1 egg" = 60 g); "a cheese omelette" is one
    omelet (USDA's typical 120 g), "a 3 egg omelet" three of those eggs."""
    name = "Egg omelet or scrambled egg, with cheese, no added fat"
    one = resolve(name, F["32130170"], 1, "each", named="cheese omelette")
    assert one.grams == 120
    three = resolve(name, F["32130170"], 3, "each", named="egg omelet with cheese")
    assert three.grams == 180


def test_bowl_of_yogurt_or_dessert_is_a_small_bowl() -> None:
    """A bowl of yogurt was the 2-cup bowl of a main dish (490 g); it is a 1-cup bowl."""
    yogurt = resolve("Yogurt, NFS", (), 1, "bowl")
    assert "1 bowl ≈ 1 cup" in yogurt.detail and yogurt.grams < 300
    pasta = resolve("Pasta, cooked", (), 1, "bowl")
    assert "1 bowl ≈ 2 cup" in pasta.detail


def test_a_can_of_tuna_is_sr28s_can() -> None:
    """No tuna record of FNDDS says "can": a can was USDA's typical 90 g, SR28's can is 165 g."""
    got = resolve("Fish, tuna, NFS", (), 1, "can")
    assert got.grams == 165 and "SR28 15121" in got.detail
    assert resolve("Fish, tuna, NFS", (), 0.5, "can").grams == pytest.approx(82.5)


def test_a_bowl_of_hot_cereal_is_a_breakfast_bowl() -> None:
    """A bowl of oatmeal was the 2-cup bowl of a main dish (480 g); cereal bowls hold 1.5 cups."""
    oatmeal = resolve("Oatmeal, NFS", (), 1, "bowl")
    assert "1 bowl ≈ 1.5 cup" in oatmeal.detail and "hot cereal" in oatmeal.detail


def test_only_a_leafy_salad_is_a_loose_three_cup_bowl() -> None:
    """Leafy greens are loose (a 3-cup bowl); a bowl of fruit or potato salad is no heap of
    lettuce: it was 3 cups (450 g of fruit salad, 750 g of potato salad)."""
    assert "1 bowl ≈ 3 cup" in resolve("Spinach salad, no dressing", (), 1, "bowl").detail
    greens = resolve("Lettuce, salad with assorted vegetables, no dressing", (), 1, "plate")
    assert "1 plate ≈ 3 cup" in greens.detail
    for dense in ("Fruit salad, fresh or raw, no dressing", "Potato salad", "Tuna salad"):
        assert "1 bowl ≈ 2 cup" in resolve(dense, (), 1, "bowl").detail, dense
