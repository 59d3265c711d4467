# Hotspot Patrol: two commands for a fresh Debian 12 machine (as root).
#   make demo   install what is missing, run the chain on the committed sample through qgis_process
#   make test   install what is missing, run the whole test suite
SHELL := /bin/bash
PYTHON := /usr/bin/python3
VENV := .venv
QGIS_PROCESS := tools/qgis-process
DEMO_DIR ?= demo_output
SAMPLE := sample_data/southend_street_crime_2018.gpkg
TIMED_SAMPLE := sample_data/chicago_crimes_2024.gpkg
POLICE_UK_SAMPLE := sample_data/police_uk_southend_sample.zip
DEMO_GROUPS := violent=BATTERY,ASSAULT,ROBBERY;property=THEFT,BURGLARY,CRIMINAL DAMAGE,MOTOR VEHICLE THEFT
export QT_QPA_PLATFORM := offscreen

.PHONY: demo test test-compat lint translations package screenshots deps venv

# Debian's QGIS, its Python bindings and providers (numpy and scipy come with them), and Qt's
# translation tools (pylupdate5, lrelease) for make translations and the translation tests.
deps:
	@if ! $(PYTHON) -c "import qgis.core, numpy, scipy, osgeo.ogr" 2>/dev/null || ! command -v qgis_process >/dev/null \
			|| ! command -v pylupdate5 >/dev/null || ! command -v lrelease >/dev/null; then \
		echo "Installing QGIS from Debian (qgis python3-qgis qgis-providers), and Qt's translation tools ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			qgis python3-qgis qgis-providers python3-venv python3-numpy python3-scipy python3-gdal time \
			pyqt5-dev-tools qttools5-dev-tools >/dev/null; \
	fi

$(VENV)/bin/pytest: | deps
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q pytest pytest-qgis

venv: deps $(VENV)/bin/pytest

# pytest-qgis keeps a QGIS profile in the pytest root folder: give it a temporary one.
test: venv
	@settings=$$(mktemp -d); trap 'rm -rf "$$settings"' EXIT; \
	$(VENV)/bin/python -m pytest -q -c pytest.ini --rootdir="$$settings" tests

# ruff, as configured in pyproject.toml (pinned, so every machine lints alike), in the venv even when the
# system Python has one (the venv sees system packages, and pip would otherwise install no .venv/bin/ruff).
RUFF_VERSION := 0.17.6
$(VENV)/bin/ruff: | $(VENV)/bin/pytest
	$(VENV)/bin/pip install -q --ignore-installed ruff==$(RUFF_VERSION)

lint: venv $(VENV)/bin/ruff
	$(VENV)/bin/ruff check .

# Refresh i18n/: the project file, each language's .ts (new strings unfinished) and its .qm.
translations: deps
	@$(PYTHON) tools/update_translations.py

# The suite on QGIS 3.40 (Debian trixie) and 3.44 (Debian forky), each in a cached debootstrap chroot.
COMPAT_SUITES ?= trixie forky
test-compat:
	@for suite in $(COMPAT_SUITES); do tools/test-compat $$suite || exit 1; done

# The installable plugin zip in dist/: one hotspot_patrol/ folder, metadata checked.
package:
	@$(PYTHON) tools/package.py dist

# The README's screenshots (docs/images/), headless, from the demo's outputs.
screenshots: demo
	@$(PYTHON) tools/make_screenshots.py $(DEMO_DIR)

