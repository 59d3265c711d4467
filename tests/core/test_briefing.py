"""core.briefing: a plan's values, usual streets, unit order, map extents and crowding, against
hand-computed values and brute force."""

import datetime
import itertools
import math

import numpy as np
import pytest

from hotspot_patrol.core.briefing import (
    crowded_clusters,
    local_start,
    most_frequent_values,
    padded_extent,
    patrol_day,
    patrol_minutes,
    unit_order,
)
from hotspot_patrol.core.errors import InputError


@pytest.mark.parametrize("value", [datetime.date(2024, 6, 3), datetime.datetime(2024, 6, 3, 23, 59), "2024-06-03",
                                   " 2024/06/03 ", "2024-06-03T00:00:00"])
def test_patrol_day_reads_dates_dates_with_times_and_slashes(value):
    assert patrol_day(value, 7) == datetime.date(2024, 6, 3)


@pytest.mark.parametrize("value", [None, "", "03/06/2024", "June 3", "2024-13-01"])
def test_patrol_day_refuses_what_is_not_a_date_naming_the_visit(value):
    with pytest.raises(InputError, match=r"Visit 7 has no readable date .*such as 2024-06-03"):
        patrol_day(value, 7)


def test_local_start_keeps_the_offset_as_written():
    assert local_start("2024-06-03T12:20-05:00", 1) == datetime.datetime(
        2024, 6, 3, 12, 20, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    assert local_start("2024-06-03T12:20Z", 1).utcoffset() == datetime.timedelta(0)
    assert local_start(" 2024-06-03 12:20 ", 1).tzinfo is None
    moment = datetime.datetime(2024, 6, 3, 1, 2)
    assert local_start(moment, 1) is moment


@pytest.mark.parametrize("value", [None, "10 o'clock", "2024-06-03T25:00"])
def test_local_start_refuses_what_is_not_iso_8601(value):
    with pytest.raises(InputError, match="Visit 3 has no readable start_local"):
        local_start(value, 3)


@pytest.mark.parametrize(("value", "minutes"), [(15, 15), (15.9, 15), ("20", 20), (1, 1)])
def test_patrol_minutes_are_whole_minutes(value, minutes):
    assert patrol_minutes(value, 1) == minutes


@pytest.mark.parametrize("value", [0, -5, None, "", "15.5", "fifteen", 0.5])
def test_patrol_minutes_refuse_no_length(value):
    with pytest.raises(InputError, match="Visit 2 has no patrol length"):
        patrol_minutes(value, 2)


def test_most_frequent_values_by_hand():
    owner = [0, 0, 0, 0, 1, 1, 1, 2, -1, -1, -1]
    values = ["B Road", " A Street", "A Street", None, "X", "W", "  ", "", "Z", "Z", "Z"]
    assert most_frequent_values(owner, values) == {0: "A Street", 1: "W"}
    assert most_frequent_values(np.array([3, 3]), np.array([7, 7], dtype=object)) == {3: "7"}


def test_most_frequent_values_against_brute_force():
    rng = np.random.default_rng(5)
    words = ["A", "B", "C", " B", "", None]
    owner = rng.integers(-1, 6, 400)
    values = [words[k] for k in rng.integers(0, len(words), 400)]
    expected = {}
    for group in range(6):
        texts = [str(v).strip() for g, v in zip(owner, values) if g == group and v is not None and str(v).strip()]
        if texts:
            best = max(texts.count(t) for t in set(texts))
            expected[group] = sorted(t for t in set(texts) if texts.count(t) == best)[0]
    assert most_frequent_values(owner, values) == expected


def test_units_sort_numbers_as_numbers_then_text():
    units = ["10", 2, "north", None, "2.5", "1.2.3", 1.5, "²"]
    assert sorted(units, key=unit_order) == [1.5, 2, "2.5", "10", None, "1.2.3", "north", "²"]


def test_padded_extent_by_hand():
    # 100 x 50 m in a 120 x 60 mm map with 10 mm of padding: the height binds, 50 m over 40 mm.
    assert padded_extent([(0, 0, 100, 50)], 120, 60, 10, 10) == (-25.0, -12.5, 125.0, 62.5)
    # A single small box: the map spans min_span metres across its shorter side, centred on the box.
    assert padded_extent([(990, 1990, 1010, 2010)], 200, 100, 8, 800) == (200.0, 1600.0, 1800.0, 2400.0)
    # Several boxes: their bounding box, 300 x 100 m, in a 100 x 100 mm map with 0 padding.
    assert padded_extent([(0, 0, 10, 10), (290, 90, 300, 100)], 100, 100, 0, 1) == (0.0, -100.0, 300.0, 200.0)


def test_padded_extent_keeps_the_map_shape_and_the_padding():
    rng = np.random.default_rng(2)
    for _ in range(50):
        corners = rng.uniform(0, 5000, (4, 2))
        boxes = [(*np.minimum(a, b), *np.maximum(a, b)) for a, b in zip(corners[::2], corners[1::2])]
        width, height, pad = rng.uniform(40, 200), rng.uniform(40, 200), 8.0
        xmin, ymin, xmax, ymax = padded_extent(boxes, width, height, pad, 800.0)
        per_mm = (xmax - xmin) / width
        assert (ymax - ymin) / height == pytest.approx(per_mm)
        assert min(xmax - xmin, ymax - ymin) >= 800.0 * (1 - 1e-12)
        assert xmin <= min(b[0] for b in boxes) - pad * per_mm * (1 - 1e-9)
        assert ymax >= max(b[3] for b in boxes) + pad * per_mm * (1 - 1e-9)


def brute_force_clusters(x, y, limit):
    """Groups linked by distances under limit, by repeated merging of any two groups with a close pair."""
    groups = [{k} for k in range(len(x))]
    merged = True
    while merged:
        merged = False
        for a, b in itertools.combinations(range(len(groups)), 2):
            if any(math.dist((x[i], y[i]), (x[j], y[j])) < limit for i in groups[a] for j in groups[b]):
                groups[a] |= groups.pop(b)
                merged = True
                break
    crowded = [sorted(g) for g in groups if len(g) > 1]
    return sorted(crowded, key=lambda g: (-len(g), g[0]))


def test_crowded_clusters_by_hand():
    assert crowded_clusters([0, 1, 10, 30, 11.5, 12.5], [0] * 6, 2) == [[2, 4, 5], [0, 1]]
    assert crowded_clusters([0, 2], [0, 0], 2) == []  # closer than, not as close as
    assert crowded_clusters([5.0], [5.0], 1) == [] and crowded_clusters([], [], 1) == []
    assert crowded_clusters([0, 0, 9, 9], [0, 9, 0, 9], 1) == []
    assert crowded_clusters([0, 9, 0.5, 9.5], [0, 0, 0, 0], 1) == [[0, 2], [1, 3]]


def test_crowded_clusters_against_brute_force():
    rng = np.random.default_rng(11)
    for _ in range(20):
        n = int(rng.integers(2, 30))
        x, y = rng.uniform(0, 100, n), rng.uniform(0, 100, n)
        assert crowded_clusters(x, y, 12.0) == brute_force_clusters(x, y, 12.0)
