"""core.time_fields: which fields hold a crime's time, and what they can say."""

import datetime

from hotspot_patrol.core.time_fields import choose_time_field, joined_expression


def choose(fields, rows):
    """``fields``: (name, kind); ``rows``: one tuple of values per feature."""
    names = [name for name, _ in fields]
    return choose_time_field(fields, {name: [row[i] for row in rows] for i, name in enumerate(names)})


POLICE_UK = [("crime_id", "text"), ("month", "text"), ("reported_by", "text"), ("location", "text"),
             ("lsoa_code", "text"), ("crime_type", "text")]


def police_uk_rows():
    return [("", f"2018-0{1 + i % 9}", "Essex Police", "On or near Nobles Green Road", "E01015833",
             "Anti-social behaviour") for i in range(50)]


def test_police_uk_month_text_is_proposed_at_month_resolution():
    choice = choose(POLICE_UK, police_uk_rows())
    assert choice.expression == '"month"'
    assert choice.resolution.resolution == "month"


def test_a_date_field_of_firsts_of_the_month_is_month_resolution():
    rows = [(datetime.date(2018, 1 + i % 12, 1), "x") for i in range(30)]
    choice = choose([("month_start", "date"), ("name", "text")], rows)
    assert (choice.expression, choice.resolution.resolution) == ('"month_start"', "month")


NYC = [("INCIDENT_KEY", "number"), ("OCCUR_DATE", "date"), ("OCCUR_TIME", "text"), ("BORO", "text")]


def nyc_rows():
    return [(i, datetime.date(2023, 1 + i % 12, 1 + i % 28), f"{i % 24:02d}:{(7 * i) % 60:02d}:00", "BRONX")
            for i in range(60)]


def test_nyc_date_and_time_fields_are_joined_to_minute_resolution():
    choice = choose(NYC, nyc_rows())
    assert choice.expression == "\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\""
    assert choice.resolution.resolution == "minute"


def test_text_dates_joined_to_a_time_field():
    rows = [(f"{1 + i % 12:02d}/{1 + i % 28:02d}/2023", datetime.time(i % 24, 30)) for i in range(40)]
    choice = choose([("OCCUR_DATE", "text"), ("OCCUR_TIME", "time")], rows)
    assert choice.expression == joined_expression("OCCUR_DATE", "OCCUR_TIME")
    assert choice.resolution.resolution == "minute"


def test_the_time_field_sharing_the_date_field_name_is_joined():
    fields = [("CMPLNT_FR_DT", "text"), ("CMPLNT_FR_TM", "text"), ("CMPLNT_TO_DT", "text"),
              ("CMPLNT_TO_TM", "text"), ("RPT_DT", "text")]
    rows = [("01/05/2023", "13:30:00", "01/06/2023", "14:00:00", "01/07/2023")] * 20
    assert choose(fields, rows).expression == "\"CMPLNT_FR_DT\" || ' ' || \"CMPLNT_FR_TM\""


CHICAGO = [("id", "text"), ("case_number", "text"), ("date", "text"), ("block", "text"), ("year", "text"),
           ("updated_on", "text")]


def test_chicago_single_date_time_text_beats_the_update_time():
    rows = [(str(i), f"JH{i}", f"01/{1 + i % 28:02d}/2024 {1 + i % 12:02d}:15:00 {'AM' if i % 2 else 'PM'}",
             "0000X W MADISON ST", "2024", "05/17/2025 03:40:52 PM") for i in range(40)]
    choice = choose(CHICAGO, rows)
    assert (choice.expression, choice.resolution.resolution) == ('"date"', "minute")


def test_a_datetime_field():
    rows = [(datetime.datetime(2024, 3, 1 + i % 28, i % 24, 5),) for i in range(30)]
    choice = choose([("occurred", "datetime")], rows)
    assert (choice.expression, choice.resolution.resolution) == ('"occurred"', "minute")


def test_dates_alone_are_day_resolution():
    rows = [(datetime.date(2024, 3, 1 + i % 28),) for i in range(30)]
    assert choose([("offence_date", "date")], rows).resolution.resolution == "day"


def test_a_layer_without_a_time_field_gets_no_expression():
    rows = [(i, "BURGLARY", "2024") for i in range(20)]
    choice = choose([("id", "number"), ("type", "text"), ("year", "text")], rows)
    assert choice.expression == ""
    assert choice.resolution.resolution is None


def test_no_fields_at_all():
    choice = choose_time_field([], {})
    assert choice.expression == "" and choice.resolution.resolution is None


def test_a_mostly_empty_field_is_judged_on_its_present_values():
    rows = [(None,)] * 30 + [("2018-05",)] * 3
    assert choose([("month", "text")], rows).expression == '"month"'


def test_field_names_with_quotes_are_escaped():
    rows = [("2018-05",)] * 3
    assert choose([('odd"name', "text")], rows).expression == '"odd""name"'