demo: deps
	@mkdir -p $(DEMO_DIR)
	@echo "Gridding the Southend sample into 150 m cells ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:gridcrimes -- INPUT=$(SAMPLE) CELL_SIZE=150 \
		OUTPUT=$(DEMO_DIR)/crime_grid.gpkg > $(DEMO_DIR)/grid_result.json
	@echo "Kernel density (radius 150 m, 10 m pixels) ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:kerneldensity -- INPUT=$(SAMPLE) RADIUS=150 PIXEL_SIZE=10 \
		OUTPUT=$(DEMO_DIR)/crime_density.tif > $(DEMO_DIR)/density_result.json
	@echo "Top 20 patrol hotspots in the Chicago sample, and a 28-day risk-weighted patrol plan ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:rankhotspots -- INPUT=$(TIMED_SAMPLE) TOP_N=20 \
		OUTPUT=$(DEMO_DIR)/chicago_hotspots.gpkg > $(DEMO_DIR)/hotspots_result.json
	@$(QGIS_PROCESS) --json run hotspotpatrol:kerneldensity -- INPUT=$(TIMED_SAMPLE) RADIUS=150 PIXEL_SIZE=25 \
		OUTPUT=$(DEMO_DIR)/crime_density_chicago.tif > $(DEMO_DIR)/density_chicago_result.json
	@echo "Before the trial: what a 28-day trial in these hotspots could detect (power) ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:trialpower -- CRIMES=$(TIMED_SAMPLE) TIME=date \
		HOTSPOTS=$(DEMO_DIR)/chicago_hotspots.gpkg START=2024-01-01 END=2024-06-03 TIMEZONE=America/Chicago \
		DAYS=28 SEED=1 OUTPUT=$(DEMO_DIR)/trial_power.csv > $(DEMO_DIR)/power_result.json
	@$(QGIS_PROCESS) --json run hotspotpatrol:patrolplan -- HOTSPOTS=$(DEMO_DIR)/chicago_hotspots.gpkg \
		CRIMES=$(TIMED_SAMPLE) TIME=date START_DATE=2024-06-03 DAYS=28 TIMEZONE=America/Chicago SEED=1 \
		OUTPUT=$(DEMO_DIR)/patrol_plan.gpkg OUTPUT_CSV=$(DEMO_DIR)/patrol_plan.csv \
		OUTPUT_ICS=$(DEMO_DIR)/patrol_plan.ics OUTPUT_ROUTES=$(DEMO_DIR)/patrol_routes.gpkg \
		OUTPUT_ASSIGNMENT=$(DEMO_DIR)/assignment.gpkg > $(DEMO_DIR)/plan_result.json
	@echo "The honest path for data.police.uk (a month per crime, no time of day): import, rank, plan ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:importpoliceuk -- INPUT=$(POLICE_UK_SAMPLE) \
		OUTPUT=$(DEMO_DIR)/police_uk_crimes.gpkg > $(DEMO_DIR)/police_uk_import_result.json
	@$(QGIS_PROCESS) --json run hotspotpatrol:rankhotspots -- INPUT=$(DEMO_DIR)/police_uk_crimes.gpkg TOP_N=20 \
		OUTPUT=$(DEMO_DIR)/police_uk_hotspots.gpkg > $(DEMO_DIR)/police_uk_hotspots_result.json
	@$(QGIS_PROCESS) --json run hotspotpatrol:patrolplan -- HOTSPOTS=$(DEMO_DIR)/police_uk_hotspots.gpkg \
		CRIMES=$(DEMO_DIR)/police_uk_crimes.gpkg TIME=month START_DATE=2018-08-06 DAYS=28 TIMEZONE=Europe/London \
		SEED=1 OUTPUT=$(DEMO_DIR)/police_uk_plan.gpkg > $(DEMO_DIR)/police_uk_plan_result.json
	@echo "The officers' briefing pack (PDF): a cover, then a page per day ..."
	@$(QGIS_PROCESS) --json run hotspotpatrol:briefingpack -- HOTSPOTS=$(DEMO_DIR)/chicago_hotspots.gpkg \
		VISITS=$(DEMO_DIR)/patrol_plan.gpkg CRIMES=$(TIMED_SAMPLE) STREET_FIELD=block \
		"TITLE=Hotspot patrols, Chicago sample, June 2024" OUTPUT=$(DEMO_DIR)/briefing_pack.pdf \
		> $(DEMO_DIR)/briefing_result.json
	@echo "A simulated GPS trail of the plan: visits made and compliance, then the patrol effect ..."
	@$(PYTHON) tools/simulate_gps.py $(DEMO_DIR)/patrol_plan.csv $(DEMO_DIR)/gps_pings.gpkg 1 >/dev/null
	@$(QGIS_PROCESS) --json run hotspotpatrol:patroldosage -- PINGS=$(DEMO_DIR)/gps_pings.gpkg UNIT_FIELD=unit \
		TIME=time HOTSPOTS=$(DEMO_DIR)/chicago_hotspots.gpkg BUFFER=25 TIMEZONE=America/Chicago \
		PLAN=$(DEMO_DIR)/patrol_plan.gpkg OUTPUT=$(DEMO_DIR)/visits_made.gpkg \
		OUTPUT_COMPLIANCE=$(DEMO_DIR)/compliance.csv OUTPUT_HOTSPOTS=$(DEMO_DIR)/dosage.csv > $(DEMO_DIR)/dosage_result.json
	@$(QGIS_PROCESS) --json run hotspotpatrol:evaluatepatrols -- CRIMES=$(TIMED_SAMPLE) TIME=date \
		CATEGORY_FIELD=primary_type "CATEGORY_GROUPS=$(DEMO_GROUPS)" VISITS=$(DEMO_DIR)/visits_made.gpkg \
		HOTSPOTS=$(DEMO_DIR)/chicago_hotspots.gpkg START=2024-06-03 END=2024-07-01 TIMEZONE=America/Chicago \
		ASSIGNMENT=$(DEMO_DIR)/assignment.gpkg OUTPUT_DAYS=$(DEMO_DIR)/hotspot_days.gpkg OUTPUT_SUMMARY=$(DEMO_DIR)/patrol_effect.csv \
		OUTPUT_RESIDUAL=$(DEMO_DIR)/residual_deterrence.csv OUTPUT_REPORT=$(DEMO_DIR)/evaluation.html \
		> $(DEMO_DIR)/evaluation_result.json
	@$(PYTHON) tools/demo_summary.py $(DEMO_DIR)
