"""The optional inputs of Evaluate patrol effect read into core's terms: the assignment of patrol
days (for the intention-to-treat analysis) and each crime's harm (HARM_WEIGHTS)."""

import datetime

import numpy as np
from qgis.core import QgsFeatureRequest, QgsProcessingException

from ..core import harm, hotspot_days
from .qt_values import python_value
from .translate import tr

ASSIGNMENT_COLUMNS = ("hotspot_id", "date", "assigned")
TRUE_WORDS = {"true", "t", "yes", "y", "1"}
FALSE_WORDS = {"false", "f", "no", "n", "0"}


def read_assignment(source, name, hotspot_ids, period, feedback):
    """The hotspot-days assigned a patrol, a bool grid ``(hotspots, days of period)``, from a table with
    ``hotspot_id``, ``date`` and ``assigned`` (Generate patrol plan's OUTPUT_ASSIGNMENT).

    Rows naming a hotspot that is not in ``hotspot_ids``, or with a date or ``assigned`` that cannot be
    read, are left out with a warning; days outside the period are not part of the evaluation.
    """
    fields = source.fields()
    for column in ASSIGNMENT_COLUMNS:
        if fields.lookupField(column) < 0:
            raise QgsProcessingException(tr(
                "{} needs the fields hotspot_id, date and assigned, as 'Generate patrol plan' writes them "
                "(OUTPUT_ASSIGNMENT); '{}' is missing.").format(name, column))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
        [fields.lookupField(column) for column in ASSIGNMENT_COLUMNS])
    rows = []
    for feature in source.getFeatures(request):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user."))
        rows.append([python_value(feature[column]) for column in ASSIGNMENT_COLUMNS])
    first, after = period
    grid = np.zeros((len(hotspot_ids), (after - first).days), dtype=bool)
    names = [("" if hotspot_id is None else str(hotspot_id)) for hotspot_id, _, _ in rows]
    hotspot = hotspot_days.hotspot_index(hotspot_ids, names)
    days = np.array([_day_number(date, first) for _, date, _ in rows], dtype=float)
    assigned = np.array([_truth(value) for _, _, value in rows], dtype=float)
    unreadable = np.isnan(days) | np.isnan(assigned)
    if unreadable.any():
        feedback.pushWarning(tr("{} rows of {} have a date or an assigned value that cannot be read (a date and "
                                "true or false are needed); they are left out.").format(int(unreadable.sum()), name))
    unknown = (hotspot < 0) & ~unreadable
    if unknown.any():
        feedback.pushWarning(tr("{} rows of {} name hotspots that are not in HOTSPOTS (e.g. '{}'); they are left "
                                "out.").format(int(unknown.sum()), name, names[int(np.flatnonzero(unknown)[0])]))
    keep = ~unreadable & ~unknown & (assigned == 1)
    keep[keep] = (days[keep] >= 0) & (days[keep] < grid.shape[1])
    grid[hotspot[keep], days[keep].astype(np.int64)] = True
    return grid


def _day_number(value, first):
    """The day of a date (a date, a date and time, or ISO text) counted from ``first``; NaN when unreadable."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return np.nan
    return float((value - first).days) if isinstance(value, datetime.date) else np.nan


def _truth(value):
    """1.0 for an assigned day, 0.0 for one not assigned, NaN for a value that says neither."""
    if isinstance(value, (bool, int, float)) and value in (0, 1):
        return float(value)
    word = str(value).strip().lower() if value is not None else ""
    return 1.0 if word in TRUE_WORDS else 0.0 if word in FALSE_WORDS else np.nan


def read_crime_harm(path, categories, feedback):
    """Each crime's harm from the ``category,weight`` table at ``path`` (as Rank hotspots reads it);
    a crime whose category is not in the table carries no harm, and a warning names those categories."""
    weights = harm.read_harm_weights(path)
    known, known_harm, unknown = harm.crime_harm(categories, weights)
    if unknown:
        feedback.pushWarning(tr("{} crimes have a category that is not in the harm table: they count as crimes but "
                                "carry no harm. Their categories: {}").format(
                                    int(np.count_nonzero(~known)), ", ".join(f"'{c}'" for c in unknown[:10])))
    crime_harm = np.zeros(known.size)
    crime_harm[known] = known_harm
    return crime_harm
