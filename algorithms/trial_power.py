"""hotspotpatrol:trialpower — plan a patrol trial: the smallest drop it can detect, and the days a drop needs."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import crime_groups, hotspot_days, power
from ..core.time_calendar import time_steps
from ..core.time_resolution import DAY
from .base import HotspotAlgorithm
from .reader import PointIndex, assign_to_polygons, read_hotspots, read_points, require_resolution, source_of
from .styles import style_on_load
from .time_zones import system_time_zone, time_zone

OUTPUT_FIELDS = (("group", "text"), ("hotspots", "int"), ("days", "int"), ("share_assigned", "double"),
                 ("daily_rate", "double"), ("dispersion", "double"), ("mde", "double"), ("days_for_target", "int"))


class TrialPowerAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "trialpower"
    GROUP = "plan"
    ICON = "hotspot_patrol"
    REFERENCES = ("anscombe1950", "breslow1987", "greenland1985", "mccullagh1989", "wedderburn1974")

    CRIMES = "CRIMES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY_GROUPS = "CATEGORY_GROUPS"
    HOTSPOTS = "HOTSPOTS"
    TIMEZONE = "TIMEZONE"
    DAYS = "DAYS"
    SHARE = "SHARE"
    ALPHA = "ALPHA"
    POWER = "POWER"
    TARGET_EFFECT = "TARGET_EFFECT"
    SEED = "SEED"
    MDE = "MDE"
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "share": "SHARE", "alpha": "ALPHA",
                            "power": "POWER", "target_effect": "TARGET_EFFECT"}

    def displayName(self):
        return self.tr("Plan a patrol trial (power)")

    def tags(self):
        return self.tr("power,sample size,minimum detectable effect,trial,experiment,patrol,hotspot,"
                       "randomised,planning").split(",")

    def summary(self):
        return self.tr(
            "Before a patrol trial: how large a drop in crime could it show? From a history of crimes in the "
            "hotspots, finds the smallest drop (minimum detectable effect) that a trial of DAYS days, patrolling "
            "SHARE of each hotspot's days, would detect with probability POWER, and how many days the trial "
            "needs to detect TARGET_EFFECT.")

    def method(self):
        return self.tr(
            "the history (START &lt;= day &lt; END, calendar days in TIMEZONE) gives each hotspot's crimes per "
            "day and how much the daily counts vary beyond chance: a negative binomial with each hotspot's own "
            "mean and one dispersion k (variance = mean + mean²/k), estimated by the method of moments "
            "(Anscombe 1950); no excess variance means Poisson counts. The planned analysis compares each "
            "hotspot's patrol days with its own other days: given each hotspot's total, its crimes on patrol "
            "days are binomial, and the common rate ratio is the conditional maximum-likelihood estimate with a "
            "likelihood-ratio test (Breslow &amp; Day 1987; Greenland &amp; Robins 1985 compare it with the "
            "Mantel–Haenszel ratio). Overdispersed daily counts spread each hotspot's split between patrol and "
            "other days beyond the binomial, so the test is quasi-Poisson (Wedderburn 1974; McCullagh &amp; "
            "Nelder 1989): the dispersion φ is estimated from the day counts (each hotspot's Pearson X² over its "
            "days, weighted by the hotspot's information about the ratio, never below 1), the likelihood-ratio "
            "statistic is divided by φ and referred to F(1, days − hotspots − 1). The minimum detectable effect "
            "is found by simulating that analysis: 1,000 trials of DAYS days per candidate drop, drawn day by day "
            "from the negative binomial, each hotspot patrolled on round(SHARE × DAYS) days whose crimes are "
            "thinned by the drop, the same random numbers for every candidate (SEED), and a bisection on the "
            "drop. The log gives, as a cross-check, the normal approximation of the log rate ratio (critical "
            "value from the quasi-Poisson standard error, spread from the negative-binomial one), and the share "
            "of simulated trials without any effect in which the test rejects, which should be close to ALPHA. "
            "days_for_target doubles the trial from DAYS, then bisects, up to "
            "3,650 days.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("The crime points of the history; each part of a multipoint is a crime."))
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time (field or expression)"), parentLayerParameterName=self.CRIMES),
            self.tr("Each crime's date: a field or an expression. It puts each crime on a calendar day in "
                    "TIMEZONE (a crime known only to its month is refused)."))
        self.add(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Crime type field"), parentLayerParameterName=self.CRIMES, optional=True),
            self.tr("The field with each crime's type, which CATEGORY_GROUPS groups."))
        self.add(QgsProcessingParameterString(
            self.CATEGORY_GROUPS, self.tr("Crime groups (name=type,type;name=type…)"), optional=True),
            self.tr("Groups of crime types planned for separately, e.g. <i>violent=Violence and sexual "
                    "offences,Robbery;street=Theft from the person,Bicycle theft</i>; needs CATEGORY_FIELD. "
                    "Without groups every crime is in one group, <i>all</i>."))
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("The hotspots of the trial, with hotspot_id, as 'Rank patrol hotspots' writes them."))
        self.add(QgsProcessingParameterDateTime(
            self.START, self.tr("History from (inclusive)"), QgsProcessingParameterDateTime.Date),
            self.tr("The first day of the history the rates are learned from (START &lt;= day &lt; END)."))
        self.add(QgsProcessingParameterDateTime(
            self.END, self.tr("History until (exclusive)"), QgsProcessingParameterDateTime.Date),
            self.tr("The day after the last day of the history."))
        self.add(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()),
            self.tr("Days are calendar days in this IANA zone (e.g. Europe/London); times carrying a UTC offset "
                    "are converted to it, others are read as written."))
        self.add(QgsProcessingParameterNumber(
            self.DAYS, self.tr("Trial length (days)"), QgsProcessingParameterNumber.Integer, defaultValue=28,
            minValue=2, maxValue=power.MAX_DAYS),
            self.tr("How many days the planned trial lasts."))
        self.add(QgsProcessingParameterNumber(
            self.SHARE, self.tr("Share of each hotspot's days patrolled"), QgsProcessingParameterNumber.Double,
            defaultValue=0.4, minValue=0.0, maxValue=1.0),
            self.tr("The share of each hotspot's trial days assigned to patrol, between 0 and 1 (0.4: 11 of 28 "
                    "days); the other days are its comparison."), decimals=2)
        self.add(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("Significance level"), QgsProcessingParameterNumber.Double, defaultValue=0.05,
            minValue=0.0, maxValue=1.0),
            self.tr("The level of the two-sided test of 'patrols change nothing' the trial will be analysed with."),
            decimals=3)
        self.add(QgsProcessingParameterNumber(
            self.POWER, self.tr("Power"), QgsProcessingParameterNumber.Double, defaultValue=0.8, minValue=0.0,
            maxValue=1.0),
            self.tr("The wanted probability that the trial detects the drop (0.8: four trials in five)."), decimals=2)
        self.add(QgsProcessingParameterNumber(
            self.TARGET_EFFECT, self.tr("Drop to detect (fraction)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.3, minValue=0.0, maxValue=1.0),
            self.tr("A drop in crime on patrol days, as a fraction (0.3: 30% less), for which days_for_target is "
                    "found."), decimals=2)
        self.add(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0),
            self.tr("The seed of the simulations: the same crimes, settings and seed give the same table."),
            advanced=True)
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Trial power"), QgsProcessing.TypeVector),
            self.tr("A table (no geometry), one row per group: <i>group</i>, <i>hotspots</i>, <i>days</i> (trial "
                    "length), <i>share_assigned</i> (patrol days ÷ days after rounding), <i>daily_rate</i> (mean "
                    "crimes per hotspot-day in the history), <i>dispersion</i> (negative-binomial k; NULL for "
                    "Poisson counts), <i>mde</i> (the minimum detectable drop, a fraction; NULL when not even a "
                    "100% drop would be detected) and <i>days_for_target</i> (NULL beyond 3,650 days)."))
        self.add_output(QgsProcessingOutputNumber(self.MDE, self.tr("Minimum detectable effect")),
                        self.tr("The first group's mde: the smallest drop (fraction) the trial would detect."))

    def check_parameters(self, parameters, context):
        self._period(parameters, context)
        self.run_core(power.check_settings, *(self.parameterAsDouble(parameters, name, context) for name in (
            self.DAYS, self.SHARE, self.ALPHA, self.POWER, self.TARGET_EFFECT)))
        if self._groups(parameters, context) and not self.parameterAsString(parameters, self.CATEGORY_FIELD, context):
            raise QgsProcessingException(self.tr(
                "CATEGORY_GROUPS needs CATEGORY_FIELD: the field with the crime type."))

    def processAlgorithm(self, parameters, context, feedback):
        zone = time_zone(self.parameterAsString(parameters, self.TIMEZONE, context))
        first, after = self._period(parameters, context)
        groups = self._groups(parameters, context)
        settings = {"days": self.parameterAsInt(parameters, self.DAYS, context),
                    "share": self.parameterAsDouble(parameters, self.SHARE, context),
                    "alpha": self.parameterAsDouble(parameters, self.ALPHA, context),
                    "power": self.parameterAsDouble(parameters, self.POWER, context),
                    "target_effect": self.parameterAsDouble(parameters, self.TARGET_EFFECT, context),
                    "rng": self.parameterAsInt(parameters, self.SEED, context)}
        hotspots_source = source_of(self, parameters, self.HOTSPOTS, context)
        self.require_polygons(hotspots_source, self.HOTSPOTS)
        crimes = read_points(self, parameters, self.CRIMES, context, feedback,
                             category_field=self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None,
                             time_expression=self.parameterAsExpression(parameters, self.TIME, context),
                             time_zone=zone)
        require_resolution(crimes, DAY, self.tr("Counting crimes per hotspot and day"))
        hotspots = read_hotspots(hotspots_source, self.HOTSPOTS, context, crimes.crs)
        in_hotspot = assign_to_polygons(PointIndex(crimes.x, crimes.y), [h[2] for h in hotspots])
        day = time_steps(crimes.time, "day", first)[0]
        members, absent = self.run_core(crime_groups.group_members, groups, crimes.category, len(crimes))
        for name, types in absent.items():
            feedback.pushWarning(self.tr("Group {}: no crime has the type {} (check the spelling).").format(
                name, ", ".join(f"'{t}'" for t in types)))
        feedback.setProgress(20)
        plans = []
        for number, (name, mask) in enumerate(members.items()):
            counts = self.run_core(hotspot_days.count_crimes, in_hotspot[mask], day[mask], len(hotspots),
                                   (after - first).days)
            if not counts.any():
                raise QgsProcessingException(self.tr(
                    "No crime of the group '{}' is in the hotspots between {} and {} (the history): check START, "
                    "END, TIME and TIMEZONE, and that the hotspots lie where the crimes are.").format(
                        name, first, after))
            share_of_work = (20 + 75 * number / len(members), 20 + 75 * (number + 1) / len(members))
            plans.append((name, self.run_core(power.plan_trial, counts, **settings,
                                              progress=self.progress_callback(feedback, *share_of_work))))
            self._log_plan(feedback, name, plans[-1][1], settings)
        dest_id = self.write_table(parameters, context, self.OUTPUT, OUTPUT_FIELDS, [
            [name, p.hotspots, p.days, p.share_assigned, p.daily_rate, p.dispersion, p.mde, p.days_for_target]
            for name, p in plans])
        style_on_load(context, dest_id, "trial_power")
        mde = plans[0][1].mde
        return {self.OUTPUT: dest_id, self.MDE: mde if mde == mde else None}

    def _period(self, parameters, context):
        """``(first day, day after the last)`` of the history."""
        start = self.parameterAsDateTime(parameters, self.START, context)
        end = self.parameterAsDateTime(parameters, self.END, context)
        if not (start.isValid() and end.isValid()):
            raise QgsProcessingException(self.tr("START and END are both needed: the first day of the history "
                                                 "and the day after its last."))
        first, after = start.date().toPyDate(), end.date().toPyDate()
        if after <= first:
            raise QgsProcessingException(self.tr(
                "START ({}) is not before END ({}); the history is START <= day < END.").format(first, after))
        return first, after

    def _groups(self, parameters, context):
        text = self.parameterAsString(parameters, self.CATEGORY_GROUPS, context)
        return self.run_core(crime_groups.parse_groups, text, reserved_names=(crime_groups.ALL,))

    def _log_plan(self, feedback, name, plan, settings):
        """The plan in plain words, the method's two answers and the test's behaviour without any effect."""
        crime = self.tr("all crime") if name == crime_groups.ALL else self.tr("{} crime").format(name)
        detect = (self.tr("can detect a drop of {:.0%} or more in {}").format(plan.mde, crime) if plan.mde == plan.mde
                  else self.tr("cannot detect even a 100% drop in {}").format(crime))
        needs = (self.tr("to detect {:.0%} it needs about {:,} days.").format(plan.target_effect, plan.days_for_target)
                 if plan.days_for_target is not None else
                 self.tr("even {:,} days would not be enough to detect {:.0%}.").format(power.MAX_DAYS,
                                                                                        plan.target_effect))
        feedback.pushInfo(self.tr("A {}-day trial in these {} hotspots {}; {}").format(
            plan.days, plan.hotspots, detect, needs))
        dispersion = (self.tr("Poisson (no excess variation)") if plan.dispersion == float("inf") else
                      self.tr("negative binomial, k = {:.3g}").format(plan.dispersion))
        feedback.pushInfo(self.tr(
            "{}: {:.3g} crimes per hotspot-day in the history, daily counts {}; {} of {} days patrolled in each "
            "hotspot; the within-hotspot test allows for overdispersion (quasi-Poisson). Minimum detectable "
            "effect by simulation of the analysis (used): {}; by the normal approximation (cross-check): {}."
            ).format(
                name, plan.daily_rate, dispersion, plan.patrol_days, plan.days, _percent(plan.mde),
                _percent(plan.mde_normal)))
        if plan.null_rejection > 1.5 * settings["alpha"]:
            feedback.pushWarning(self.tr(
                "{}: even the quasi-Poisson within-hotspot test rejects in {:.0%} of simulated trials without "
                "any effect (not {:.0%}): its p-values will overstate the evidence, and a detected drop needs "
                "care.").format(name, plan.null_rejection, settings["alpha"]))


def _percent(fraction):
    return "—" if fraction != fraction else f"{fraction:.0%}"
