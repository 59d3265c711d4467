"""Harm weights: reading the category,weight table (what it accepts and refuses) and weighting crimes."""

from pathlib import Path

import numpy as np
import pytest

from hotspot_patrol.core import harm
from hotspot_patrol.core.errors import InputError

SAMPLE_TABLE = Path(__file__).resolve().parents[2] / "sample_data" / "harm_weights_police_uk.csv"


def table(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "harm.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_the_shipped_table_reads_as_written():
    assert harm.read_harm_weights(str(SAMPLE_TABLE)) == {
        "Anti-social behaviour": 0.0, "Bicycle theft": 2.0, "Burglary": 244.68, "Criminal damage and arson": 11.18,
        "Drugs": 3.66, "Other crime": 10.0, "Other theft": 2.0, "Possession of weapons": 273.75,
        "Public order": 7.5, "Robbery": 365.0, "Shoplifting": 1.0, "Theft from the person": 2.0,
        "Vehicle crime": 5.0, "Violence and sexual offences": 194.21}


def test_comments_blank_lines_spaces_extra_columns_and_duplicates(tmp_path):
    text = ("\ufeff# a comment\n\n  # an indented comment\n weight , category ,source\n"
            "365, Robbery ,CCHI\n\n60,Burglary\n   \n0,Anti-social behaviour,\n61,Burglary,later\n1e1,Drugs\n")
    assert harm.read_harm_weights(table(tmp_path, text)) == {
        "Robbery": 365.0, "Burglary": 61.0, "Anti-social behaviour": 0.0, "Drugs": 10.0}


def test_a_header_alone_is_an_empty_table(tmp_path):
    assert harm.read_harm_weights(table(tmp_path, "category,weight\n")) == {}


@pytest.mark.parametrize("text, message", [
    ("category,weight\nRobbery,x\n", "row 2: 'x' is not a number"),
    # Rows are counted from the header, comments and blank lines left out.
    ("# c\n\ncategory,weight\nRobbery,1\n# c\nBurglary,\n", "row 3: '' is not a number"),
    ("category,weight\nRobbery\n", "row 2: '' is not a number"),
    ("category,weight\nRobbery,-1\n", "row 2: Robbery has the weight '-1', but a harm weight must be a finite number"),
    ("category,weight\nRobbery,nan\n", "Robbery has the weight 'nan'"),
    ("category,weight\nRobbery,inf\n", "Robbery has the weight 'inf'"),
    ("kind,value\nRobbery,1\n", "needs a header line with the columns 'category' and 'weight'"),
    ("category\nRobbery\n", "needs a header line"),
    ("# only comments\n\n", "needs a header line"),
    ("", "needs a header line"),
])
def test_refusals(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        harm.read_harm_weights(table(tmp_path, text))


def test_a_file_that_cannot_be_read_or_is_not_utf8(tmp_path):
    with pytest.raises(InputError, match="Cannot read the harm table"):
        harm.read_harm_weights(str(tmp_path / "missing.csv"))
    with pytest.raises(InputError, match="not UTF-8"):
        harm.read_harm_weights(table(tmp_path, "category,weight\nDélit,1\n", encoding="latin-1"))


def test_crime_harm_by_hand():
    known, crime_harm, unknown = harm.crime_harm(
        np.array(["Robbery", " Drugs ", None, "Arson", "Robbery", 7], dtype=object),
        {"Robbery": 365.0, "Drugs": 3.0, "7": 1.5})
    assert known.tolist() == [True, True, False, False, True, True]
    assert crime_harm.tolist() == [365.0, 3.0, 365.0, 1.5]
    assert unknown == ["", "Arson"]


def test_crime_harm_against_a_loop():
    rng = np.random.default_rng(3)
    names = ["a", "b", "c", "d", None]
    categories = [names[i] for i in rng.integers(0, len(names), 200)]
    weights = {"a": 1.0, "c": 2.5}
    known, crime_harm, unknown = harm.crime_harm(categories, weights)
    assert known.tolist() == [c in weights for c in categories]
    assert crime_harm.tolist() == [weights[c] for c in categories if c in weights]
    assert unknown == sorted({"" if c is None else c for c in categories if c not in weights})


def test_no_crimes():
    known, crime_harm, unknown = harm.crime_harm([], {"a": 1.0})
    assert known.size == 0 and crime_harm.size == 0 and unknown == []
