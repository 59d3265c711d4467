"""hotspotpatrol:trialpower through Processing: a synthetic history with known rates and dispersion gives
them back and core's plan of the counts made here; groups give a row each; bad input is refused; the
Chicago sample with hotspots from rankhotspots gives a minimum detectable effect."""

import datetime
import math

import numpy as np
import pytest
from helpers import SAMPLE_DATA, Recording, point_layer
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProcessingException, QgsRectangle, QgsVectorLayer

from hotspot_patrol.core import power

ALGORITHM = "hotspotpatrol:trialpower"
FIELDS = ["group", "hotspots", "days", "share_assigned", "daily_rate", "dispersion", "mde", "days_for_target"]
FIRST_DAY = datetime.date(2023, 1, 1)
HISTORY_DAYS = 365
RATES = np.array([0.3, 0.6, 1.0, 1.5, 2.5])
DISPERSION = 2.0


def hotspot_layer(with_id=True):
    """Five 100 m squares 1 km apart, hotspot_id H0..H4."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700" + ("&field=hotspot_id:string" if with_id else ""),
                           "hotspots", "memory")
    features = []
    for h in range(len(RATES)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(h * 1000, 0, h * 1000 + 100, 100)))
        if with_id:
            feature.setAttributes([f"H{h}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def history(seed=4):
    """Crimes with negative-binomial daily counts of known means in each square, a third of them
    'Burglary', and the hotspot-by-day counts they make; plus crimes outside the squares and the period."""
    rng = np.random.default_rng(seed)
    counts = rng.negative_binomial(DISPERSION, DISPERSION / (DISPERSION + RATES[:, None]),
                                   (len(RATES), HISTORY_DAYS))
    points, rows = [], []
    for h, d in zip(*np.nonzero(counts)):
        for _ in range(counts[h, d]):
            points.append((h * 1000 + rng.uniform(5, 95), rng.uniform(5, 95)))
            day = FIRST_DAY + datetime.timedelta(days=int(d))
            rows.append((f"{day} {rng.integers(0, 24):02d}:15", "Burglary" if rng.random() < 1 / 3 else "Theft"))
    points += [(500.0, 500.0), (50.0, 50.0)]  # between the hotspots; in H0 but after END
    rows += [(f"{FIRST_DAY} 10:00", "Theft"), ("2024-01-01 10:00", "Theft")]
    layer = point_layer(points, fields=[("occurred", "text"), ("type", "text")], rows=rows)
    return layer, counts


def parameters(crimes, **more):
    return {"CRIMES": crimes, "TIME": "occurred", "HOTSPOTS": hotspot_layer(), "START": str(FIRST_DAY),
            "END": "2024-01-01", "TIMEZONE": "Europe/London", "SEED": 3, "OUTPUT": "memory:", **more}


def rows_of(layer):
    return [{name: feature[name] for name in FIELDS} for feature in layer.getFeatures()]


def test_parameters_outputs_and_group(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "CRIMES", "TIME", "CATEGORY_FIELD", "CATEGORY_GROUPS", "HOTSPOTS", "START", "END", "TIMEZONE", "DAYS",
        "SHARE", "ALPHA", "POWER", "TARGET_EFFECT", "SEED", "OUTPUT"]
    assert {o.name() for o in algorithm.outputDefinitions()} == {"OUTPUT", "MDE"}
    defaults = {name: algorithm.parameterDefinition(name).defaultValue()
                for name in ("DAYS", "SHARE", "ALPHA", "POWER", "TARGET_EFFECT")}
    assert defaults == {"DAYS": 28, "SHARE": 0.4, "ALPHA": 0.05, "POWER": 0.8, "TARGET_EFFECT": 0.3}
    assert algorithm.groupId() == "plan" and algorithm.displayName() == "Plan a patrol trial (power)"


def test_known_rates_come_back_and_the_plan_is_cores(run):
    crimes, counts = history()
    feedback = Recording()
    result = run(ALGORITHM, parameters(crimes), feedback)
    (row,) = rows_of(result["OUTPUT"])
    plan = power.plan_trial(counts, days=28, share=0.4, alpha=0.05, power=0.8, target_effect=0.3, rng=3)
    assert row == {"group": "all", "hotspots": 5, "days": 28, "share_assigned": pytest.approx(11 / 28),
                   "daily_rate": pytest.approx(counts.mean()), "dispersion": pytest.approx(plan.dispersion),
                   "mde": pytest.approx(plan.mde), "days_for_target": plan.days_for_target}
    assert row["daily_rate"] == pytest.approx(RATES.mean(), rel=0.05)
    assert row["dispersion"] == pytest.approx(DISPERSION, rel=0.3)
    assert result["MDE"] == pytest.approx(plan.mde) and 0 < plan.mde < 1
    sentence = (f"A 28-day trial in these 5 hotspots can detect a drop of {plan.mde:.0%} or more in all crime; "
                f"to detect 30% it needs about {plan.days_for_target:,} days.")
    assert sentence in feedback.infos
    assert any("by the normal approximation (cross-check)" in info for info in feedback.infos)


def test_each_group_gets_its_row(run):
    crimes, _ = history()
    result = run(ALGORITHM, parameters(crimes, CATEGORY_FIELD="type", CATEGORY_GROUPS="burglary=Burglary"
                                       ";theft=Theft"))
    rows = rows_of(result["OUTPUT"])
    assert [row["group"] for row in rows] == ["burglary", "theft"]
    assert rows[0]["daily_rate"] + rows[1]["daily_rate"] == pytest.approx(RATES.mean(), rel=0.05)
    assert rows[0]["mde"] > rows[1]["mde"]  # a third of the crimes: only larger drops show
    assert result["MDE"] == pytest.approx(rows[0]["mde"])


@pytest.mark.parametrize("changes, message", [
    ({"START": "2024-01-01", "END": "2023-01-01"}, "is not before END"),
    ({"SHARE": 0.0}, "SHARE"),
    ({"SHARE": 1.0}, "SHARE"),
    ({"START": "2021-01-01", "END": "2022-01-01"}, "No crime of the group 'all' is in the hotspots"),
    ({"HOTSPOTS": "no id"}, "hotspot_id"),
    ({"DAYS": 4, "SHARE": 0.1}, "gives 0 patrol days"),
])
def test_bad_input_is_refused(run, changes, message):
    crimes, _ = history()
    if changes.get("HOTSPOTS") == "no id":
        changes["HOTSPOTS"] = hotspot_layer(with_id=False)
    with pytest.raises(QgsProcessingException, match=message):
        run(ALGORITHM, parameters(crimes, **changes))


def test_chicago_sample(run, tmp_path):
    chicago = str(SAMPLE_DATA / "chicago_crimes_2024.gpkg")
    hotspots = run("hotspotpatrol:rankhotspots", {"INPUT": chicago, "TOP_N": 20, "OUTPUT": "memory:"})["OUTPUT"]
    feedback = Recording()
    result = run(ALGORITHM, {"CRIMES": chicago, "TIME": "date", "HOTSPOTS": hotspots, "START": "2024-01-01",
                             "END": "2025-01-01", "TIMEZONE": "America/Chicago", "DAYS": 90,
                             "OUTPUT": str(tmp_path / "power.csv")}, feedback)
    assert 0 < result["MDE"] <= 1
    assert any(info.startswith("A 90-day trial in these 20 hotspots") for info in feedback.infos)
    assert not math.isnan(result["MDE"])
