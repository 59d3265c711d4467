"""Simulate the GPS trail that units following a patrol plan might leave, for the demo.

Usage: python3 tools/simulate_gps.py PLAN.csv OUT.gpkg [SEED]

Reads the plan's CSV (Generate patrol plan's OUTPUT_CSV) and writes a ping every
30 seconds for each visit: the unit drives in from 1 km away, stays near the
visit point, and drives off. Most visits are made on time, some late, some
missed, and stays vary around 15 minutes, so that Patrol dosage from GPS has
something to find. Times are written as UTC text ("...Z"), as GPS units record
them; Patrol dosage converts them to the plan's time zone.
"""

import csv
import datetime
import os
import sys

import numpy as np
from osgeo import ogr, osr

PING_SECONDS = 30
APPROACH_METRES = 1000.0


def simulate(plan_rows, seed):
    rng = np.random.default_rng(seed)
    pings = []
    for visit in plan_rows:
        outcome = rng.choice(["on time", "late", "missed"], p=[0.8, 0.1, 0.1])
        if outcome == "missed":
            continue
        planned = datetime.datetime.fromisoformat(visit["start_local"])
        delay = rng.uniform(-3, 4) if outcome == "on time" else rng.uniform(10, 40)
        arrive = planned + datetime.timedelta(minutes=float(delay))
        stay = datetime.timedelta(minutes=float(max(3.0, rng.normal(14.0, 4.0))))
        lat, lon = float(visit["latitude"]), float(visit["longitude"])
        heading = rng.uniform(0, 2 * np.pi)
        # Metres to degrees near the point: good enough for a simulated trail.
        metres_lat, metres_lon = 1 / 111_320.0, 1 / (111_320.0 * np.cos(np.radians(lat)))
        moment = arrive - datetime.timedelta(minutes=3)
        end = arrive + stay + datetime.timedelta(minutes=3)
        while moment <= end:
            if moment < arrive:
                distance = APPROACH_METRES * (arrive - moment).total_seconds() / 180.0
            elif moment > arrive + stay:
                distance = APPROACH_METRES * (moment - arrive - stay).total_seconds() / 180.0
            else:
                distance = abs(rng.normal(0, 15))
            angle = heading if moment < arrive + stay else heading + np.pi / 2
            pings.append({"unit": f"unit {visit['unit']}",
                          "time": moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "lon": lon + distance * np.cos(angle) * metres_lon,
                          "lat": lat + distance * np.sin(angle) * metres_lat})
            moment += datetime.timedelta(seconds=PING_SECONDS)
    return pings


def main(plan_csv, out_path, seed=1):
    with open(plan_csv, newline="") as handle:
        rows = list(csv.DictReader(handle))
    pings = simulate(rows, int(seed))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(out_path):
        driver.DeleteDataSource(out_path)
    dataset = driver.CreateDataSource(out_path)
    layer = dataset.CreateLayer("gps_pings", wgs84, ogr.wkbPoint)
    for name in ("unit", "time"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.StartTransaction()
    for ping in pings:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["unit"], feature["time"] = ping["unit"], ping["time"]
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(ping["lon"], ping["lat"])
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    print(f"{len(pings)} simulated GPS pings for {len(rows)} planned visits: {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
