"""The bibliography: every work the help cites, once, by key.

An algorithm lists the keys it cites in ``REFERENCES``; its help panel and page print these entries
(tools/make_help.py gathers them all into the index). Entries are HTML, as the help panel shows them.
"""

REFERENCES = {
    "anscombe1950": (
        "Anscombe, F. J. (1950). Sampling theory of the negative binomial and logarithmic series "
        "distributions. Biometrika 37(3/4), 358–382."),
    "basford2021": (
        "Basford, L., Sims, C., Agar, I., Harinam, V. &amp; Strang, H. (2021). Effects of one-a-day foot patrols "
        "on hot spots of serious violence and crime harm: a randomised crossover trial. Cambridge Journal of "
        "Evidence-Based Policing, doi 10.1007/s41887-021-00067-2."),
    "benjamini1995": (
        "Benjamini, Y. &amp; Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
        "powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B "
        "57(1), 289–300."),
    "bernasco2017": (
        "Bernasco, W. &amp; Steenbeek, W. (2017). More places than crimes: implications for evaluating "
        "the law of crime concentration at place. Journal of Quantitative Criminology 33(3), 451–467."),
    "bowers2003": (
        "Bowers, K. J. &amp; Johnson, S. D. (2003). Measuring the geographical displacement and "
        "diffusion of benefit effects of crime prevention activity. Journal of Quantitative Criminology "
        "19(3), 275–301."),
    "bowers2004": (
        "Bowers, K. J., Johnson, S. D. &amp; Pease, K. (2004). Prospective hot-spotting: the future of crime "
        "mapping? British Journal of Criminology 44(5), 641–658."),
    "breslow1987": (
        "Breslow, N. E. &amp; Day, N. E. (1987). Statistical methods in cancer research, volume II: the design "
        "and analysis of cohort studies. IARC Scientific Publications 82, International Agency for Research on "
        "Cancer, Lyon."),
    "chainey2008": (
        "Chainey, S., Tompson, L. &amp; Uhlig, S. (2008). The utility of hotspot mapping for predicting "
        "spatial patterns of crime. Security Journal 21(1–2), 4–28."),
    "clopper1934": (
        "Clopper, C. J. &amp; Pearson, E. S. (1934). The use of confidence or fiducial limits "
        "illustrated in the case of the binomial. Biometrika 26(4), 404–413."),
    "daws2017": (
        "Daws, M. (2017). open_cp: open source crime prediction (the retrospective and prospective hotspot "
        "methods). Quantitative Criminology at Leeds, github.com/QuantCrimAtLeeds/PredictCode."),
    "desruisseaux2009": (
        "Desruisseaux, B. (ed.) (2009). Internet Calendaring and Scheduling Core Object Specification "
        "(iCalendar). RFC 5545, Internet Engineering Task Force."),
    "efron1993": (
        "Efron, B. &amp; Tibshirani, R. J. (1993). An Introduction to the Bootstrap. New York: Chapman &amp; "
        "Hall."),
    "esri_emerging": (
        "Esri. How Emerging Hot Spot Analysis works. ArcGIS Pro documentation, Spatial Statistics "
        "toolbox."),
    "fay2010": (
        "Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals for discrete data. "
        "The R Journal 2(1), 53–58."),
    "getis1992": (
        "Getis, A. &amp; Ord, J. K. (1992). The analysis of spatial association by use of distance "
        "statistics. Geographical Analysis 24(3)."),
    "greenland1985": (
        "Greenland, S. &amp; Robins, J. M. (1985). Estimation of a common effect parameter from sparse "
        "follow-up data. Biometrics 41(1), 55–68."),
    "hunt2016": (
        "Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the modifiable areal unit "
        "problem and modifiable temporal unit problem on crime hot spot stability. Doctoral "
        "dissertation, American University, Washington, DC."),
    "hyndman2021": (
        "Hyndman, R. J. &amp; Athanasopoulos, G. (2021). Forecasting: principles and practice, 3rd edition, "
        "section 5.10: time series cross-validation (a rolling forecasting origin). OTexts."),
    "johnson2007": (
        "Johnson, S. D., Bernasco, W., Bowers, K. J., Elffers, H., Ratcliffe, J., Rengert, G. &amp; Townsley, M. "
        "(2007). Space–time patterns of risk: a cross national assessment of residential burglary victimization. "
        "Journal of Quantitative Criminology 23(3), 201–219."),
    "kendall1975": (
        "Kendall, M. G. (1975). Rank Correlation Methods, 4th edition. London: Griffin."),
    "knox1964": (
        "Knox, E. G. (1964). The detection of space-time interactions. Journal of the Royal Statistical Society, "
        "Series C (Applied Statistics) 13(1), 25–29."),
    "koper1995": (
        "Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
        "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672."),
    "levine2008": (
        "Levine, N. (2008). The “hottest” part of a hotspot: comments on “The utility of hotspot mapping "
        "for predicting spatial patterns of crime”. Security Journal 21(4), 295–302."),
    "mann1945": (
        "Mann, H. B. (1945). Nonparametric tests against trend. Econometrica 13(3), 245–259."),
    "mccullagh1989": (
        "McCullagh, P. &amp; Nelder, J. A. (1989). Generalized Linear Models, 2nd edition, chapter 9: "
        "quasi-likelihood functions. London: Chapman &amp; Hall."),
    "mohler2011": (
        "Mohler, G. O., Short, M. B., Brantingham, P. J., Schoenberg, F. P. &amp; Tita, G. E. (2011). "
        "Self-exciting point process modeling of crime. Journal of the American Statistical Association "
        "106(493), 100–108."),
    "mohler2015": (
        "Mohler, G. O., Short, M. B., Malinowski, S., Johnson, M., Tita, G. E., Bertozzi, A. L. &amp; "
        "Brantingham, P. J. (2015). Randomized controlled field trials of predictive policing. Journal of the "
        "American Statistical Association 110(512), 1399–1411."),
    "nij2017": (
        "NIJ, National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring by the "
        "predictive accuracy index (PAI) and the predictive efficiency index (PEI*). Portland, Oregon."),
    "ord1995": (
        "Ord, J. K. &amp; Getis, A. (1995). Local spatial autocorrelation statistics: distributional "
        "issues and an application. Geographical Analysis 27(4), 286–306."),
    "policeuk_about": (
        "Home Office. About data.police.uk: data, location anonymisation, the crime categories and "
        "outcomes. data.police.uk/about (web page). Data contains public sector information licensed "
        "under the Open Government Licence v3.0."),
    "ratcliffe2002": (
        "Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal analysis of high volume "
        "crime patterns. Journal of Quantitative Criminology 18(1), 23–43."),
    "ratcliffe2004": (
        "Ratcliffe, J. H. (2004). The hotspot matrix: a framework for the spatio-temporal targeting of "
        "crime reduction. Police Practice and Research 5(1), 5–23."),
    "ratcliffe2009": (
        "Ratcliffe, J. H. (2009). Near Repeat Calculator (version 1.3). Temple University, Philadelphia, PA, and "
        "the National Institute of Justice, Washington, DC."),
    "sherman1995": (
        "Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
        "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648."),
    "sherman2016": (
        "Sherman, L. W., Neyroud, P. &amp; Neyroud, E. (2016). The Cambridge Crime Harm Index: measuring "
        "total harm from crime based on sentencing guidelines. Policing 10(3), 171–183."),
    "silverman1986": (
        "Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis. London: Chapman "
        "&amp; Hall."),
    "wand1995": (
        "Wand, M. P. &amp; Jones, M. C. (1995). Kernel Smoothing. London: Chapman &amp; Hall."),
    "wedderburn1974": (
        "Wedderburn, R. W. M. (1974). Quasi-likelihood functions, generalized linear models, and the "
        "Gauss-Newton method. Biometrika 61(3), 439–447."),
    "weisburd2015": (
        "Weisburd, D. (2015). The law of crime concentration and the criminology of place. Criminology "
        "53(2), 133–157."),
}
