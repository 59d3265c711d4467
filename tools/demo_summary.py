"""Print where `make demo` wrote its outputs and the five busiest cells."""

import csv
import html
import json
import re
import sys
import textwrap
from pathlib import Path

from osgeo import gdal, ogr

gdal.UseExceptions()


def main(folder):
    folder = Path(folder).resolve()
    grid_result = json.loads((folder / "grid_result.json").read_text())["results"]
    print(f"\nCrime grid:     {folder / 'crime_grid.gpkg'}")
    print(f"  {grid_result['CRIMES_COUNTED']} crimes in {grid_result['CELLS']} cells of 150 m; the busiest 5% "
          f"of cells hold {grid_result['TOP5_SHARE']:.1%} of the crime.")
    dataset = ogr.Open(str(folder / "crime_grid.gpkg"))
    layer = dataset.GetLayer(0)
    layer.SetAttributeFilter("rank <= 5")
    busiest = sorted((f["rank"], f["cell_id"], f["count"], f["share"]) for f in layer)
    print("  The five busiest cells:")
    print("    rank  cell_id                count  share")
    for rank, cell_id, count, share in busiest:
        print(f"    {rank:>4}  {cell_id:<22} {count:>5}  {share:.1%}")
    raster = gdal.Open(str(folder / "crime_density.tif"))
    band = raster.GetRasterBand(1)
    print(f"Density raster: {folder / 'crime_density.tif'}")
    print(f"  {raster.RasterXSize} x {raster.RasterYSize} pixels of {raster.GetGeoTransform()[1]:g} m, "
          f"maximum {band.ComputeRasterMinMax(False)[1]:.1f}")
    power = json.loads((folder / "power_result.json").read_text())
    print(f"Trial power:    {folder / 'trial_power.csv'}")
    for line in power.get("log", {}).get("info", []):
        if "can detect" in line:
            print(textwrap.fill(line, width=100, initial_indent="  ", subsequent_indent="    "))
    plan = json.loads((folder / "plan_result.json").read_text())["results"]
    print(f"Patrol plan:    {folder / 'patrol_plan.gpkg'} (also patrol_plan.csv, patrol_plan.ics, patrol_routes.gpkg)")
    print(f"  {plan['VISITS']} visits of 15 minutes to the Chicago sample's top 20 hotspots over 28 days; "
          f"{plan['DROPPED']} dropped for capacity.")
    with open(folder / "patrol_plan.csv", newline="") as handle:
        visits = list(csv.DictReader(handle))
    first_day = visits[0]["date"]
    print(f"  First day, {visits[0]['weekday']} {first_day}:")
    print("    start             hotspot  unit  risk  where (lat, lon)")
    for visit in (v for v in visits if v["date"] == first_day):
        risk = float(visit["risk"])
        print(f"    {visit['start_local'][11:]:<17} {visit['hotspot_id']:>7}  {visit['unit']:>4}  {risk:4.1f}"
              f"  {visit['latitude']}, {visit['longitude']}")
    print_police_uk_plan(folder)
    briefing = json.loads((folder / "briefing_result.json").read_text())["results"]
    print(f"Briefing pack:  {folder / 'briefing_pack.pdf'}")
    print(f"  {briefing['PAGE_COUNT']} pages: a cover with all hotspots, then one page per day with its map "
          "and visits.")

    dosage = json.loads((folder / "dosage_result.json").read_text())["results"]
    print(f"Visits made:    {folder / 'visits_made.gpkg'} (from a simulated GPS trail, {folder / 'gps_pings.gpkg'})")
    print(f"  {dosage['VISITS_MADE']} stays of 5 minutes or more; of the planned visits {dosage['VISITS_DELIVERED']} "
          f"delivered, {dosage['VISITS_LATE']} late, {dosage['VISITS_MISSED']} missed "
          f"({folder / 'compliance.csv'}); {dosage['KOPER_SHARE']:.0%} of stays lasted 10-16 minutes.")
    report = folder / "evaluation.html"
    print(f"Evaluation:     {report} (tables: patrol_effect.csv, residual_deterrence.csv, hotspot_days.gpkg)")
    for finding in re.findall(r"<p class='finding'>(.*?)</p>", report.read_text(encoding="utf-8")):
        print(textwrap.fill(html.unescape(finding), width=100, initial_indent="  ", subsequent_indent="    "))


def print_police_uk_plan(folder):
    """The honest path: data.police.uk months give places and days, not times of day."""
    imported = json.loads((folder / "police_uk_import_result.json").read_text())["results"]
    plan = json.loads((folder / "police_uk_plan_result.json").read_text())
    print(f"Police.uk plan: {folder / 'police_uk_plan.gpkg'} (from {folder / 'police_uk_crimes.gpkg'})")
    print(f"  Imported {imported['CRIMES_WRITTEN']} crimes of {imported['FIRST_MONTH']} to {imported['LAST_MONTH']} "
          f"from {imported['FILES_READ']} data.police.uk files ({imported['DUPLICATES']} duplicates, "
          f"{imported['SKIPPED_NO_LOCATION']} without a location, {imported['OUTLIERS']} far outliers left out).")
    results = plan["results"]
    print(f"  {results['VISITS']} visits to the top 20 hotspots over 28 days; risk-weighted: "
          f"{'yes' if results['RISK_WEIGHTED'] else 'no'}.")
    for warning in _warnings(plan):
        print(textwrap.fill(warning, width=100, initial_indent="  Warning: ", subsequent_indent="    "))


def _warnings(result):
    """The warnings of a qgis_process --json run."""
    return result.get("log", {}).get("warning", [])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
