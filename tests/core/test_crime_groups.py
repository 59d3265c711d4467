"""Groups of crime types: read as a user writes them, and the crimes of each, by hand."""

import numpy as np
import pytest

from hotspot_patrol.core import crime_groups
from hotspot_patrol.core.errors import InputError


def test_parse_groups_reads_names_and_types_in_order():
    groups = crime_groups.parse_groups(" violent = Violence and sexual offences, Robbery ;;street=Bicycle theft; ")
    assert list(groups) == ["violent", "street"]
    assert groups == {"violent": {"Violence and sexual offences", "Robbery"}, "street": {"Bicycle theft"}}
    assert crime_groups.parse_groups("") == {} and crime_groups.parse_groups(None) == {}


@pytest.mark.parametrize("text, message", [
    ("violent Robbery", "Crime groups must read like .*Cannot read 'violent Robbery'"),
    ("violent=", "Cannot read 'violent='"),
    ("violent= , ", "Cannot read 'violent= ,'"),
    ("2violent=Robbery", "Cannot read '2violent=Robbery'"),
    ("violent=Robbery;violent=Arson", "The group name 'violent' is used twice"),
    ("all=Robbery", r"'all' is used twice, or clashes with an output column \(all, date, ring_…\)"),
    ("ring_violent=Robbery", "'ring_violent' is used twice, or clashes"),
])
def test_parse_groups_refuses_what_it_cannot_read_and_reserved_names(text, message):
    with pytest.raises(InputError, match=message) as error:
        crime_groups.parse_groups(text, reserved_names=("all", "date"), reserved_prefix="ring_")
    assert error.value.setting == "groups"


def test_parse_groups_without_reserved_names_takes_any_name():
    assert crime_groups.parse_groups("all=A;ring_x=B") == {"all": {"A"}, "ring_x": {"B"}}


def test_group_members_by_hand():
    categories = np.array(["Robbery", None, "Arson", "Robbery", "Theft", ""], dtype=object)
    groups = {"violent": {"Robbery", "Violence"}, "property": {"Arson", "Theft"}, "other": {"Fraud", "Bribery"}}
    members, absent = crime_groups.group_members(groups, categories, 6)
    assert list(members) == ["violent", "property", "other"]
    assert members["violent"].tolist() == [True, False, False, True, False, False]
    assert members["property"].tolist() == [False, False, True, False, True, False]
    assert not members["other"].any()
    assert absent == {"violent": ["Violence"], "other": ["Bribery", "Fraud"]}


def test_group_members_without_groups_is_one_group_of_every_crime():
    members, absent = crime_groups.group_members({}, None, 4)
    assert list(members) == ["all"] and members["all"].tolist() == [True] * 4 and absent == {}


def test_group_members_needs_one_type_per_crime():
    with pytest.raises(InputError, match="each of the 3 crimes' type"):
        crime_groups.group_members({"a": {"x"}}, ["x", "y"], 3)
    with pytest.raises(InputError, match="crime type"):
        crime_groups.group_members({"a": {"x"}}, None, 3)
