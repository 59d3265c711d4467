<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="105"/>
        <source>{} (id {})</source>
        <translation type="unfinished">{} (id {})</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="109"/>
        <source> · unit {}</source>
        <translation type="unfinished"> · équipage {}</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="131"/>
        <source>{} to {} ({} days, {} with patrols)</source>
        <translation type="unfinished">Du {} au {} ({} jours, dont {} avec patrouilles)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>hotspot</source>
        <translation type="unfinished">point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="133"/>
        <source>hotspots</source>
        <translation type="unfinished">points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="132"/>
        <source>visit</source>
        <translation type="unfinished">passage</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>visits</source>
        <translation type="unfinished">passages</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="183"/>
        <source>unit</source>
        <translation type="unfinished">équipage</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>units</source>
        <translation type="unfinished">équipages</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="137"/>
        <source>How to patrol: at the time in the day&apos;s table, go to the numbered hotspot and patrol it for about {} minutes, highly visible (high-visibility jacket, on foot where you can, talk to people), then move on to the next. Keep to the times and the minutes: short visits at unpredictable times deter crime for longest.</source>
        <translation type="unfinished">Comment patrouiller : à l'heure indiquée dans le tableau du jour, rendez-vous au point chaud numéroté et patrouillez-y environ {} minutes, de façon très visible (gilet haute visibilité, à pied si possible, en parlant aux gens), puis passez au suivant. Respectez les heures et les durées : des passages courts à des heures imprévisibles dissuadent les infractions le plus longtemps.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="148"/>
        <source>Patrolled hotspots</source>
        <translation type="unfinished">Points chauds patrouillés</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="150"/>
        <source>Numbers on the maps are the hotspots&apos; ranks (1 = the most crime). Grey: hotspots without a visit in this plan.</source>
        <translation type="unfinished">Les numéros sur les cartes sont les rangs des points chauds (1 = le plus d'infractions). En gris : points chauds sans passage dans ce plan.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="170"/>
        <source>{} (continued)</source>
        <translation type="unfinished">{} (suite)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="181"/>
        <source>{}, {} patrol minutes</source>
        <translation type="unfinished">{}, {} minutes de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="186"/>
        <source>. Times are local (UTC{}).</source>
        <translation type="unfinished">. Les heures sont locales (UTC{}).</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="186"/>
        <source> and UTC</source>
        <translation type="unfinished"> et UTC</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="202"/>
        <source>{} · page {} of {}</source>
        <translation type="unfinished">{} · page {} sur {}</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="204"/>
        <source>Generated on {} by Hotspot Patrol</source>
        <translation type="unfinished">Généré le {} par Hotspot Patrol</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Time</source>
        <translation type="unfinished">Heure</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Hotspot</source>
        <translation type="unfinished">Point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Location</source>
        <translation type="unfinished">Lieu</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Minutes</source>
        <translation type="unfinished">Minutes</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Unit</source>
        <translation type="unfinished">Équipage</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="228"/>
        <source>Done</source>
        <translation type="unfinished">Fait</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="253"/>
        <source>A row of the visit table is taller than a page; shorten its location text.</source>
        <translation type="unfinished">Une ligne du tableau des passages est plus haute qu'une page ; raccourcissez le texte de son lieu.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="273"/>
        <source>Locations: the most frequent {} of the crimes in each hotspot; where there is none, {}.</source>
        <translation type="unfinished">Lieux : la valeur la plus fréquente du champ {} parmi les infractions de chaque point chaud ; à défaut, {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="275"/>
        <source>Locations: {}.</source>
        <translation type="unfinished">Lieux : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="282"/>
        <source>Basemap: {}.</source>
        <translation type="unfinished">Fond de carte : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="168"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="306"/>
        <source>Could not write the PDF &apos;{}&apos; ({}). Check that the folder exists and is writable, that the file is not open in another program, and that the disk is not full.</source>
        <translation type="unfinished">Impossible d'écrire le PDF '{}' ({}). Vérifiez que le dossier existe et est accessible en écriture, que le fichier n'est pas ouvert dans un autre programme et que le disque n'est pas plein.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="313"/>
        <source>Cannot replace OUTPUT &apos;{}&apos; ({}). Close it in other programs, or choose another file name.</source>
        <translation type="unfinished">Impossible de remplacer OUTPUT '{}' ({}). Fermez-le dans les autres programmes, ou choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="334"/>
        <source>nothing was written</source>
        <translation type="unfinished">rien n'a été écrit</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_maps.py" line="138"/>
        <source>Hotspots</source>
        <translation type="unfinished">Points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="106"/>
        <source>VISITS needs the fields {}, as &apos;Generate patrol plan&apos; writes them; missing: {}. Choose the plan&apos;s visits layer{}.</source>
        <translation type="unfinished">VISITS doit contenir les champs {}, tels que « Générer le plan de patrouille » les écrit ; manquants : {}. Choisissez la couche des passages du plan{}.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="106"/>
        <source>, or PAGES = One page per day</source>
        <translation type="unfinished">, ou PAGES = One page per day</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="125"/>
        <source>Visit {} has no unit, so it cannot go on a unit&apos;s page. Fill in its unit, or choose PAGES = One page per day.</source>
        <translation type="unfinished">Le passage {} n'a pas d'équipage : il ne peut donc pas figurer sur la page d'un équipage. Renseignez son équipage, ou choisissez PAGES = One page per day.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="132"/>
        <source>VISITS holds {} to hotspots that are not in HOTSPOTS (hotspot_id {}). Choose the HOTSPOTS layer the plan was made from.</source>
        <translation type="unfinished">VISITS contient {} vers des points chauds absents de HOTSPOTS (hotspot_id {}). Choisissez la couche HOTSPOTS à partir de laquelle le plan a été établi.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="137"/>
        <source>VISITS has no visits. Run &apos;Generate patrol plan&apos; first, or check the layer&apos;s filter and selection.</source>
        <translation type="unfinished">VISITS ne contient aucun passage. Lancez d'abord « Générer le plan de patrouille », ou vérifiez le filtre et la sélection de la couche.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="140"/>
        <source>The plan&apos;s ranks differ from HOTSPOTS&apos; for hotspots {}: the pack numbers them by HOTSPOTS&apos; ranks, as on its maps. Check that the plan was made from these hotspots.</source>
        <translation type="unfinished">Les rangs du plan diffèrent de ceux de HOTSPOTS pour les points chauds {} : le dossier les numérote selon les rangs de HOTSPOTS, comme sur ses cartes. Vérifiez que le plan a été établi à partir de ces points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="19"/>
        <source>End of each crime&apos;s time window (optional)</source>
        <translation type="unfinished">Fin de la fenêtre temporelle de chaque infraction (facultatif)</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="26"/>
        <source>The end of each crime&apos;s time window, for crimes known only to lie between two times (a burglary between 18:00 Friday and 09:00 Monday). Each crime&apos;s weight is spread over the hours of its window in proportion to the minutes of the window in each (aoristic analysis, Ratcliffe 2002); with TIMEZONE the minutes are real minutes, so a window across a clock change holds its true length. A window of 168 hours or more is spread evenly over the week; a null TIME_END means a known time; an end before its TIME skips the crime (counted in the log).</source>
        <translation type="unfinished">La fin de la fenêtre temporelle de chaque infraction, pour les infractions dont on sait seulement qu'elles ont eu lieu entre deux moments (un cambriolage entre vendredi 18:00 et lundi 09:00). Le poids de chaque infraction est réparti sur les heures de sa fenêtre au prorata des minutes de la fenêtre comprises dans chacune (analyse aoristique, Ratcliffe 2002) ; avec TIMEZONE, ce sont des minutes réelles, de sorte qu'une fenêtre qui chevauche un changement d'heure garde sa vraie durée. Une fenêtre de 168 heures ou plus est répartie uniformément sur la semaine ; un TIME_END nul signifie une heure connue ; une fin antérieure à son TIME écarte l'infraction (comptée dans le journal).</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="38"/>
        <source>Times of exactly 00:00 mean &apos;time unknown&apos;</source>
        <translation type="unfinished">Les heures à 00:00 exactement signifient 'heure inconnue'</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="38"/>
        <source>Treat times of exactly 00:00 as &apos;time unknown&apos;: those crimes still count for place and day but not for the hour-of-week risk. Records systems often write an unknown time as midnight; the log warns when 00:00 holds at least 3 times the mean of the other whole hours&apos; first minute (and at least 10 crimes).</source>
        <translation type="unfinished">Traiter les heures à 00:00 exactement comme 'heure inconnue' : ces infractions comptent toujours pour le lieu et le jour, mais pas pour le risque par heure de la semaine. Les logiciels de gestion des procédures enregistrent souvent une heure inconnue comme minuit ; le journal avertit lorsque 00:00 compte au moins 3 fois la moyenne de la première minute des autres heures pleines (et au moins 10 infractions).</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="55"/>
        <source>they are left out of the hour-of-week risk (MIDNIGHT_UNKNOWN)</source>
        <translation type="unfinished">elles sont exclues du risque par heure de la semaine (MIDNIGHT_UNKNOWN)</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="55"/>
        <source>if they are unknown times, set MIDNIGHT_UNKNOWN so that they count for place and day but not for the hour</source>
        <translation type="unfinished">s'il s'agit d'heures inconnues, activez MIDNIGHT_UNKNOWN pour qu'elles comptent pour le lieu et le jour mais pas pour l'heure</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="58"/>
        <source>{} crimes are at exactly 00:00, against {:.1f} on average at the start of the other whole hours: unknown times are probably written as midnight; {}.</source>
        <translation type="unfinished">{} infractions sont à 00:00 exactement, contre {:.1f} en moyenne au début des autres heures pleines : les heures inconnues sont probablement enregistrées comme minuit ; {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/crime_times.py" line="94"/>
        <source>The crimes carry no time of day: their times are known only to the {} ({}). An hour-of-week profile would put them all at midnight. Give TIME a field or expression with the time of day (a date and a separate time field can be joined, e.g. &quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;), or TIME_END for crimes known to a window.</source>
        <translation type="unfinished">Les infractions n'ont pas d'heure du jour : leurs heures ne sont connues qu'à la précision « {} » ({}). Un profil par heure de la semaine les placerait toutes à minuit. Donnez à TIME un champ ou une expression avec l'heure du jour (un champ date et un champ heure séparés peuvent être joints, p. ex. &quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;), ou TIME_END pour les infractions connues par une fenêtre.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="71"/>
        <source>The layer has no valid CRS, so its coordinates cannot be placed on Earth or measured in metres. Set the layer's CRS (Layer Properties ▸ Source) to the one its coordinates are in, then run again.</source>
        <translation type="unfinished">La couche n'a pas de SCR valide : ses coordonnées ne peuvent donc pas être placées sur la Terre ni mesurées en mètres. Définissez le SCR de la couche (Propriétés de la couche ▸ Source) sur celui dans lequel sont ses coordonnées, puis relancez.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="77"/>
        <source>TARGET_CRS {} does not measure in metres. Choose a projected CRS in metres, e.g. a UTM zone or a national grid, or leave TARGET_CRS empty.</source>
        <translation type="unfinished">TARGET_CRS {} ne mesure pas en mètres. Choisissez un SCR projeté en mètres, p. ex. une zone UTM ou une grille nationale, ou laissez TARGET_CRS vide.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="91"/>
        <source>is geographic</source>
        <translation type="unfinished">est géographique</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="91"/>
        <source>does not measure in metres</source>
        <translation type="unfinished">ne mesure pas en mètres</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="92"/>
        <source>The layer&apos;s CRS {} {}: working in {} ({}), chosen by where most of the data lies (around lon {:.2f}, lat {:.2f}).</source>
        <translation type="unfinished">Le SCR de la couche {} {} : calcul dans {} ({}), choisi d'après l'endroit où se trouve l'essentiel des données (vers lon {:.2f}, lat {:.2f}).</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="96"/>
        <source>QGIS returned no definition for the CRS {}, so the data cannot be reprojected safely. Restart QGIS, or set TARGET_CRS to a projected CRS in metres.</source>
        <translation type="unfinished">QGIS n'a renvoyé aucune définition pour le SCR {} : les données ne peuvent donc pas être reprojetées sans risque. Redémarrez QGIS, ou définissez TARGET_CRS sur un SCR projeté en mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="99"/>
        <source>CRS used: {} ({}); outputs are in it.</source>
        <translation type="unfinished">SCR utilisé : {} ({}) ; les sorties sont dans ce SCR.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="118"/>
        <source>the centre is not a place on Earth</source>
        <translation type="unfinished">le centre n'est pas un lieu sur la Terre</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="121"/>
        <source>Could not find where the layer lies on Earth to choose a metric CRS ({}). Check the layer&apos;s CRS, or set TARGET_CRS to a projected CRS in metres.</source>
        <translation type="unfinished">Impossible de déterminer où se trouve la couche sur la Terre pour choisir un SCR métrique ({}). Vérifiez le SCR de la couche, ou définissez TARGET_CRS sur un SCR projeté en mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="154"/>
        <source>QGIS could not set up the reprojection from {} to {}. Restart QGIS, or set TARGET_CRS to a projected CRS in metres.</source>
        <translation type="unfinished">QGIS n'a pas pu mettre en place la reprojection de {} vers {}. Redémarrez QGIS, ou définissez TARGET_CRS sur un SCR projeté en mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="160"/>
        <source>Some points could not be reprojected to {} ({}). Check the layer&apos;s CRS, or choose a TARGET_CRS that covers the data.</source>
        <translation type="unfinished">Certains points n'ont pas pu être reprojetés vers {} ({}). Vérifiez le SCR de la couche, ou choisissez un TARGET_CRS qui couvre les données.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="164"/>
        <source>Reprojecting the points from {} to {} failed (QGIS error {}). Check the layer&apos;s CRS, or set TARGET_CRS.</source>
        <translation type="unfinished">La reprojection des points de {} vers {} a échoué (erreur QGIS {}). Vérifiez le SCR de la couche, ou définissez TARGET_CRS.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="169"/>
        <source>Some points fall outside the area where {} is defined. Choose a TARGET_CRS that covers the data.</source>
        <translation type="unfinished">Certains points tombent hors de la zone où {} est défini. Choisissez un TARGET_CRS qui couvre les données.</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="186"/>
        <source>{} to the {}, near lon {:.2f} lat {:.2f}</source>
        <translation type="unfinished">{} au {}, près de lon {:.2f} lat {:.2f}</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="189"/>
        <source>{:,} of {:,} crimes lie {} km outside the area holding the central 99% of the others, more than {:g} km beyond it ({})</source>
        <translation type="unfinished">{:,} infractions sur {:,} se trouvent à {} km hors de la zone contenant les 99 % centraux des autres, à plus de {:g} km au-delà ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/crs_reader.py" line="205"/>
        <source>A feature of {} could not be reprojected from {} to {} ({}). Check the layer&apos;s CRS, or set TARGET_CRS.</source>
        <translation type="unfinished">Une entité de {} n'a pas pu être reprojetée de {} vers {} ({}). Vérifiez le SCR de la couche, ou définissez TARGET_CRS.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>group</source>
        <translation type="unfinished">groupe</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>patrol days</source>
        <translation type="unfinished">jours de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>other days</source>
        <translation type="unfinished">autres jours</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>crimes (patrol)</source>
        <translation type="unfinished">infractions (patrouille)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>crimes (other)</source>
        <translation type="unfinished">infractions (autres)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>rate (patrol)</source>
        <translation type="unfinished">taux (patrouille)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>rate (other)</source>
        <translation type="unfinished">taux (autres)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>change</source>
        <translation type="unfinished">variation</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>95% CI of the rate ratio</source>
        <translation type="unfinished">IC à 95 % du rapport des taux</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="87"/>
        <source>Rows marked (ring) count crime in a {:g} m ring around the hotspots, on the same hotspot-days: a drop there too suggests a diffusion of benefit, a rise displacement.</source>
        <translation type="unfinished">Les lignes marquées (ring) comptent les infractions dans une couronne de {:g} m autour des points chauds, sur les mêmes jours-points chauds : une baisse là aussi suggère une diffusion des bénéfices, une hausse un déplacement.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="91"/>
        <source>The crime rate on patrol days (0) and 1 … {0} days after the last patrol day, relative to days more than {0} days after one (ratio 1, the dashed line), with 95% intervals. Points below the line mean less crime.</source>
        <translation type="unfinished">Le taux d'infractions les jours de patrouille (0) et 1 … {0} jours après le dernier jour de patrouille, par rapport aux jours situés plus de {0} jours après un jour de patrouille (rapport 1, ligne en tirets), avec intervalles à 95 %. Les points sous la ligne signifient moins d'infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="96"/>
        <source>days since patrol</source>
        <translation type="unfinished">jours depuis la patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="96"/>
        <source>hotspot-days</source>
        <translation type="unfinished">jours-points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>crimes</source>
        <translation type="unfinished">infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>rate</source>
        <translation type="unfinished">taux</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="96"/>
        <source>ratio</source>
        <translation type="unfinished">rapport</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="96"/>
        <source>95% CI</source>
        <translation type="unfinished">IC à 95 %</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>target before</source>
        <translation type="unfinished">cible avant</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>target after</source>
        <translation type="unfinished">cible après</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>ring before</source>
        <translation type="unfinished">couronne avant</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>ring after</source>
        <translation type="unfinished">couronne après</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>control before</source>
        <translation type="unfinished">témoin avant</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>control after</source>
        <translation type="unfinished">témoin après</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="103"/>
        <source>reading</source>
        <translation type="unfinished">interprétation</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="107"/>
        <source>Weighted displacement quotient of Bowers &amp;amp; Johnson (2003).</source>
        <translation type="unfinished">Quotient de déplacement pondéré de Bowers &amp;amp; Johnson (2003).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>patrol minutes</source>
        <translation type="unfinished">minutes de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>{}: patrol days / other days</source>
        <translation type="unfinished">{} : jours de patrouille / autres jours</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="263"/>
        <source>Crime in the rings around the hotspots</source>
        <translation type="unfinished">Infractions dans les couronnes autour des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="263"/>
        <source>{} crime in the rings around the hotspots</source>
        <translation type="unfinished">Infractions de type {} dans les couronnes autour des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="265"/>
        <source>Crime</source>
        <translation type="unfinished">Infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="284"/>
        <source>{} crime</source>
        <translation type="unfinished">Infractions de type {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="243"/>
        <source>{} in {:.0f} patrol hotspot-days against {} in {:.0f} other hotspot-days</source>
        <translation type="unfinished">{} en {:.0f} jours-points chauds de patrouille contre {} en {:.0f} autres jours-points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="246"/>
        <source>{}: no crimes on either kind of day, so no comparison ({}).</source>
        <translation type="unfinished">{} : aucune infraction, ni les jours de patrouille ni les autres jours, donc pas de comparaison ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="251"/>
        <source>The interval includes no change: these data cannot tell an effect from chance.</source>
        <translation type="unfinished">L'intervalle inclut l'absence de variation : ces données ne permettent pas de distinguer un effet du hasard.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="284"/>
        <source>{} crimes</source>
        <translation type="unfinished">{} infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="289"/>
        <source>{:.0f}% lower</source>
        <translation type="unfinished">{:.0f} % de moins</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="289"/>
        <source>{:.0f}% higher</source>
        <translation type="unfinished">{:.0f} % de plus</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="295"/>
        <source>{:.0f}–{:.0f}% lower</source>
        <translation type="unfinished">{:.0f}–{:.0f} % de moins</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="297"/>
        <source>{:.0f}–{:.0f}% higher</source>
        <translation type="unfinished">{:.0f}–{:.0f} % de plus</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="298"/>
        <source>from {} to {}</source>
        <translation type="unfinished">de {} à {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="332"/>
        <source>patrol day</source>
        <translation type="unfinished">jour de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="83"/>
        <source>The time expression &apos;{}&apos; failed on feature {}: {}</source>
        <translation type="unfinished">L'expression temporelle '{}' a échoué sur l'entité {} : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="113"/>
        <source>The field &apos;{}&apos; is not in {}.</source>
        <translation type="unfinished">Le champ '{}' n'est pas dans {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="115"/>
        <source>The field &apos;{}&apos; of {} is not numeric. Choose a numeric field, or make one with the Field calculator.</source>
        <translation type="unfinished">Le champ '{}' de {} n'est pas numérique. Choisissez un champ numérique, ou créez-en un avec la Calculatrice de champ.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="313"/>
        <source>Cancelled.</source>
        <translation type="unfinished">Annulé.</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="156"/>
        <source>{} needs the fields hotspot_id, start and end, as &apos;Generate patrol plan&apos; and &apos;Patrol dosage from GPS&apos; write them; &apos;{}&apos; is missing.</source>
        <translation type="unfinished">{} doit contenir les champs hotspot_id, start et end, tels que les écrivent « Générer le plan de patrouille » et « Dosage des patrouilles à partir du GPS » ; '{}' est manquant.</translation>
    </message>
    <message>
        <location filename="../algorithms/feature_reader.py" line="181"/>
        <source>{} of {} visits in {} have no hotspot_id, a missing or unreadable start or end, or end before start; they are left out.</source>
        <translation type="unfinished">{} passages sur {} dans {} n'ont pas de hotspot_id, ont un début ou une fin manquant ou illisible, ou une fin antérieure au début ; ils sont exclus.</translation>
    </message>
    <message>
        <location filename="../algorithms/polygon_reader.py" line="177"/>
        <source>{} needs a &apos;{}&apos; field, as &apos;Rank patrol hotspots&apos; writes it.</source>
        <translation type="unfinished">{} doit contenir un champ '{}', tel que l'écrit « Classer les points chauds à patrouiller ».</translation>
    </message>
    <message>
        <location filename="../algorithms/polygon_reader.py" line="191"/>
        <source>{} has no hotspot with a geometry and a hotspot_id.</source>
        <translation type="unfinished">{} ne contient aucun point chaud doté d'une géométrie et d'un hotspot_id.</translation>
    </message>
    <message>
        <location filename="../algorithms/polygon_reader.py" line="197"/>
        <source>{} has more than one hotspot with the hotspot_id {}: each hotspot needs its own id, as every result is kept by it. Give them unique ids (or merge the polygons of one hotspot into one feature).</source>
        <translation type="unfinished">{} contient plus d'un point chaud avec le hotspot_id {} : chaque point chaud doit avoir son propre identifiant, car chaque résultat y est rattaché. Donnez-leur des identifiants uniques (ou fusionnez les polygones d'un même point chaud en une seule entité).</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="341"/>
        <source>{} must be a point layer, but it holds {}. Convert it first, e.g. with &apos;Centroids&apos; for polygons.</source>
        <translation type="unfinished">{} doit être une couche de points, mais ses géométries sont de type {}. Convertissez-la d'abord, p. ex. avec 'Centroïdes' pour des polygones.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="356"/>
        <source>The {} field &apos;{}&apos; is not in the layer {}.</source>
        <translation type="unfinished">Le champ {} '{}' n'est pas dans la couche {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="359"/>
        <source>The {} field &apos;{}&apos; is not numeric. Choose a numeric field, or make one with the Field calculator.</source>
        <translation type="unfinished">Le champ {} '{}' n'est pas numérique. Choisissez un champ numérique, ou créez-en un avec la Calculatrice de champ.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="370"/>
        <source>TIME_END is set but TIME is not: a window needs its start (TIME) and its end (TIME_END).</source>
        <translation type="unfinished">TIME_END est défini mais pas TIME : une fenêtre a besoin de son début (TIME) et de sa fin (TIME_END).</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="374"/>
        <source>The time expression &apos;{}&apos; cannot be read: {}</source>
        <translation type="unfinished">L'expression temporelle '{}' ne peut pas être lue : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="385"/>
        <source>{} has no points to work with ({} features read, none with a point geometry). Choose a layer with point crimes, or check its filter and selection.</source>
        <translation type="unfinished">{} n'a aucun point exploitable ({} entités lues, aucune avec une géométrie ponctuelle). Choisissez une couche d'infractions ponctuelles, ou vérifiez son filtre et sa sélection.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="330"/>
        <source>. They are kept: if they are misplaced records, leave them out (e.g. run on a selection of the others).</source>
        <translation type="unfinished">. Elles sont conservées : s'il s'agit d'enregistrements mal placés, excluez-les (p. ex. en lançant l'outil sur une sélection des autres).</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="402"/>
        <source>The radius field &apos;{}&apos; has values of 0 or less. Every radius must be a positive number of metres.</source>
        <translation type="unfinished">Le champ de rayon '{}' a des valeurs inférieures ou égales à 0. Chaque rayon doit être un nombre positif de mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>without a point geometry</source>
        <translation type="unfinished">sans géométrie ponctuelle</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>with a null weight</source>
        <translation type="unfinished">avec un poids manquant</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>with a null radius</source>
        <translation type="unfinished">avec un rayon manquant</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>with a null or unreadable time</source>
        <translation type="unfinished">avec une heure manquante ou illisible</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>with an unreadable TIME_END</source>
        <translation type="unfinished">avec un TIME_END illisible</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="409"/>
        <source>whose TIME_END is before their TIME</source>
        <translation type="unfinished">dont le TIME_END est antérieur à leur TIME</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="416"/>
        <source>{} crimes {} were skipped.</source>
        <translation type="unfinished">{} infractions {} ont été écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="442"/>
        <source>{}. They would make the output {:,.0f} {} instead of the {:,.0f} the other crimes need. Give EXTENT (the area to cover, e.g. the force&apos;s area), or leave those crimes out (run on a selection of the others; Import police.uk crimes leaves them out unless KEEP_OUTLIERS).</source>
        <translation type="unfinished">{}. Elles porteraient la sortie à {:,.0f} {} au lieu des {:,.0f} dont les autres infractions ont besoin. Indiquez EXTENT (la zone à couvrir, p. ex. le territoire de la force de police), ou excluez ces infractions (lancez l'outil sur une sélection des autres ; Import police.uk crimes les exclut sauf avec KEEP_OUTLIERS).</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="460"/>
        <source>EXTENT {} is not a rectangle with an area. Give xmin,xmax,ymin,ymax with xmin &lt; xmax and ymin &lt; ymax (optionally followed by its CRS, e.g. [EPSG:27700]), or leave it empty.</source>
        <translation type="unfinished">EXTENT {} n'est pas un rectangle doté d'une surface. Indiquez xmin,xmax,ymin,ymax avec xmin &lt; xmax et ymin &lt; ymax (éventuellement suivis de son SCR, p. ex. [EPSG:27700]), ou laissez-le vide.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="469"/>
        <source>EXTENT {} could not be reprojected from {} to {}, the CRS the crimes are worked in. Check the extent&apos;s CRS.</source>
        <translation type="unfinished">EXTENT {} n'a pas pu être reprojeté de {} vers {}, le SCR dans lequel les infractions sont traitées. Vérifiez le SCR de l'emprise.</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="469"/>
        <source>its CRS</source>
        <translation type="unfinished">son SCR</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="32"/>
        <source>Crime times: {} resolution ({}).</source>
        <translation type="unfinished">Heures des infractions : résolution : {} ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="32"/>
        <source>no</source>
        <translation type="unfinished">aucune</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="46"/>
        <source>No slashed date in TIME has a day over 12, so the day/month order cannot be told from the data: they were read day first (dd/MM/yyyy), or month first when they carry AM/PM. If that is wrong, give the order in the expression, e.g. to_datetime(&quot;date&quot;, &apos;MM/dd/yyyy HH:mm:ss&apos;).</source>
        <translation type="unfinished">Aucune date avec barres obliques dans TIME n'a de jour supérieur à 12 : l'ordre jour/mois ne peut donc pas être déduit des données. Elles ont été lues jour en premier (dd/MM/yyyy), ou mois en premier lorsqu'elles portent AM/PM. Si c'est faux, indiquez l'ordre dans l'expression, p. ex. to_datetime(&quot;date&quot;, 'MM/dd/yyyy HH:mm:ss').</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="51"/>
        <source>TIME mixes day-first (25/01/2024) and month-first (01/25/2024) dates: they were read day first, and dates that cannot be read so are skipped. Check the export.</source>
        <translation type="unfinished">TIME mélange des dates jour en premier (25/01/2024) et mois en premier (01/25/2024) : elles ont été lues jour en premier, et les dates illisibles de cette façon sont écartées. Vérifiez l'export.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="61"/>
        <source> A time of day needs its date: join a date and a time field with || &apos; &apos; ||, e.g. &quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;.</source>
        <translation type="unfinished"> Une heure du jour a besoin de sa date : joignez un champ date et un champ heure avec || ' ' ||, p. ex. &quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="63"/>
        <source>{} crimes have a {} that cannot be read, e.g. &apos;{}&apos;; they are skipped.{} Readable forms: {}.</source>
        <translation type="unfinished">{} infractions ont un {} illisible, p. ex. '{}' ; elles sont écartées.{} Formes lisibles : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="82"/>
        <source>START or END is set but there is no TIME: give the expression or field that holds each crime&apos;s date and time.</source>
        <translation type="unfinished">START ou END est défini mais il n'y a pas de TIME : indiquez l'expression ou le champ qui contient la date et l'heure de chaque infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="86"/>
        <source>START ({}) is not before END ({}). A crime counts when START &lt;= time &lt; END; swap them or widen the period.</source>
        <translation type="unfinished">START ({}) n'est pas antérieur à END ({}). Une infraction compte lorsque START &lt;= heure &lt; END ; inversez-les ou élargissez la période.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="92"/>
        <source>{} is {}, but the crimes&apos; times are known only to the {} ({}). A period can only start and end where the data can tell crimes apart: set {} to {}, or use crimes with {}.</source>
        <translation type="unfinished">{} vaut {}, mais les heures des infractions ne sont connues qu'à la précision « {} » ({}). Une période ne peut commencer et finir que là où les données distinguent les infractions : définissez {} sur {}, ou utilisez des infractions avec {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="92"/>
        <source>dates</source>
        <translation type="unfinished">dates</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="92"/>
        <source>times of day</source>
        <translation type="unfinished">heures du jour</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="106"/>
        <source>{} crimes outside the period were left out.</source>
        <translation type="unfinished">{} infractions hors de la période ont été exclues.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="121"/>
        <source>give TIME a field or expression with the time of day (a date and a separate time field can be joined, e.g. &quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;), or TIME_END for crimes known to a window</source>
        <translation type="unfinished">donnez à TIME un champ ou une expression avec l'heure du jour (un champ date et un champ heure séparés peuvent être joints, p. ex. &quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;), ou TIME_END pour les infractions connues par une fenêtre</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="121"/>
        <source>use crimes recorded with their dates</source>
        <translation type="unfinished">utilisez des infractions enregistrées avec leurs dates</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="125"/>
        <source>{} needs crime times to the {}, but these are known only to the {} ({}): {}.</source>
        <translation type="unfinished">{} exige des heures d'infraction à la précision « {} », mais celles-ci ne sont connues qu'à la précision « {} » ({}) : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_reader.py" line="125"/>
        <source>time of day</source>
        <translation type="unfinished">heure du jour</translation>
    </message>
    <message>
        <location filename="../ui/exports.py" line="44"/>
        <source>Could not write {}: {}</source>
        <translation type="unfinished">Impossible d'écrire {} : {}</translation>
    </message>
    <message>
        <location filename="../ui/exports.py" line="23"/>
        <source>Visits saved to {}.</source>
        <translation type="unfinished">Passages enregistrés dans {}.</translation>
    </message>
    <message>
        <location filename="../ui/exports.py" line="32"/>
        <source>Saved {}.</source>
        <translation type="unfinished">Enregistré : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Monday</source>
        <translation type="unfinished">lundi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Tuesday</source>
        <translation type="unfinished">mardi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Wednesday</source>
        <translation type="unfinished">mercredi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Thursday</source>
        <translation type="unfinished">jeudi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Friday</source>
        <translation type="unfinished">vendredi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Saturday</source>
        <translation type="unfinished">samedi</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="26"/>
        <source>Sunday</source>
        <translation type="unfinished">dimanche</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Mon</source>
        <translation type="unfinished">lun.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Tue</source>
        <translation type="unfinished">mar.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Wed</source>
        <translation type="unfinished">mer.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Thu</source>
        <translation type="unfinished">jeu.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Fri</source>
        <translation type="unfinished">ven.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Sat</source>
        <translation type="unfinished">sam.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="31"/>
        <source>Sun</source>
        <translation type="unfinished">dim.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>January</source>
        <translation type="unfinished">janvier</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>February</source>
        <translation type="unfinished">février</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>March</source>
        <translation type="unfinished">mars</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>April</source>
        <translation type="unfinished">avril</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>May</source>
        <translation type="unfinished">mai</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>June</source>
        <translation type="unfinished">juin</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>July</source>
        <translation type="unfinished">juillet</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>August</source>
        <translation type="unfinished">août</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>September</source>
        <translation type="unfinished">septembre</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>October</source>
        <translation type="unfinished">octobre</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>November</source>
        <translation type="unfinished">novembre</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="35"/>
        <source>December</source>
        <translation type="unfinished">décembre</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Jan</source>
        <translation type="unfinished">janv.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Feb</source>
        <translation type="unfinished">févr.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Mar</source>
        <translation type="unfinished">mars</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Apr</source>
        <translation type="unfinished">avr.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Jun</source>
        <translation type="unfinished">juin</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Jul</source>
        <translation type="unfinished">juil.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Aug</source>
        <translation type="unfinished">août</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Sep</source>
        <translation type="unfinished">sept.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Oct</source>
        <translation type="unfinished">oct.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Nov</source>
        <translation type="unfinished">nov.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_visits.py" line="40"/>
        <source>Dec</source>
        <translation type="unfinished">déc.</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="17"/>
        <source>east</source>
        <translation type="unfinished">est</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="17"/>
        <source>north-east</source>
        <translation type="unfinished">nord-est</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="17"/>
        <source>north</source>
        <translation type="unfinished">nord</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="17"/>
        <source>north-west</source>
        <translation type="unfinished">nord-ouest</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="18"/>
        <source>west</source>
        <translation type="unfinished">ouest</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="18"/>
        <source>south-west</source>
        <translation type="unfinished">sud-ouest</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="18"/>
        <source>south</source>
        <translation type="unfinished">sud</translation>
    </message>
    <message>
        <location filename="../algorithms/translate.py" line="19"/>
        <source>south-east</source>
        <translation type="unfinished">sud-est</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="52"/>
        <source>Patrol evaluation</source>
        <translation type="unfinished">Évaluation des patrouilles</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="54"/>
        <source>Did the hotspot patrols work?</source>
        <translation type="unfinished">Les patrouilles dans les points chauds ont-elles marché ?</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="61"/>
        <source>Findings</source>
        <translation type="unfinished">Constats</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="67"/>
        <source>Patrol days against other days</source>
        <translation type="unfinished">Jours de patrouille contre autres jours</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="90"/>
        <source>Residual deterrence</source>
        <translation type="unfinished">Dissuasion résiduelle</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="102"/>
        <source>Displacement</source>
        <translation type="unfinished">Déplacement</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="111"/>
        <source>Per hotspot</source>
        <translation type="unfinished">Par point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="334"/>
        <source>days since the last patrol day</source>
        <translation type="unfinished">jours depuis le dernier jour de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="336"/>
        <source>rate ratio (log scale)</source>
        <translation type="unfinished">rapport des taux (échelle logarithmique)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="268"/>
        <source>the Ordnance Survey grid reference (10 m) of each hotspot&apos;s centre in Great Britain, and its latitude, longitude (WGS 84)</source>
        <translation type="unfinished">la référence de carroyage Ordnance Survey (10 m) du centre de chaque point chaud en Grande-Bretagne, et sa latitude, longitude (WGS 84)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="248"/>
        <source>{}: every crime fell on patrol days ({}); the rate ratio has no upper bound ({}).</source>
        <translation type="unfinished">{} : toutes les infractions sont tombées un jour de patrouille ({}) ; le rapport des taux n'a pas de borne supérieure ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="251"/>
        <source>{} was {} on patrol days (95% CI {}, {}): {}.</source>
        <translation type="unfinished">{} : {} les jours de patrouille (IC à 95 % {}, {}) : {}.</translation>
    </message>
    <message>
        <location filename="../ui/exports.py" line="52"/>
        <source>Results saved to {}.</source>
        <translation type="unfinished">Résultats enregistrés dans {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/time_zones.py" line="40"/>
        <source>Unknown time zone &apos;{}&apos;: use an IANA name such as Europe/London or America/Chicago.</source>
        <translation type="unfinished">Fuseau horaire inconnu '{}' : utilisez un nom IANA comme Europe/London ou America/Chicago.</translation>
    </message>
    <message>
        <location filename="../ui/task.py" line="52"/>
        <source>it failed unexpectedly; details are in the log (Hotspot Patrol tab).</source>
        <translation type="unfinished">elle a échoué de façon inattendue ; les détails sont dans le journal (onglet Hotspot Patrol).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Method</source>
        <translation type="unfinished">Méthode</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Settings</source>
        <translation type="unfinished">Paramètres</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Mean hit rate</source>
        <translation type="unfinished">Taux de réussite moyen</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Mean PAI</source>
        <translation type="unfinished">PAI moyen</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Mean PEI*</source>
        <translation type="unfinished">PEI* moyen</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Lowest PEI*</source>
        <translation type="unfinished">PEI* le plus bas</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Highest PEI*</source>
        <translation type="unfinished">PEI* le plus haut</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="57"/>
        <source>Winner</source>
        <translation type="unfinished">Gagnante</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="59"/>
        <source>On this data, {} ({}) would have caught the most crime: its {} hotspots held {} of the next horizon&apos;s crime on average, {} of the most any {} cells held (mean PEI*), over {} forecasts from {} to {}.</source>
        <translation type="unfinished">Sur ces données, {} ({}) aurait capté le plus d'infractions : ses {} points chauds contenaient en moyenne {} des infractions de l'horizon suivant, soit {} du maximum contenu par {} cellules quelconques (PEI* moyen), sur {} prévisions du {} au {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="64"/>
        <source>Each method forecast each horizon from the crimes before it only, and its {} highest cells were checked against what happened. Hit rate: the share of the horizon&apos;s crime in those cells. PAI: hit rate over the share of the area they cover (Chainey et al. 2008). PEI*: the crimes caught over the most that any {} cells held (the NIJ forecasting challenge&apos;s measure; 1 is a perfect choice). A method that wins by a small margin, or only at some origins, is not clearly better: look at the lowest and highest PEI* and at the chart.</source>
        <translation type="unfinished">Chaque méthode a prévu chaque horizon à partir des seules infractions antérieures, et ses {} cellules les mieux classées ont été confrontées à ce qui s'est produit. Taux de réussite : la part des infractions de l'horizon situées dans ces cellules. PAI : le taux de réussite divisé par la part de la surface qu'elles couvrent (Chainey et al. 2008). PEI* : les infractions captées divisées par le maximum contenu par {} cellules quelconques (la mesure du concours de prévision du NIJ ; 1 correspond à un choix parfait). Une méthode qui gagne de peu, ou seulement à certaines origines, n'est pas clairement meilleure : regardez le PEI* le plus bas et le plus haut, ainsi que le graphique.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="72"/>
        <source>Backtest of hotspot forecasts</source>
        <translation type="unfinished">Test rétrospectif des prévisions de points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="133"/>
        <source>{} · {} · {} · {} patrol minutes ({} hours)</source>
        <translation type="unfinished">{} · {} · {} · {} minutes de patrouille ({} heures)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="265"/>
        <source>the Ordnance Survey grid reference (10 m) of each hotspot&apos;s centre, and its latitude, longitude (WGS 84)</source>
        <translation type="unfinished">la référence de carroyage Ordnance Survey (10 m) du centre de chaque point chaud, et sa latitude, longitude (WGS 84)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_layout.py" line="271"/>
        <source>the latitude, longitude (WGS 84) of each hotspot&apos;s centre</source>
        <translation type="unfinished">la latitude, longitude (WGS 84) du centre de chaque point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="36"/>
        <source>Counts over a window</source>
        <translation type="unfinished">Comptages sur une fenêtre</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="36"/>
        <source>Recency-weighted counts</source>
        <translation type="unfinished">Comptages pondérés par la récence</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="36"/>
        <source>Kernel-smoothed counts</source>
        <translation type="unfinished">Comptages lissés par noyau</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="37"/>
        <source>Prospective hotspotting</source>
        <translation type="unfinished">Cartographie prospective des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="37"/>
        <source>Self-exciting point process</source>
        <translation type="unfinished">Processus ponctuel auto-excitateur</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="44"/>
        <source>Window (days; 0 = all history)</source>
        <translation type="unfinished">Fenêtre (jours ; 0 = tout l'historique)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="44"/>
        <source>Counts and kernel-smoothed counts use the crimes of the last WINDOW_DAYS before the forecast start (0: all of them). On crimes known only to the month, rounded to whole months.</source>
        <translation type="unfinished">Les comptages et les comptages lissés par noyau utilisent les infractions des WINDOW_DAYS derniers jours avant le début de la prévision (0 : toutes). Sur des infractions connues seulement au mois près, arrondi à des mois entiers.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="49"/>
        <source>Half-life (days)</source>
        <translation type="unfinished">Demi-vie (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="49"/>
        <source>Recency-weighted counts: a crime this many days old weighs half as much as one from yesterday. On crimes known only to the month, rounded to whole months.</source>
        <translation type="unfinished">Comptages pondérés par la récence : une infraction vieille de ce nombre de jours pèse moitié moins qu'une infraction d'hier. Sur des infractions connues seulement au mois près, arrondi à des mois entiers.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="53"/>
        <source>Bandwidth (metres; empty: 300 for kernel, 400 for prospective)</source>
        <translation type="unfinished">Largeur de bande (mètres ; vide : 300 pour le noyau, 400 pour la méthode prospective)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="53"/>
        <source>How far a crime&apos;s risk spreads: the quartic kernel&apos;s radius for kernel-smoothed counts (default 300 m), the distance limit of prospective hotspotting (default 400 m, as Bowers et al. 2004).</source>
        <translation type="unfinished">Jusqu'où s'étend le risque d'une infraction : le rayon du noyau quartique pour les comptages lissés par noyau (300 m par défaut), la distance limite de la cartographie prospective des points chauds (400 m par défaut, comme Bowers et al. 2004).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="58"/>
        <source>Time bandwidth (days)</source>
        <translation type="unfinished">Largeur de bande temporelle (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="58"/>
        <source>Prospective hotspotting: crimes older than this are left out; the others weigh 1 / (1 + weeks old).</source>
        <translation type="unfinished">Cartographie prospective des points chauds : les infractions plus anciennes que cette durée sont exclues ; les autres pèsent 1 / (1 + âge en semaines).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="75"/>
        <source>Best by backtest</source>
        <translation type="unfinished">Meilleure selon le test rétrospectif</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="90"/>
        <source>A forecast needs crimes with dates, and {} has {} ({}). Check TIME.</source>
        <translation type="unfinished">Une prévision nécessite des infractions datées, et {} en compte {} ({}). Vérifiez TIME.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="96"/>
        <source>The crimes are known only to the month ({}): forecasts start on month starts, and windows, half-lives and horizons are whole months.</source>
        <translation type="unfinished">Les infractions ne sont connues qu'au mois près ({}) : les prévisions commencent en début de mois, et les fenêtres, demi-vies et horizons sont des mois entiers.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="114"/>
        <source>{:,} crimes from {} to {}; {:,} cells of {:g} m in their area.</source>
        <translation type="unfinished">{:,} infractions du {} au {} ; {:,} cellules de {:g} m dans leur zone.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="126"/>
        <source>{} need crimes dated to the day, but these are known only to the month (data.police.uk): use counts (0), recency-weighted counts (1) or kernel-smoothed counts (2).</source>
        <translation type="unfinished">{} : il faut des infractions datées au jour près, mais celles-ci ne sont connues qu'au mois près (data.police.uk) : utilisez les comptages (0), les comptages pondérés par la récence (1) ou les comptages lissés par noyau (2).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="141"/>
        <source>The forecast starts on {}, the first whole month.</source>
        <translation type="unfinished">La prévision commence le {}, premier mois entier.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="109"/>
        <source>There is no crime before {}: choose a later start, or crimes from before it.</source>
        <translation type="unfinished">Aucune infraction avant le {} : choisissez un début plus tardif, ou des infractions antérieures à cette date.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="72"/>
        <source>PEI* at each forecast origin</source>
        <translation type="unfinished">PEI* à chaque origine de prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="72"/>
        <source>Summary</source>
        <translation type="unfinished">Synthèse</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_report.py" line="72"/>
        <source>What the scores mean</source>
        <translation type="unfinished">Ce que signifient les scores</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_data.py" line="126"/>
        <source> and </source>
        <translation type="unfinished"> et </translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_dosage.py" line="26"/>
        <source>No dosage table (OUTPUT_DOSAGE): crime after a visit is counted by the hour, so it needs crime times of day, and these crimes are known only to the {}. Give TIME the time of day to have it.</source>
        <translation type="unfinished">Pas de table de dosage (OUTPUT_DOSAGE) : les infractions après un passage sont comptées par heure, ce qui exige les heures du jour des infractions, or ces infractions ne sont connues qu'à la précision « {} ». Donnez à TIME l'heure du jour pour l'obtenir.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_dosage.py" line="26"/>
        <source>day</source>
        <translation type="unfinished">jour</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_dosage.py" line="33"/>
        <source>No dosage table (OUTPUT_DOSAGE): VISITS has no numeric &apos;minutes&apos; field, the length of each visit, as &apos;Patrol dosage from GPS&apos; (visits made) and &apos;Generate patrol plan&apos; (visits planned) write it.</source>
        <translation type="unfinished">Pas de table de dosage (OUTPUT_DOSAGE) : VISITS n'a pas de champ numérique 'minutes', la durée de chaque passage, tel que l'écrivent « Dosage des patrouilles à partir du GPS » (passages effectués) et « Générer le plan de patrouille » (passages planifiés).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_dosage.py" line="39"/>
        <source>{} visits have no minutes, or negative ones; the dosage table leaves them out.</source>
        <translation type="unfinished">{} passages n'ont pas de minutes, ou des minutes négatives ; la table de dosage les écarte.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_inputs.py" line="28"/>
        <source>{} needs the fields hotspot_id, date and assigned, as &apos;Generate patrol plan&apos; writes them (OUTPUT_ASSIGNMENT); &apos;{}&apos; is missing.</source>
        <translation type="unfinished">{} doit contenir les champs hotspot_id, date et assigned, tels que « Générer le plan de patrouille » les écrit (OUTPUT_ASSIGNMENT) ; '{}' est manquant.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_inputs.py" line="46"/>
        <source>{} rows of {} have a date or an assigned value that cannot be read (a date and true or false are needed); they are left out.</source>
        <translation type="unfinished">{} lignes de {} ont une date ou une valeur assigned illisible (il faut une date et true ou false) ; elles sont écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_inputs.py" line="50"/>
        <source>{} rows of {} name hotspots that are not in HOTSPOTS (e.g. &apos;{}&apos;); they are left out.</source>
        <translation type="unfinished">{} lignes de {} désignent des points chauds absents de HOTSPOTS (p. ex. '{}') ; elles sont écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_inputs.py" line="84"/>
        <source>{} crimes have a category that is not in the harm table: they count as crimes but carry no harm. Their categories: {}</source>
        <translation type="unfinished">{} infractions ont une catégorie absente de la table des préjudices : elles comptent comme infractions mais ne portent aucun préjudice. Leurs catégories : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="55"/>
        <source>{} hotspots, {} to the end of {}; days are calendar days in {}. A hotspot-day is a patrol day when a patrol visit started on it. Within hotspots, the intervals are likelihood-ratio 95% intervals of the conditional Poisson rate ratio; pooled, exact 95% intervals for the ratio of two Poisson rates (Clopper–Pearson on the split of crimes).</source>
        <translation type="unfinished">{} points chauds, du {} au {} inclus ; les jours sont des jours civils dans le fuseau {}. Un jour-point chaud est un jour de patrouille lorsqu'un passage de patrouille y a commencé. Au sein des points chauds, les intervalles sont des intervalles à 95 % du rapport de vraisemblance pour le rapport des taux de Poisson conditionnel ; en agrégé, des intervalles exacts à 95 % pour le rapport de deux taux de Poisson (Clopper–Pearson sur la répartition des infractions).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="65"/>
        <source>Secondary analyses</source>
        <translation type="unfinished">Analyses secondaires</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="68"/>
        <source>harm (patrol)</source>
        <translation type="unfinished">préjudice (patrouille)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="68"/>
        <source>harm (other)</source>
        <translation type="unfinished">préjudice (autres)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="68"/>
        <source>harm ratio</source>
        <translation type="unfinished">rapport des préjudices</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="68"/>
        <source>95% CI of the harm ratio</source>
        <translation type="unfinished">IC à 95 % du rapport des préjudices</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="69"/>
        <source>analysis</source>
        <translation type="unfinished">analyse</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="77"/>
        <source>Other days include the days just after patrols, when residual deterrence may still hold crime down, so this comparison understates the effect of a patrol; the curve below separates them. Within hotspots, the counts are those of the hotspots with both patrol and other days.</source>
        <translation type="unfinished">Les autres jours incluent les jours qui suivent immédiatement les patrouilles, où la dissuasion résiduelle peut encore contenir les infractions, si bien que cette comparaison sous-estime l'effet d'une patrouille ; la courbe ci-dessous les distingue. Au sein des points chauds, les comptages sont ceux des points chauds ayant à la fois des jours de patrouille et d'autres jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="82"/>
        <source>Harm: each crime weighs its category&apos;s harm; the harm ratio is harm per hotspot-day on patrol days over other days, with a 95% percentile bootstrap interval that redraws each hotspot&apos;s patrol days and other days separately.</source>
        <translation type="unfinished">Préjudice : chaque infraction pèse le préjudice de sa catégorie ; le rapport des préjudices est le préjudice par jour-point chaud les jours de patrouille divisé par celui des autres jours, avec un intervalle bootstrap à 95 % par percentiles qui rééchantillonne séparément les jours de patrouille et les autres jours de chaque point chaud.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="113"/>
        <source>assigned days</source>
        <translation type="unfinished">jours affectés</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="121"/>
        <source>References: Sherman &amp;amp; Weisburd (1995), Justice Quarterly 12(4); Koper (1995), Justice Quarterly 12(4); Breslow &amp;amp; Day (1987), Statistical Methods in Cancer Research II; Bowers &amp;amp; Johnson (2003), Journal of Quantitative Criminology 19(3); Fay (2010), The R Journal 2(1). Made by Hotspot Patrol for QGIS.</source>
        <translation type="unfinished">Références : Sherman &amp;amp; Weisburd (1995), Justice Quarterly 12(4) ; Koper (1995), Justice Quarterly 12(4) ; Breslow &amp;amp; Day (1987), Statistical Methods in Cancer Research II ; Bowers &amp;amp; Johnson (2003), Journal of Quantitative Criminology 19(3) ; Fay (2010), The R Journal 2(1). Réalisé par Hotspot Patrol pour QGIS.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>Visit length and crime (the Koper curve)</source>
        <translation type="unfinished">Durée des passages et infractions (la courbe de Koper)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>measure</source>
        <translation type="unfinished">mesure</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>band</source>
        <translation type="unfinished">tranche</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>95% CI of the rate</source>
        <translation type="unfinished">IC à 95 % du taux</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="132"/>
        <source>ratio to baseline</source>
        <translation type="unfinished">rapport à la référence</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="143"/>
        <source>Observational, not an experiment: visits were not given their length at random, and longer visits may have gone to quieter or busier hotspots, hours or days than short ones, so these ratios describe and do not prove. after_visit: crimes in the hotspot in the 2 hours after each visit ends (from the departure, up to but not including 2 hours later), per visit, by the visit&apos;s length, against the same hours of the day at the same hotspots on days no visit came near (units: 2-hour windows); Koper (1995) found deterrence growing with the stop&apos;s length up to about 10 to 15 minutes. daily_minutes: crimes per hotspot-day by the day&apos;s patrol minutes, against days without any. Exact Poisson 95% intervals.</source>
        <translation type="unfinished">Observationnel, pas une expérimentation : la durée des passages n'a pas été attribuée au hasard, et les passages plus longs ont pu aller vers des points chauds, des heures ou des jours plus calmes ou plus chargés que les courts ; ces rapports décrivent donc sans prouver. after_visit : infractions dans le point chaud dans les 2 heures qui suivent la fin de chaque passage (à partir du départ, jusqu'à 2 heures plus tard exclu), par passage, selon la durée du passage, par rapport aux mêmes heures du jour dans les mêmes points chauds les jours sans passage à proximité (unités : fenêtres de 2 heures) ; Koper (1995) a constaté que la dissuasion croît avec la durée de l'arrêt jusqu'à environ 10 à 15 minutes. daily_minutes : infractions par jour-point chaud selon les minutes de patrouille du jour, par rapport aux jours sans patrouille. Intervalles de Poisson exacts à 95 %.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="156"/>
        <source>crimes per 2 hours after a visit of {}</source>
        <translation type="unfinished">infractions par 2 heures après un passage de {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="156"/>
        <source>the same hours without a visit</source>
        <translation type="unfinished">les mêmes heures sans passage</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="156"/>
        <source>crimes per hotspot-day with {} of patrol</source>
        <translation type="unfinished">infractions par jour-point chaud avec {} de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="156"/>
        <source>days without patrol</source>
        <translation type="unfinished">jours sans patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="164"/>
        <source>{}: {} ({} against {}).</source>
        <translation type="unfinished">{} : {} ({} contre {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="164"/>
        <source>After visits</source>
        <translation type="unfinished">Après les passages</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="164"/>
        <source>By daily patrol minutes</source>
        <translation type="unfinished">Selon les minutes de patrouille quotidiennes</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="164"/>
        <source>{} {} (95% CI {}), {}× the baseline</source>
        <translation type="unfinished">{} {} (IC à 95 % {}), {}× la référence</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="175"/>
        <source>within hotspots</source>
        <translation type="unfinished">au sein des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="175"/>
        <source>as delivered, within hotspots</source>
        <translation type="unfinished">tel que réalisé, au sein des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="176"/>
        <source>pooled over hotspots</source>
        <translation type="unfinished">agrégé sur les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="181"/>
        <source>the other days of the same hotspot and weekday</source>
        <translation type="unfinished">les autres jours du même point chaud et du même jour de la semaine</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="181"/>
        <source>the other days of the same hotspot</source>
        <translation type="unfinished">les autres jours du même point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="184"/>
        <source>Primary analysis: within hotspots, the days with a patrol visit against {}. The pooled comparison of all hotspot-days together is secondary.</source>
        <translation type="unfinished">Analyse principale : au sein des points chauds, les jours avec un passage de patrouille contre {}. La comparaison agrégée de tous les jours-points chauds ensemble est secondaire.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="186"/>
        <source>Primary analysis: intention to treat, the days ASSIGNMENT assigned a patrol, visited or not, against {}. Compliance: {:.0%} of the assigned hotspot-days had a patrol visit. The visited days within hotspots (as delivered) and the pooled comparison are secondary.</source>
        <translation type="unfinished">Analyse principale : en intention de traiter, les jours auxquels ASSIGNMENT a affecté une patrouille, avec ou sans passage, contre {}. Conformité : {:.0%} des jours-points chauds affectés ont eu un passage de patrouille. Les jours avec passage au sein des points chauds (tel que réalisé) et la comparaison agrégée sont secondaires.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="194"/>
        <source>Secondary ({}): {}</source>
        <translation type="unfinished">Secondaire ({}) : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="206"/>
        <source>one finds less crime on patrol days, the other more</source>
        <translation type="unfinished">l'une trouve moins d'infractions les jours de patrouille, l'autre davantage</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="208"/>
        <source>one is significant at the 5% level and the other is not</source>
        <translation type="unfinished">l'une est significative au seuil de 5 % et l'autre non</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="210"/>
        <source>their 95% intervals do not overlap</source>
        <translation type="unfinished">leurs intervalles à 95 % ne se chevauchent pas</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="213"/>
        <source>the pooled ratio is more than 20% away from the within-hotspot one</source>
        <translation type="unfinished">le rapport agrégé s'écarte de plus de 20 % de celui obtenu au sein des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="229"/>
        <source>{}: the pooled estimate (rate ratio {}, {}) and the within-hotspot estimate on the same visited days (rate ratio {}, {}) disagree: {}. Read the within-hotspot one: the pooled one mixes hotspots whose crime and patrols differ.</source>
        <translation type="unfinished">{} : l'estimation agrégée (rapport des taux {}, {}) et l'estimation au sein des points chauds sur les mêmes jours avec passage (rapport des taux {}, {}) divergent : {}. Retenez celle au sein des points chauds : l'estimation agrégée mélange des points chauds dont les infractions et les patrouilles diffèrent.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="270"/>
        <source>No harm on either kind of day, so no harm comparison.</source>
        <translation type="unfinished">Aucun préjudice ni les jours de patrouille ni les autres jours, donc pas de comparaison des préjudices.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="272"/>
        <source>All the harm fell on patrol days.</source>
        <translation type="unfinished">Tout le préjudice est survenu les jours de patrouille.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluation_report.py" line="273"/>
        <source>Harm per hotspot-day was {} (95% bootstrap interval {}).</source>
        <translation type="unfinished">Préjudice par jour-point chaud : {} (intervalle bootstrap à 95 % {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/reader.py" line="261"/>
        <source>{} has no crimes left to count ({}). Choose a layer with point crimes, or check WEIGHT_FIELD, CATEGORY_FIELD and HARM_WEIGHTS.</source>
        <translation type="unfinished">{} n'a plus d'infraction à compter ({}). Choisissez une couche d'infractions ponctuelles, ou vérifiez WEIGHT_FIELD, CATEGORY_FIELD et HARM_WEIGHTS.</translation>
    </message>
</context>
<context>
    <name>AdvancedSettings</name>
    <message>
        <location filename="../ui/advanced_settings.py" line="15"/>
        <source>Advanced</source>
        <translation type="unfinished">Avancé</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="19"/>
        <source>Beside the project (temporary when unsaved)</source>
        <translation type="unfinished">À côté du projet (temporaire s'il n'est pas enregistré)</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="20"/>
        <source>The folder each run writes its results in, in a folder of its own</source>
        <translation type="unfinished">Le dossier où chaque exécution écrit ses résultats, dans un dossier qui lui est propre</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="24"/>
        <source> m</source>
        <translation type="unfinished"> m</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="25"/>
        <source>Pixel size of the crime density surface: smaller is finer and slower</source>
        <translation type="unfinished">Taille des pixels de la surface de densité des infractions : plus petite, elle est plus fine et plus lente</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="29"/>
        <source>Results folder</source>
        <translation type="unfinished">Dossier des résultats</translation>
    </message>
    <message>
        <location filename="../ui/advanced_settings.py" line="30"/>
        <source>Density pixel size</source>
        <translation type="unfinished">Taille des pixels de la densité</translation>
    </message>
</context>
<context>
    <name>BacktestHotspotsAlgorithm</name>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="60"/>
        <source>Backtest hotspot forecasts</source>
        <translation type="unfinished">Tester rétrospectivement les prévisions de points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="63"/>
        <source>backtest,forecast,predict,PAI,PEI,hit rate,RRI,cross-validation,rolling origin,hotspot,model selection</source>
        <translation type="unfinished">test rétrospectif,prévision,prédire,PAI,PEI,taux de réussite,RRI,validation croisée,origine glissante,point chaud,sélection de modèle</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="67"/>
        <source>Which way of choosing hotspots would have caught the most crime on this force&apos;s own history? Each forecast method, with a small grid of settings, forecasts each of ORIGINS horizons from the crimes before it, chooses its TOP_N cells, and is scored against what happened: hit rate, PAI, PEI* and RRI. The winner has the best mean PEI*.</source>
        <translation type="unfinished">Quelle façon de choisir les points chauds aurait capté le plus d'infractions sur l'historique propre de cette force de police ? Chaque méthode de prévision, avec une petite grille de paramètres, prévoit chacun des ORIGINS horizons à partir des infractions qui le précèdent, choisit ses TOP_N cellules, et est évaluée par rapport à ce qui s'est produit : taux de réussite, PAI, PEI* et RRI. La gagnante est la méthode qui a le meilleur PEI* moyen.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="74"/>
        <source>a rolling forecasting origin (Hyndman &amp;amp; Athanasopoulos 2021): origins HORIZON_DAYS apart, the last HORIZON_DAYS before the end of the data (or END), so every horizon is observed whole and no crime at or after an origin is used to forecast it. A horizon of whole years steps by calendar years. The settings tried are Forecast hotspots' grids: windows of 28, 91, 182, 365 and 730 days and all history; half-lives of 14, 30, 90 and 180 days; kernels of 150, 300 and 600 m over a year and 300 m over 91 days; prospective bands of 400 m over 28, 56 and 91 days and 200 m over 56 days; and the self-exciting model. Scores: hit rate (the share of the horizon's crime in the chosen cells), PAI (hit rate over the share of the area — the cells of the box holding the crimes — that they cover; Chainey et al. 2008), PEI* (the crimes caught over the most that any as many cells held: the measure of the NIJ 2017 forecasting challenge, 1 at best), RRI (the share of crime caught over the share of the forecast in the chosen cells; Levine 2008) and stability (the share of the chosen cells the same method chose at the previous origin). Only cells with a forecast above 0 are chosen. Hits count crimes even when WEIGHT_FIELD weights the forecasts. Crimes known only to the month (data.police.uk) are backtested on whole months with methods 0–2.</source>
        <translation type="unfinished">une origine de prévision glissante (Hyndman &amp;amp; Athanasopoulos 2021) : des origines espacées de HORIZON_DAYS, la dernière à HORIZON_DAYS de la fin des données (ou de END), de sorte que chaque horizon est observé en entier et qu'aucune infraction survenue à une origine ou après n'est utilisée pour le prévoir. Un horizon en années entières avance par années civiles. Les paramètres essayés sont les grilles de Prévoir les points chauds : fenêtres de 28, 91, 182, 365 et 730 jours et tout l'historique ; demi-vies de 14, 30, 90 et 180 jours ; noyaux de 150, 300 et 600 m sur un an et de 300 m sur 91 jours ; bandes prospectives de 400 m sur 28, 56 et 91 jours et de 200 m sur 56 jours ; et le modèle auto-excitateur. Scores : taux de réussite (la part des infractions de l'horizon situées dans les cellules choisies), PAI (le taux de réussite divisé par la part de la surface — les cellules du rectangle englobant les infractions — qu'elles couvrent ; Chainey et al. 2008), PEI* (les infractions captées divisées par le maximum contenu par un même nombre de cellules quelconques : la mesure du concours de prévision NIJ 2017, 1 au mieux), RRI (la part des infractions captées divisée par la part de la prévision dans les cellules choisies ; Levine 2008) et stabilité (la part des cellules choisies que la même méthode avait choisies à l'origine précédente). Seules les cellules dont la prévision est supérieure à 0 sont choisies. Les réussites comptent des infractions même lorsque WEIGHT_FIELD pondère les prévisions. Les infractions connues seulement au mois près (data.police.uk) sont testées rétrospectivement sur des mois entiers avec les méthodes 0–2.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="92"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="92"/>
        <source>Each crime's date (and time), as in the other algorithms; month-only data work with methods 0–2.</source>
        <translation type="unfinished">La date (et l'heure) de chaque infraction, comme dans les autres algorithmes ; les données au mois près fonctionnent avec les méthodes 0–2.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="96"/>
        <source>Weight field (e.g. harm)</source>
        <translation type="unfinished">Champ de poids (p. ex. préjudice)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="96"/>
        <source>An optional weight per crime for the forecasts (the self-exciting model is then left out).</source>
        <translation type="unfinished">Un poids facultatif par infraction pour les prévisions (le modèle auto-excitateur est alors exclu).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="101"/>
        <source>Methods</source>
        <translation type="unfinished">Méthodes</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="101"/>
        <source>The methods to compare, each with its grid of settings: 0 counts, 1 recency-weighted counts, 2 kernel-smoothed counts, 3 prospective hotspotting, 4 self-exciting point process.</source>
        <translation type="unfinished">Les méthodes à comparer, chacune avec sa grille de paramètres : 0 comptages, 1 comptages pondérés par la récence, 2 comptages lissés par noyau, 3 cartographie prospective des points chauds, 4 processus ponctuel auto-excitateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="104"/>
        <source>Forecast origins</source>
        <translation type="unfinished">Origines de prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="104"/>
        <source>How many horizons to forecast and score, back from the end of the data.</source>
        <translation type="unfinished">Nombre d'horizons à prévoir et à évaluer, en remontant depuis la fin des données.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="107"/>
        <source>Horizon (days)</source>
        <translation type="unfinished">Horizon (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="107"/>
        <source>The length of each forecast (and the step between origins). On month data, whole months; 365 steps by calendar years.</source>
        <translation type="unfinished">La durée de chaque prévision (et l'écart entre deux origines). Sur des données au mois près, des mois entiers ; 365 avance par années civiles.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="111"/>
        <source>Hotspots chosen at each origin</source>
        <translation type="unfinished">Points chauds choisis à chaque origine</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="111"/>
        <source>How many cells each method chooses (the hotspots a force would patrol).</source>
        <translation type="unfinished">Nombre de cellules que chaque méthode choisit (les points chauds qu'une force de police patrouillerait).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="114"/>
        <source>Or a share of the area (0–1; empty: TOP_N)</source>
        <translation type="unfinished">Ou une part de la surface (0–1 ; vide : TOP_N)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="114"/>
        <source>Choose this share of the area&apos;s cells instead of TOP_N (e.g. 0.01 for 1%).</source>
        <translation type="unfinished">Choisir cette part des cellules de la zone au lieu de TOP_N (p. ex. 0.01 pour 1 %).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="118"/>
        <source>Data end (exclusive; empty: the day after the last crime)</source>
        <translation type="unfinished">Fin des données (exclue ; vide : le lendemain de la dernière infraction)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="118"/>
        <source>Backtest as if the data ended here: crimes from END on are ignored.</source>
        <translation type="unfinished">Effectuer le test rétrospectif comme si les données s'arrêtaient ici : les infractions à partir de END sont ignorées.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="122"/>
        <source>Scores by origin</source>
        <translation type="unfinished">Scores par origine</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="122"/>
        <source>A row per method, settings and origin: &lt;i&gt;method&lt;/i&gt; (0–4), &lt;i&gt;settings&lt;/i&gt;, &lt;i&gt;origin&lt;/i&gt; (the first day forecast), &lt;i&gt;crimes&lt;/i&gt; (in the horizon), &lt;i&gt;hits&lt;/i&gt; (in the chosen cells), &lt;i&gt;hit_rate&lt;/i&gt;, &lt;i&gt;pai&lt;/i&gt;, &lt;i&gt;pei&lt;/i&gt;, &lt;i&gt;rri&lt;/i&gt; and &lt;i&gt;stability&lt;/i&gt; (null at the first origin).</source>
        <translation type="unfinished">Une ligne par méthode, paramètres et origine : &lt;i&gt;method&lt;/i&gt; (0–4), &lt;i&gt;settings&lt;/i&gt;, &lt;i&gt;origin&lt;/i&gt; (le premier jour prévu), &lt;i&gt;crimes&lt;/i&gt; (dans l'horizon), &lt;i&gt;hits&lt;/i&gt; (dans les cellules choisies), &lt;i&gt;hit_rate&lt;/i&gt;, &lt;i&gt;pai&lt;/i&gt;, &lt;i&gt;pei&lt;/i&gt;, &lt;i&gt;rri&lt;/i&gt; et &lt;i&gt;stability&lt;/i&gt; (null à la première origine).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="127"/>
        <source>Summary by method</source>
        <translation type="unfinished">Synthèse par méthode</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="127"/>
        <source>A row per method and settings: &lt;i&gt;method&lt;/i&gt;, &lt;i&gt;settings&lt;/i&gt;, &lt;i&gt;mean_hit_rate&lt;/i&gt;, &lt;i&gt;mean_pai&lt;/i&gt;, &lt;i&gt;mean_pei&lt;/i&gt;, &lt;i&gt;min_pei&lt;/i&gt;, &lt;i&gt;max_pei&lt;/i&gt; and &lt;i&gt;winner&lt;/i&gt; (true on the best mean PEI*).</source>
        <translation type="unfinished">Une ligne par méthode et paramètres : &lt;i&gt;method&lt;/i&gt;, &lt;i&gt;settings&lt;/i&gt;, &lt;i&gt;mean_hit_rate&lt;/i&gt;, &lt;i&gt;mean_pai&lt;/i&gt;, &lt;i&gt;mean_pei&lt;/i&gt;, &lt;i&gt;min_pei&lt;/i&gt;, &lt;i&gt;max_pei&lt;/i&gt; et &lt;i&gt;winner&lt;/i&gt; (vrai pour le meilleur PEI* moyen).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="132"/>
        <source>Report (HTML)</source>
        <translation type="unfinished">Rapport (HTML)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="132"/>
        <source>HTML files (*.html)</source>
        <translation type="unfinished">Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="132"/>
        <source>A one-page report: the winner, PEI* by origin and what it means.</source>
        <translation type="unfinished">Un rapport d'une page : la gagnante, le PEI* par origine et ce qu'il signifie.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="135"/>
        <source>Best method</source>
        <translation type="unfinished">Meilleure méthode</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="135"/>
        <source>The winner's method, 0–4.</source>
        <translation type="unfinished">La méthode gagnante, 0–4.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="137"/>
        <source>Best settings</source>
        <translation type="unfinished">Meilleurs paramètres</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="137"/>
        <source>The winner&apos;s settings, e.g. window_days=365.</source>
        <translation type="unfinished">Les paramètres de la gagnante, p. ex. window_days=365.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="139"/>
        <source>Best mean hit rate</source>
        <translation type="unfinished">Meilleur taux de réussite moyen</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="139"/>
        <source>The winner's mean hit rate (0–1).</source>
        <translation type="unfinished">Le taux de réussite moyen de la gagnante (0–1).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="141"/>
        <source>Best mean PEI*</source>
        <translation type="unfinished">Meilleur PEI* moyen</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="141"/>
        <source>The winner's mean PEI* (0–1).</source>
        <translation type="unfinished">Le PEI* moyen de la gagnante (0–1).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="147"/>
        <source>METHODS: choose at least one method to backtest.</source>
        <translation type="unfinished">METHODS : choisissez au moins une méthode à tester rétrospectivement.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="157"/>
        <source>The self-exciting model counts crimes: it is left out with WEIGHT_FIELD.</source>
        <translation type="unfinished">Le modèle auto-excitateur compte des infractions : il est exclu avec WEIGHT_FIELD.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="162"/>
        <source>{} need crimes dated to the day: left out on these month-only data.</source>
        <translation type="unfinished">Exclusion de {} : il faut des infractions datées au jour près, or ces données ne sont connues qu'au mois près.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="170"/>
        <source>{} methods and settings, {} origins from {} to {}, {} cells chosen at each.</source>
        <translation type="unfinished">{} méthodes et paramètres, {} origines du {} au {}, {} cellules choisies à chaque origine.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="177"/>
        <source>Winner: {} ({}), mean PEI* {:.3f}, mean hit rate {:.1%}.</source>
        <translation type="unfinished">Gagnante : {} ({}), PEI* moyen {:.3f}, taux de réussite moyen {:.1%}.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="212"/>
        <source>{:,} crimes; {:,} cells of {:g} m.</source>
        <translation type="unfinished">{:,} infractions ; {:,} cellules de {:g} m.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest_hotspots.py" line="162"/>
        <source> and </source>
        <translation type="unfinished"> et </translation>
    </message>
</context>
<context>
    <name>BriefingPackAlgorithm</name>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="45"/>
        <source>Patrol briefing pack (PDF)</source>
        <translation type="unfinished">Dossier de briefing de patrouille (PDF)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="48"/>
        <source>briefing,PDF,print,patrol plan,patrol,map,officers,shift,hotspot</source>
        <translation type="unfinished">briefing,PDF,imprimer,plan de patrouille,patrouille,carte,agents,vacation,point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="51"/>
        <source>Prints the patrol plan for the officers who carry it out: one PDF with a cover, then a page for each day (or each unit and day) with visits, each with a map of that day&apos;s hotspots numbered by rank and the table of its visits in time order, so that every patrol starts at the planned time, in the planned place, for the planned minutes.</source>
        <translation type="unfinished">Imprime le plan de patrouille pour les agents qui l'exécutent : un PDF avec une couverture, puis une page pour chaque jour (ou chaque équipage et jour) comportant des passages, chacune avec une carte des points chauds de ce jour numérotés par rang et le tableau de ses passages dans l'ordre chronologique, afin que chaque patrouille commence à l'heure prévue, au lieu prévu, pour la durée prévue.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="58"/>
        <source>the cover gives the title, the period, the numbers of hotspots, visits and units, the total patrol minutes, how to patrol, and a map of all hotspots numbered by rank (grey: hotspots without a visit). Then, in date order, a page for each day with visits: a map zoomed to that day's hotspots and the table of its visits: time (local start–end; a visit after midnight that belongs to the previous evening's shift names its calendar day), hotspot (rank and id), location, minutes, unit and an empty Done column to tick. Where numbers would crowd on a map, detail maps beside it, lettered on it, show the crowded hotspots closer up. A table longer than the page continues on the next page: no visit is ever left out. Without STREET_FIELD, or for a hotspot without such crimes, a location is the hotspot's centre (its centroid, or a point inside it when the centroid falls outside): latitude and longitude (WGS 84, 5 decimals, about a metre, to type into a phone), then easting and northing to the metre in the hotspots' CRS, or in a UTM zone when that CRS is not in metres. The cover tells officers to patrol each hotspot highly visibly for the plan's usual minutes, at the stated time: the short, unpredictable visits of the Minneapolis hot spots experiment (Sherman &amp;amp; Weisburd 1995), about 15 minutes long after the Koper curve (Koper 1995).</source>
        <translation type="unfinished">la couverture donne le titre, la période, le nombre de points chauds, de passages et d'équipages, le total des minutes de patrouille, la manière de patrouiller, et une carte de tous les points chauds numérotés par rang (en gris : points chauds sans passage). Ensuite, par ordre de date, une page pour chaque jour comportant des passages : une carte zoomée sur les points chauds de ce jour et le tableau de ses passages : heure (début–fin locales ; un passage après minuit qui appartient à la vacation de la veille au soir indique son jour calendaire), point chaud (rang et identifiant), lieu, minutes, équipage et une colonne Fait vide à cocher. Là où les numéros seraient trop serrés sur une carte, des cartes de détail à côté, repérées par une lettre sur celle-ci, montrent de plus près les points chauds serrés. Un tableau plus long que la page continue sur la page suivante : aucun passage n'est jamais omis. Sans STREET_FIELD, ou pour un point chaud sans de telles infractions, un lieu est le centre du point chaud (son centroïde, ou un point à l'intérieur lorsque le centroïde tombe à l'extérieur) : latitude et longitude (WGS 84, 5 décimales, environ un mètre, à saisir dans un téléphone), puis abscisse et ordonnée au mètre dans le SCR des points chauds, ou dans une zone UTM lorsque ce SCR n'est pas en mètres. La couverture demande aux agents de patrouiller chaque point chaud de manière très visible pendant la durée habituelle du plan, à l'heure indiquée : les passages courts et imprévisibles de l'expérience des points chauds de Minneapolis (Sherman &amp;amp; Weisburd 1995), d'environ 15 minutes selon la courbe de Koper (Koper 1995).</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="76"/>
        <source>Hotspots (polygons with hotspot_id and rank)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id et rank)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="76"/>
        <source>Polygons with hotspot_id and rank, as Rank patrol hotspots writes them; the maps number them by rank.</source>
        <translation type="unfinished">Polygones avec hotspot_id et rank, tels que « Classer les points chauds à patrouiller » les écrit ; les cartes les numérotent par rang.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="80"/>
        <source>Patrol visits (from Generate patrol plan)</source>
        <translation type="unfinished">Passages de patrouille (de « Générer le plan de patrouille »)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="80"/>
        <source>The planned visits, as Generate patrol plan writes them: hotspot_id, date (the patrol day), start_local (local time with UTC offset, ISO 8601), minutes and unit. Every visit&apos;s hotspot_id must be in HOTSPOTS.</source>
        <translation type="unfinished">Les passages planifiés, tels que « Générer le plan de patrouille » les écrit : hotspot_id, date (le jour de patrouille), start_local (heure locale avec décalage UTC, ISO 8601), minutes et unit. Le hotspot_id de chaque passage doit figurer dans HOTSPOTS.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="85"/>
        <source>Basemap layers under the hotspots</source>
        <translation type="unfinished">Couches de fond de carte sous les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="85"/>
        <source>Layers drawn under the hotspots on every map, e.g. an OpenStreetMap (XYZ) layer or a streets layer; the first listed is drawn on top. Each layer's rights (Layer Properties ▸ Metadata) are printed as its credit.</source>
        <translation type="unfinished">Couches dessinées sous les points chauds sur chaque carte, p. ex. une couche OpenStreetMap (XYZ) ou une couche de rues ; la première de la liste est dessinée au-dessus. Les droits de chaque couche (Propriétés de la couche ▸ Métadonnées) sont imprimés comme crédit.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="90"/>
        <source>Title</source>
        <translation type="unfinished">Titre</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="147"/>
        <source>Hotspot patrol briefing</source>
        <translation type="unfinished">Briefing de patrouille des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="90"/>
        <source>The cover&apos;s title, repeated in every page&apos;s footer.</source>
        <translation type="unfinished">Le titre de la couverture, répété dans le pied de chaque page.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="111"/>
        <source>Pages</source>
        <translation type="unfinished">Pages</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="93"/>
        <source>One page per day</source>
        <translation type="unfinished">Une page par jour</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="93"/>
        <source>One page per unit and day</source>
        <translation type="unfinished">Une page par équipage et par jour</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="93"/>
        <source>One page per day, or One page per unit and day: a sheet for each crew (needs the unit field).</source>
        <translation type="unfinished">Une page par jour, ou Une page par équipage et par jour : une feuille pour chaque équipage (nécessite le champ unit).</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="98"/>
        <source>Crimes with a street or place field (for the locations)</source>
        <translation type="unfinished">Infractions avec un champ de rue ou de lieu (pour les lieux)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="98"/>
        <source>Crime points with a street or place text (STREET_FIELD), to name the hotspots&apos; locations; used only with STREET_FIELD.</source>
        <translation type="unfinished">Points d'infraction avec un texte de rue ou de lieu (STREET_FIELD), pour nommer les lieux des points chauds ; utilisé uniquement avec STREET_FIELD.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="103"/>
        <source>Street or place field of the crimes</source>
        <translation type="unfinished">Champ de rue ou de lieu des infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="103"/>
        <source>The crimes&apos; street or place text, e.g. location in data.police.uk files (&apos;On or near High Street&apos;) or block in Chicago&apos;s; a hotspot&apos;s location is then the most frequent value among the crimes inside it (a tie goes to the alphabetically first). Needs CRIMES.</source>
        <translation type="unfinished">Le texte de rue ou de lieu des infractions, p. ex. location dans les fichiers data.police.uk ('On or near High Street') ou block dans ceux de Chicago ; le lieu d'un point chaud est alors la valeur la plus fréquente parmi les infractions qu'il contient (en cas d'égalité, la première dans l'ordre alphabétique l'emporte). Nécessite CRIMES.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="109"/>
        <source>Briefing pack</source>
        <translation type="unfinished">Dossier de briefing</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="109"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished">PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="109"/>
        <source>The PDF, A4 portrait; its text is text, so it can be searched and copied.</source>
        <translation type="unfinished">Le PDF, A4 portrait ; son texte est du vrai texte, il peut donc être recherché et copié.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="111"/>
        <source>The number of pages of the PDF.</source>
        <translation type="unfinished">Le nombre de pages du PDF.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="123"/>
        <source>STREET_FIELD &apos;{}&apos; needs CRIMES, the crime points that hold it. Choose CRIMES, or clear STREET_FIELD to give coordinates as locations.</source>
        <translation type="unfinished">STREET_FIELD '{}' nécessite CRIMES, les points d'infraction qui le contiennent. Choisissez CRIMES, ou videz STREET_FIELD pour donner des coordonnées comme lieux.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="131"/>
        <source>{} visits on {} pages: a cover and {} day pages{}.</source>
        <translation type="unfinished">{} passages sur {} pages : une couverture et {} pages de jour{}.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="131"/>
        <source> (one per unit and day)</source>
        <translation type="unfinished"> (une par équipage et par jour)</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="159"/>
        <source>CRIMES is only used with STREET_FIELD: locations are coordinates.</source>
        <translation type="unfinished">CRIMES n'est utilisé qu'avec STREET_FIELD : les lieux sont des coordonnées.</translation>
    </message>
    <message>
        <location filename="../algorithms/briefing_pack.py" line="169"/>
        <source>{} hotspots have no crime with a {} value: their location is their coordinates.</source>
        <translation type="unfinished">{} points chauds n'ont aucune infraction avec une valeur {} : leur lieu est leurs coordonnées.</translation>
    </message>
</context>
<context>
    <name>EmergingHotspotsAlgorithm</name>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="98"/>
        <source>Emerging hot spots</source>
        <translation type="unfinished">Points chauds émergents</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="42"/>
        <source>emerging hot spot,hotspot,trend,space-time,Mann-Kendall,Gi*,new,persistent,fading,ArcGIS</source>
        <translation type="unfinished">point chaud émergent,point chaud,tendance,espace-temps,Mann-Kendall,Gi*,nouveau,persistant,en déclin,ArcGIS</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="46"/>
        <source>Which hot spots are new, growing, steady or fading: ArcGIS Pro&apos;s Emerging Hot Spot Analysis for crime points, with numpy and scipy alone. Use it to check that the places to patrol are still the hot ones.</source>
        <translation type="unfinished">Quels points chauds sont nouveaux, en croissance, stables ou en déclin : l'Emerging Hot Spot Analysis d'ArcGIS Pro (analyse des points chauds émergents) pour des infractions ponctuelles, avec numpy et scipy seulement. Utilisez-le pour vérifier que les lieux à patrouiller sont toujours les plus chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="52"/>
        <source>crimes are counted into a space-time cube of cells × steps. Each cell-step gets a Gi* z-score (Ord &amp;amp; Getis 1995) over its space-time neighbourhood — the cells within DISTANCE, in this step and the TIME_WINDOW − 1 steps before it — binned at 90/95/99% confidence with the false-discovery-rate correction of Benjamini &amp;amp; Hochberg (1995), as ArcGIS does. A Mann–Kendall test (Mann 1945; Kendall 1975) of each cell's z-scores gives its trend, significant at p &amp;lt; 0.05. The &lt;i&gt;category&lt;/i&gt; is No Pattern Detected, or New, Consecutive, Intensifying, Persistent, Diminishing, Sporadic, Oscillating or Historical Hot or Cold Spot, by Esri's published rules (e.g. Persistent: hot in at least 90% of the steps, no significant trend; New: hot in the final step only). The cube of cells with crime × steps may hold up to 20 million bins (about 1.3 GB), and the neighbour pairs × steps up to 2,000 million: more is refused before anything is built, naming the earliest and latest times (a typo year in a few dates is the usual cause).</source>
        <translation type="unfinished">les infractions sont comptées dans un cube spatio-temporel de cellules × pas de temps. Chaque cellule-pas reçoit un z-score Gi* (Ord &amp;amp; Getis 1995) calculé sur son voisinage spatio-temporel — les cellules à moins de DISTANCE, dans ce pas et les TIME_WINDOW − 1 pas précédents — classé aux seuils de confiance de 90/95/99 % avec la correction du taux de fausses découvertes de Benjamini &amp;amp; Hochberg (1995), comme le fait ArcGIS. Un test de Mann–Kendall (Mann 1945 ; Kendall 1975) sur les z-scores de chaque cellule donne sa tendance, significative à p &amp;lt; 0,05. La &lt;i&gt;category&lt;/i&gt; vaut No Pattern Detected, ou New, Consecutive, Intensifying, Persistent, Diminishing, Sporadic, Oscillating ou Historical Hot or Cold Spot, selon les règles publiées par Esri (p. ex. Persistent : chaud dans au moins 90 % des pas, sans tendance significative ; New : chaud dans le dernier pas seulement). Le cube des cellules avec infractions × pas peut contenir jusqu'à 20 millions de cases (environ 1,3 Go), et les paires de voisines × pas jusqu'à 2 000 millions : au-delà, le calcul est refusé avant toute construction, avec mention des heures la plus ancienne et la plus récente (une année mal saisie dans quelques dates en est la cause habituelle).</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="67"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="67"/>
        <source>Each crime&apos;s date and time, needed for the time steps: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm or yyyy-MM). Times are compared as written (wall-clock).</source>
        <translation type="unfinished">La date et l'heure de chaque infraction, nécessaires pour les pas de temps : un champ ou une expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm ou yyyy-MM). Les heures sont comparées telles qu'elles sont écrites (heure locale affichée).</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="72"/>
        <source>Time step</source>
        <translation type="unfinished">Pas de temps</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="72"/>
        <source>Day</source>
        <translation type="unfinished">Jour</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="72"/>
        <source>Week</source>
        <translation type="unfinished">Semaine</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="72"/>
        <source>Month</source>
        <translation type="unfinished">Mois</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="72"/>
        <source>The time step: 0 day, 1 Monday-based week, 2 calendar month. A step finer than the times can say (days on data.police.uk months) is refused.</source>
        <translation type="unfinished">Le pas de temps : 0 jour, 1 semaine commençant le lundi, 2 mois civil. Un pas plus fin que ce que permettent les heures (des jours sur les mois de data.police.uk) est refusé.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="78"/>
        <source>The side of the square cells in metres, on the fixed grid of Grid crimes into cells. At least 1 cm, and at least a billionth of the largest coordinate.</source>
        <translation type="unfinished">Le côté des cellules carrées en mètres, sur la grille fixe de Compter les infractions par cellule. Au moins 1 cm, et au moins un milliardième de la plus grande coordonnée.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="81"/>
        <source>Neighbourhood distance (metres; empty: the 8 surrounding cells)</source>
        <translation type="unfinished">Distance de voisinage (mètres ; vide : les 8 cellules voisines)</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="81"/>
        <source>The neighbourhood distance in metres. Empty: the 8 surrounding cells. A cell with no neighbour within it is not classified (No Pattern Detected, null trend; the log says how many).</source>
        <translation type="unfinished">La distance de voisinage en mètres. Vide : les 8 cellules voisines. Une cellule sans voisine à cette distance n'est pas classée (No Pattern Detected, tendance NULL ; le journal indique leur nombre).</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="87"/>
        <source>Neighbourhood time window (steps)</source>
        <translation type="unfinished">Fenêtre temporelle du voisinage (pas)</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="87"/>
        <source>Steps in the neighbourhood: the step itself and the TIME_WINDOW − 1 steps before it.</source>
        <translation type="unfinished">Pas inclus dans le voisinage : le pas lui-même et les TIME_WINDOW − 1 pas précédents.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="91"/>
        <source>From (inclusive)</source>
        <translation type="unfinished">Depuis (inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="91"/>
        <source>The start of the period: a crime counts when START &amp;lt;= time &amp;lt; END. Steps start at START&apos;s step, or at the first crime&apos;s.</source>
        <translation type="unfinished">Le début de la période : une infraction compte lorsque START &amp;lt;= heure &amp;lt; END. Les pas commencent au pas de START, ou à celui de la première infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="94"/>
        <source>Until (exclusive)</source>
        <translation type="unfinished">Jusqu'à (exclu)</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="94"/>
        <source>The end of the period (exclusive). With END the steps run to the step holding END&apos;s last second, crimes or not; without it, to the last crime&apos;s.</source>
        <translation type="unfinished">La fin de la période (exclue). Avec END, les pas vont jusqu'à celui qui contient la dernière seconde d'END, avec ou sans infractions ; sinon, jusqu'à celui de la dernière infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="98"/>
        <source>A square per cell with at least one crime in the period: &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;category&lt;/i&gt; (the pattern, under Method), &lt;i&gt;trend_z&lt;/i&gt; and &lt;i&gt;trend_p&lt;/i&gt; (Mann–Kendall z-score and two-sided p-value of the trend in the cell's Gi* z-scores), &lt;i&gt;hot_steps&lt;/i&gt; and &lt;i&gt;cold_steps&lt;/i&gt; (steps in which the cell is a significant hot or cold spot), &lt;i&gt;steps&lt;/i&gt; (steps in the period) and &lt;i&gt;count&lt;/i&gt; (the cell's crimes).</source>
        <translation type="unfinished">Un carré par cellule ayant au moins une infraction dans la période : &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;category&lt;/i&gt; (le motif, voir Méthode), &lt;i&gt;trend_z&lt;/i&gt; et &lt;i&gt;trend_p&lt;/i&gt; (z-score de Mann–Kendall et p-value bilatérale de la tendance des z-scores Gi* de la cellule), &lt;i&gt;hot_steps&lt;/i&gt; et &lt;i&gt;cold_steps&lt;/i&gt; (pas où la cellule est un point chaud ou un point froid significatif), &lt;i&gt;steps&lt;/i&gt; (pas dans la période) et &lt;i&gt;count&lt;/i&gt; (les infractions de la cellule).</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="105"/>
        <source>Time steps</source>
        <translation type="unfinished">Pas de temps</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="105"/>
        <source>The number of time steps.</source>
        <translation type="unfinished">Le nombre de pas de temps.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="111"/>
        <source>DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the 8 surrounding cells.</source>
        <translation type="unfinished">DISTANCE doit être un nombre de mètres supérieur ou égal à 0, et non {} ; laissez-la vide pour les 8 cellules voisines.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="123"/>
        <source>TIME is needed: the field or expression with each crime&apos;s date.</source>
        <translation type="unfinished">TIME est requis : le champ ou l'expression contenant la date de chaque infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="128"/>
        <source>STEP is {}, but the crimes&apos; times are known only to the {} ({}). Steps finer than the data would invent when crimes happened: choose STEP=2 (month), or use crimes with dates.</source>
        <translation type="unfinished">STEP vaut {}, mais les heures des infractions ne sont connues qu'à la précision « {} » ({}). Des pas plus fins que les données inventeraient le moment des infractions : choisissez STEP=2 (mois), ou utilisez des infractions datées.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="134"/>
        <source>No crimes with a readable time in the period ({}): check TIME, START and END.</source>
        <translation type="unfinished">Aucune infraction avec une heure lisible dans la période ({}) : vérifiez TIME, START et END.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="139"/>
        <source>{} steps of one {} from {}; crimes from {} to {}.</source>
        <translation type="unfinished">{} pas (unité : {}) à partir de {} ; infractions de {} à {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="163"/>
        <source>{:,} of {:,} cells have no neighbour within DISTANCE {:g} m (cells are {:g} m apart): they are not classified (No Pattern Detected, trend_z and trend_p NULL), as nothing around them can make a hot or a cold spot. Use a DISTANCE of at least {:g} m, or leave it empty for the 8 surrounding cells.</source>
        <translation type="unfinished">{:,} cellules sur {:,} n'ont aucune voisine à moins de DISTANCE {:g} m (les cellules sont espacées de {:g} m) : elles ne sont pas classées (No Pattern Detected, trend_z et trend_p NULL), car rien autour d'elles ne peut former un point chaud ou un point froid. Utilisez une DISTANCE d'au moins {:g} m, ou laissez-la vide pour les 8 cellules voisines.</translation>
    </message>
    <message>
        <location filename="../algorithms/emerging_hotspots.py" line="196"/>
        <source> ({} {})</source>
        <translation type="unfinished"> ({} {})</translation>
    </message>
</context>
<context>
    <name>EvaluatePatrolsAlgorithm</name>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="97"/>
        <source>Evaluate patrol effect</source>
        <translation type="unfinished">Évaluer l'effet des patrouilles</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="100"/>
        <source>evaluation,patrol effect,residual deterrence,displacement,diffusion of benefit,WDQ,rate ratio,hotspot,crime,report</source>
        <translation type="unfinished">évaluation,effet des patrouilles,dissuasion résiduelle,déplacement,diffusion des bénéfices,WDQ,rapport des taux,point chaud,infraction,rapport</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="104"/>
        <source>Compares crime in the hotspots on the days they were patrolled with the days they were not, measures how long the effect lasts after a patrol (residual deterrence) and whether crime moved to the streets around (displacement) — the analysis behind the Southend pilot's headline, with honest uncertainty.</source>
        <translation type="unfinished">Compare les infractions dans les points chauds les jours où ils ont été patrouillés et les autres jours, mesure combien de temps l'effet dure après une patrouille (dissuasion résiduelle) et si les infractions se sont déplacées vers les rues alentour (déplacement) — l'analyse derrière le résultat phare du pilote de Southend, avec une incertitude honnête.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="145"/>
        <source>Crimes (points)</source>
        <translation type="unfinished">Infractions (points)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="145"/>
        <source>The crime points; each part of a multipoint is a crime.</source>
        <translation type="unfinished">Les points d'infraction ; chaque partie d'un multipoint est une infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="148"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="148"/>
        <source>Each crime&apos;s date and time: a field or an expression. It puts each crime on a calendar day in TIMEZONE, so it must give at least the day (a crime known only to its month is refused).</source>
        <translation type="unfinished">La date et l'heure de chaque infraction : un champ ou une expression. Elle place chaque infraction sur un jour calendaire dans TIMEZONE ; elle doit donc donner au moins le jour (une infraction connue seulement au mois près est refusée).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="152"/>
        <source>Crime type field</source>
        <translation type="unfinished">Champ du type d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="155"/>
        <source>Crime groups (name=type,type;name=type…)</source>
        <translation type="unfinished">Groupes d'infractions (nom=type,type;nom=type…)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="155"/>
        <source>Groups of crime types evaluated separately, e.g. &lt;i&gt;violent=Violence and sexual offences,Robbery;street=Theft from the person,Bicycle theft&lt;/i&gt;; needs CATEGORY_FIELD. A group name (letters, digits, _) names its output fields. Without groups every crime is in one group, &lt;i&gt;all&lt;/i&gt;.</source>
        <translation type="unfinished">Groupes de types d'infractions évalués séparément, par ex. &lt;i&gt;violent=Violence and sexual offences,Robbery;street=Theft from the person,Bicycle theft&lt;/i&gt; ; nécessite CATEGORY_FIELD. Le nom d'un groupe (lettres, chiffres, _) nomme ses champs de sortie. Sans groupes, toutes les infractions sont dans un seul groupe, &lt;i&gt;all&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="167"/>
        <source>Patrol visits (hotspot_id, start, end)</source>
        <translation type="unfinished">Passages de patrouille (hotspot_id, start, end)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="167"/>
        <source>The visits made (Patrol dosage from GPS) or planned (Generate patrol plan): a layer or table with hotspot_id, start and end.</source>
        <translation type="unfinished">Les passages effectués (Dosage des patrouilles à partir du GPS) ou planifiés (Générer le plan de patrouille) : une couche ou une table avec hotspot_id, start et end.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="171"/>
        <source>Hotspots (polygons with hotspot_id)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="171"/>
        <source>The patrolled polygons, with hotspot_id.</source>
        <translation type="unfinished">Les polygones patrouillés, avec hotspot_id.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="185"/>
        <source>Evaluation period from (inclusive)</source>
        <translation type="unfinished">Période d'évaluation du (inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="185"/>
        <source>The first day of the evaluation period (START &amp;lt;= day &amp;lt; END), a whole local day.</source>
        <translation type="unfinished">Le premier jour de la période d'évaluation (START &amp;lt;= jour &amp;lt; END), un jour local entier.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="188"/>
        <source>Evaluation period until (exclusive)</source>
        <translation type="unfinished">Période d'évaluation jusqu'au (exclu)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="188"/>
        <source>The day after the last day of the evaluation period.</source>
        <translation type="unfinished">Le lendemain du dernier jour de la période d'évaluation.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="191"/>
        <source>Time zone (IANA name)</source>
        <translation type="unfinished">Fuseau horaire (nom IANA)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="191"/>
        <source>Days are calendar days in this IANA zone (e.g. Europe/London); times carrying a UTC offset are converted to it, others are read as written.</source>
        <translation type="unfinished">Les jours sont des jours calendaires dans ce fuseau IANA (par ex. Europe/London) ; les heures portant un décalage UTC y sont converties, les autres sont lues telles qu'écrites.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="195"/>
        <source>Days after a patrol shown one by one</source>
        <translation type="unfinished">Jours après une patrouille affichés un par un</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="195"/>
        <source>Days after a patrol day shown one by one in the residual-deterrence curve.</source>
        <translation type="unfinished">Jours suivant un jour de patrouille affichés un par un dans la courbe de dissuasion résiduelle.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="199"/>
        <source>Displacement ring around each hotspot (metres)</source>
        <translation type="unfinished">Couronne de déplacement autour de chaque point chaud (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="199"/>
        <source>The width in metres of the ring around each hotspot for displacement (0: none). A crime in the rings of two hotspots counts for the higher-ranked; hotspots are never part of a ring.</source>
        <translation type="unfinished">La largeur en mètres de la couronne autour de chaque point chaud pour le déplacement (0 : aucune). Une infraction située dans les couronnes de deux points chauds compte pour celui de meilleur rang ; les points chauds ne font jamais partie d'une couronne.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="209"/>
        <source>Control areas</source>
        <translation type="unfinished">Zones témoins</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="209"/>
        <source>Comparison areas without patrols, for the weighted displacement quotient: CONTROL, BEFORE_START and BEFORE_END go together (all three or none). Crimes in a hotspot or a ring never count as control.</source>
        <translation type="unfinished">Zones de comparaison sans patrouilles, pour le quotient de déplacement pondéré : CONTROL, BEFORE_START et BEFORE_END vont ensemble (les trois ou aucun). Les infractions situées dans un point chaud ou une couronne ne comptent jamais comme témoin.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="214"/>
        <source>Before period from</source>
        <translation type="unfinished">Période avant, du</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="214"/>
        <source>The first day of a period before the patrols, for the weighted displacement quotient.</source>
        <translation type="unfinished">Le premier jour d'une période antérieure aux patrouilles, pour le quotient de déplacement pondéré.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="217"/>
        <source>Before period until (exclusive)</source>
        <translation type="unfinished">Période avant, jusqu'au (exclu)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="217"/>
        <source>The day after the last day of the before period.</source>
        <translation type="unfinished">Le lendemain du dernier jour de la période avant.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="221"/>
        <source>Hotspot-days</source>
        <translation type="unfinished">Jours-points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="221"/>
        <source>A row per hotspot and day: &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;patrolled&lt;/i&gt;, &lt;i&gt;visits&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;days_since_patrol&lt;/i&gt; (0 on a patrol day, 1, 2, … after the last one, patrols before START included; empty before the first), then one crime count per group, named after it (&lt;i&gt;all&lt;/i&gt; without groups), and with RING the count in the ring, ring_&amp;lt;group&amp;gt; (e.g. &lt;i&gt;ring_all&lt;/i&gt;).</source>
        <translation type="unfinished">Une ligne par point chaud et par jour : &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;patrolled&lt;/i&gt;, &lt;i&gt;visits&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;days_since_patrol&lt;/i&gt; (0 un jour de patrouille, 1, 2, … après la dernière, patrouilles antérieures à START comprises ; vide avant la première), puis un nombre d'infractions par groupe, portant son nom (&lt;i&gt;all&lt;/i&gt; sans groupes), et avec RING le nombre dans la couronne, ring_&amp;lt;groupe&amp;gt; (par ex. &lt;i&gt;ring_all&lt;/i&gt;).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="228"/>
        <source>Patrol effect</source>
        <translation type="unfinished">Effet des patrouilles</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="241"/>
        <source>Residual deterrence</source>
        <translation type="unfinished">Dissuasion résiduelle</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="241"/>
        <source>&lt;i&gt;group&lt;/i&gt;, &lt;i&gt;days_since_patrol&lt;/i&gt; (0, 1 … RESIDUAL_DAYS, more), &lt;i&gt;hotspot_days&lt;/i&gt;, &lt;i&gt;crimes&lt;/i&gt;, &lt;i&gt;rate&lt;/i&gt;, &lt;i&gt;rate_ratio&lt;/i&gt; against 'more', &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt;, &lt;i&gt;p_value&lt;/i&gt;.</source>
        <translation type="unfinished">&lt;i&gt;group&lt;/i&gt;, &lt;i&gt;days_since_patrol&lt;/i&gt; (0, 1 … RESIDUAL_DAYS, more), &lt;i&gt;hotspot_days&lt;/i&gt;, &lt;i&gt;crimes&lt;/i&gt;, &lt;i&gt;rate&lt;/i&gt;, &lt;i&gt;rate_ratio&lt;/i&gt; par rapport à 'more', &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt;, &lt;i&gt;p_value&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="246"/>
        <source>Displacement (WDQ)</source>
        <translation type="unfinished">Déplacement (WDQ)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="246"/>
        <source>Optional, with CONTROL and a before period: per group, crimes before and during the patrols in the hotspots, the rings and the control areas (&lt;i&gt;target_before&lt;/i&gt;, &lt;i&gt;target_after&lt;/i&gt;, &lt;i&gt;ring_before&lt;/i&gt;, &lt;i&gt;ring_after&lt;/i&gt;, &lt;i&gt;control_before&lt;/i&gt;, &lt;i&gt;control_after&lt;/i&gt;), &lt;i&gt;success_measure&lt;/i&gt;, &lt;i&gt;buffer_measure&lt;/i&gt;, &lt;i&gt;wdq&lt;/i&gt; and &lt;i&gt;reading&lt;/i&gt;, the quotient in plain words.</source>
        <translation type="unfinished">Facultatif, avec CONTROL et une période avant : par groupe, les infractions avant et pendant les patrouilles dans les points chauds, les couronnes et les zones témoins (&lt;i&gt;target_before&lt;/i&gt;, &lt;i&gt;target_after&lt;/i&gt;, &lt;i&gt;ring_before&lt;/i&gt;, &lt;i&gt;ring_after&lt;/i&gt;, &lt;i&gt;control_before&lt;/i&gt;, &lt;i&gt;control_after&lt;/i&gt;), &lt;i&gt;success_measure&lt;/i&gt;, &lt;i&gt;buffer_measure&lt;/i&gt;, &lt;i&gt;wdq&lt;/i&gt; et &lt;i&gt;reading&lt;/i&gt;, le quotient en termes simples.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="265"/>
        <source>Evaluation report</source>
        <translation type="unfinished">Rapport d'évaluation</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="265"/>
        <source>HTML files (*.html)</source>
        <translation type="unfinished">Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="265"/>
        <source>Optional: the findings in plain words, the residual-deterrence chart and a table per hotspot, as one self-contained HTML file.</source>
        <translation type="unfinished">Facultatif : les résultats en termes simples, le graphique de dissuasion résiduelle et un tableau par point chaud, dans un seul fichier HTML autonome.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="274"/>
        <source>The displacement quotient needs CONTROL together with BEFORE_START and BEFORE_END; give all three, or none.</source>
        <translation type="unfinished">Le quotient de déplacement nécessite CONTROL avec BEFORE_START et BEFORE_END ; indiquez les trois, ou aucun.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="279"/>
        <source>CATEGORY_GROUPS needs CATEGORY_FIELD: the field with the crime type.</source>
        <translation type="unfinished">CATEGORY_GROUPS nécessite CATEGORY_FIELD : le champ contenant le type d'infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="297"/>
        <source>the control areas</source>
        <translation type="unfinished">les zones témoins</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="297"/>
        <source>Choose polygons of comparable areas without patrols</source>
        <translation type="unfinished">Choisissez des polygones de zones comparables sans patrouilles</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="345"/>
        <source>{} and {} are both needed: the first day and the day after the last.</source>
        <translation type="unfinished">{} et {} sont tous deux nécessaires : le premier jour et le lendemain du dernier.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="351"/>
        <source>{} ({}) is not before {} ({}); the period is START &lt;= day &lt; END.</source>
        <translation type="unfinished">{} ({}) n'est pas antérieur à {} ({}) ; la période est START &lt;= jour &lt; END.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="368"/>
        <source>TIME is needed: the field or expression with each crime&apos;s time.</source>
        <translation type="unfinished">TIME est nécessaire : le champ ou l'expression donnant l'heure de chaque infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="369"/>
        <source>Comparing patrol days with other days (a crime known only to its month cannot be put on a day)</source>
        <translation type="unfinished">Comparaison des jours de patrouille avec les autres jours (une infraction connue seulement au mois près ne peut pas être placée sur un jour)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="379"/>
        <source>{} visits name hotspots that are not in HOTSPOTS (e.g. &apos;{}&apos;); they are left out.</source>
        <translation type="unfinished">{} passages désignent des points chauds absents de HOTSPOTS (par ex. '{}') ; ils sont ignorés.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="387"/>
        <source>No visit starts inside the evaluation period {} to {}: check START and END against the visits&apos; dates, and TIMEZONE.</source>
        <translation type="unfinished">Aucun passage ne commence dans la période d'évaluation du {} au {} : vérifiez START et END par rapport aux dates des passages, ainsi que TIMEZONE.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="412"/>
        <source>Group {}: no crime has the type {} (check the spelling).</source>
        <translation type="unfinished">Groupe {} : aucune infraction n'a le type {} (vérifiez l'orthographe).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="494"/>
        <source>{}: weighted displacement quotient {}. {}</source>
        <translation type="unfinished">{} : quotient de déplacement pondéré {}. {}</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="494"/>
        <source>not defined</source>
        <translation type="unfinished">non défini</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="497"/>
        <source>No hotspot-day is more than {} days after a patrol, so the residual-deterrence curve has no baseline: extend END past the end of the patrols, or lower RESIDUAL_DAYS.</source>
        <translation type="unfinished">Aucun jour-point chaud ne se situe plus de {} jours après une patrouille ; la courbe de dissuasion résiduelle n'a donc pas de référence : prolongez END au-delà de la fin des patrouilles, ou réduisez RESIDUAL_DAYS.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="111"/>
        <source>a hotspot-day is patrolled when a visit starts on it. The primary analysis (&lt;i&gt;within_hotspot&lt;/i&gt;) compares each hotspot's patrol days with its own other days (with STRATIFY_WEEKDAY, with the other days of the same hotspot and weekday), so that busy hotspots patrolled more, or less, often than quiet ones cannot bias it: one rate ratio across hotspots, the conditional Poisson (fixed-effects) estimate with its likelihood-ratio interval and test (Breslow &amp;amp; Day 1987), widened for overdispersed daily counts by the quasi-Poisson dispersion read from the hotspot-days and an F reference (Wedderburn 1974): on negative-binomial days the plain Poisson test finds chance effects significant far more often than 5%; hotspots with only one kind of day say nothing and are left out of its counts. With ASSIGNMENT it is by intention to treat: the patrol days are the days the design assigned, visited or not, the comparison a random assignment protects; the visited days, within hotspots, are the secondary &lt;i&gt;as_delivered&lt;/i&gt; row, and the log gives the compliance (assigned hotspot-days with a visit ÷ assigned hotspot-days). The secondary &lt;i&gt;pooled&lt;/i&gt; row puts all hotspot-days together, patrol days against all others, as the Minneapolis experiment compared patrolled and unpatrolled hot spots (Sherman &amp;amp; Weisburd 1995), with the exact conditional test for two Poisson rates: given the total, the split of crimes is binomial, with a Clopper–Pearson interval (Clopper &amp;amp; Pearson 1934), as R's poisson.test (Fay 2010). The report says when the pooled and within-hotspot estimates (on the same visited days) disagree: ratios on opposite sides of 1, one significant at 5% and the other not, intervals that do not overlap, or a pooled ratio more than 20% away from the within-hotspot one. With HARM_WEIGHTS each crime weighs its category's harm (Sherman, Neyroud &amp;amp; Neyroud 2016): &lt;i&gt;harm_ratio&lt;/i&gt; is harm per hotspot-day on patrol days over other days (within hotspots the Mantel–Haenszel form of Greenland &amp;amp; Robins 1985 with harm in place of counts; pooled the ratio of the totals), with a 95% percentile bootstrap interval from 2,000 resamples that redraw each hotspot's patrol days and other days separately (a stratified bootstrap; Efron &amp;amp; Tibshirani 1993), repeatable with SEED. The residual curve compares each day after a patrol with days more than RESIDUAL_DAYS after one: deterrence that outlasts the visit (Koper 1995). The weighted displacement quotient (Bowers &amp;amp; Johnson 2003) compares target (R), ring (D) and control (C) before (b) and during (a) the patrols: success_measure = Ra/Ca − Rb/Cb, buffer_measure = Da/Ca − Db/Cb, wdq = buffer_measure ÷ success_measure. With crime down in the target (a negative success measure), wdq &amp;gt; 0 is a diffusion of benefit into the ring and wdq &amp;lt; 0 displacement (below −1: more than the benefit); otherwise it is not interpretable.</source>
        <translation type="unfinished">un jour-point chaud est patrouillé lorsqu'un passage y commence. L'analyse principale (&lt;i&gt;within_hotspot&lt;/i&gt;) compare les jours de patrouille de chaque point chaud avec ses propres autres jours (avec STRATIFY_WEEKDAY, avec les autres jours du même point chaud et du même jour de la semaine), afin que les points chauds chargés, patrouillés plus ou moins souvent que les calmes, ne puissent pas la biaiser : un seul rapport des taux sur l'ensemble des points chauds, l'estimation de Poisson conditionnelle (à effets fixes) avec son intervalle et son test du rapport de vraisemblance (Breslow &amp;amp; Day 1987), élargis pour les comptages quotidiens surdispersés par la dispersion quasi-Poisson estimée sur les jours-points chauds et une loi F de référence (Wedderburn 1974) : sur des jours binomiaux négatifs, le test de Poisson simple juge des effets dus au hasard significatifs bien plus souvent que dans 5 % des cas ; les points chauds n'ayant qu'un seul type de jour n'apportent rien et sont exclus de ses comptages. Avec ASSIGNMENT, elle se fait en intention de traiter : les jours de patrouille sont les jours affectés par le dispositif, avec ou sans passage, la comparaison que protège une affectation aléatoire ; les jours avec passage, au sein des points chauds, forment la ligne secondaire &lt;i&gt;as_delivered&lt;/i&gt;, et le journal indique la conformité (jours-points chauds affectés avec un passage ÷ jours-points chauds affectés). La ligne secondaire &lt;i&gt;pooled&lt;/i&gt; regroupe tous les jours-points chauds, jours de patrouille contre tous les autres, comme l'expérience de Minneapolis comparait des points chauds patrouillés et non patrouillés (Sherman &amp;amp; Weisburd 1995), avec le test conditionnel exact pour deux taux de Poisson : à total donné, la répartition des infractions est binomiale, avec un intervalle de Clopper–Pearson (Clopper &amp;amp; Pearson 1934), comme poisson.test de R (Fay 2010). Le rapport signale quand les estimations agrégée et au sein des points chauds (sur les mêmes jours avec passage) divergent : rapports de part et d'autre de 1, l'un significatif à 5 % et l'autre non, intervalles qui ne se chevauchent pas, ou un rapport agrégé s'écartant de plus de 20 % de celui obtenu au sein des points chauds. Avec HARM_WEIGHTS, chaque infraction pèse le préjudice de sa catégorie (Sherman, Neyroud &amp;amp; Neyroud 2016) : &lt;i&gt;harm_ratio&lt;/i&gt; est le préjudice par jour-point chaud les jours de patrouille divisé par celui des autres jours (au sein des points chauds, la forme de Mantel–Haenszel de Greenland &amp;amp; Robins 1985 avec le préjudice à la place des comptages ; en agrégé, le rapport des totaux), avec un intervalle bootstrap à 95 % par percentiles sur 2 000 rééchantillonnages qui retirent séparément les jours de patrouille et les autres jours de chaque point chaud (un bootstrap stratifié ; Efron &amp;amp; Tibshirani 1993), reproductible avec SEED. La courbe résiduelle compare chaque jour suivant une patrouille avec les jours situés plus de RESIDUAL_DAYS jours après une patrouille : la dissuasion qui survit au passage (Koper 1995). Le quotient de déplacement pondéré (Bowers &amp;amp; Johnson 2003) compare la cible (R), la couronne (D) et le témoin (C) avant (b) et pendant (a) les patrouilles : success_measure = Ra/Ca − Rb/Cb, buffer_measure = Da/Ca − Db/Cb, wdq = buffer_measure ÷ success_measure. Quand les infractions baissent dans la cible (mesure de succès négative), wdq &amp;gt; 0 indique une diffusion des bénéfices vers la couronne et wdq &amp;lt; 0 un déplacement (en dessous de −1 : plus que le bénéfice) ; sinon il n'est pas interprétable.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="152"/>
        <source>The field with each crime&apos;s type, which CATEGORY_GROUPS groups and HARM_WEIGHTS weighs.</source>
        <translation type="unfinished">Le champ portant le type de chaque infraction, que CATEGORY_GROUPS regroupe et que HARM_WEIGHTS pondère.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="161"/>
        <source>Harm weights (CSV: category,weight)</source>
        <translation type="unfinished">Poids de préjudice (CSV : category,weight)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="161"/>
        <source>Optional: a CSV file with the columns &lt;i&gt;category,weight&lt;/i&gt;, the harm of one crime of each category (e.g. the Cambridge Crime Harm Index&apos;s days), as for Rank hotspots; needs CATEGORY_FIELD. The patrol effect then gives harm beside the counts. A crime whose category is not in the file counts as a crime but carries no harm (the log names those categories).</source>
        <translation type="unfinished">Facultatif : un fichier CSV avec les colonnes &lt;i&gt;category,weight&lt;/i&gt;, le préjudice d'une infraction de chaque catégorie (p. ex. les jours du Cambridge Crime Harm Index), comme pour « Classer les points chauds à patrouiller » ; nécessite CATEGORY_FIELD. L'effet des patrouilles donne alors le préjudice à côté des comptages. Une infraction dont la catégorie n'est pas dans le fichier compte comme infraction mais ne porte aucun préjudice (le journal nomme ces catégories).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="174"/>
        <source>Assignment of patrol days (hotspot_id, date, assigned)</source>
        <translation type="unfinished">Affectation des jours de patrouille (hotspot_id, date, assigned)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="174"/>
        <source>Optional: the days the design assigned each hotspot a patrol, as Generate patrol plan&apos;s OUTPUT_ASSIGNMENT writes them (&lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;assigned&lt;/i&gt; true or false). With it the primary analysis is by intention to treat: assigned days against the other days, visited or not; days not in it are not assigned.</source>
        <translation type="unfinished">Facultatif : les jours où le dispositif a affecté une patrouille à chaque point chaud, tels que les écrit la sortie OUTPUT_ASSIGNMENT de « Générer le plan de patrouille » (&lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;assigned&lt;/i&gt; true ou false). Avec elle, l'analyse principale se fait en intention de traiter : jours affectés contre autres jours, avec ou sans passage ; les jours qui n'y figurent pas ne sont pas affectés.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="181"/>
        <source>Compare within hotspot and weekday</source>
        <translation type="unfinished">Comparer au sein du point chaud et du jour de la semaine</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="181"/>
        <source>Compare patrol days with the other days of the same hotspot and the same weekday, for patrols that favour some weekdays when crime differs by weekday.</source>
        <translation type="unfinished">Comparer les jours de patrouille avec les autres jours du même point chaud et du même jour de la semaine, pour des patrouilles qui privilégient certains jours de la semaine quand les infractions varient selon le jour de la semaine.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="205"/>
        <source>Random seed</source>
        <translation type="unfinished">Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="205"/>
        <source>The seed of the harm intervals&apos; bootstrap: the same inputs and seed give the same intervals.</source>
        <translation type="unfinished">La graine du bootstrap des intervalles de préjudice : les mêmes entrées et la même graine donnent les mêmes intervalles.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="228"/>
        <source>A row per group (and per group&apos;s ring, named &amp;lt;group&amp;gt; (ring)) and analysis, the primary first: &lt;i&gt;group&lt;/i&gt;, &lt;i&gt;analysis&lt;/i&gt; (&lt;i&gt;within_hotspot&lt;/i&gt;: patrol days against the other days of the same hotspot, by intention to treat with ASSIGNMENT; &lt;i&gt;as_delivered&lt;/i&gt;, with ASSIGNMENT: the visited days within hotspots; &lt;i&gt;pooled&lt;/i&gt;: all hotspot-days together), &lt;i&gt;primary&lt;/i&gt; (true on the row to read first), &lt;i&gt;patrol_days&lt;/i&gt;, &lt;i&gt;other_days&lt;/i&gt;, &lt;i&gt;crimes_patrol&lt;/i&gt;, &lt;i&gt;crimes_other&lt;/i&gt; (within hotspots: of the hotspots with both kinds of day), &lt;i&gt;rate_patrol&lt;/i&gt;, &lt;i&gt;rate_other&lt;/i&gt; (crimes per hotspot-day), &lt;i&gt;change_pct&lt;/i&gt;, &lt;i&gt;rate_ratio&lt;/i&gt;, &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt; (its 95% interval), &lt;i&gt;p_value&lt;/i&gt;; with HARM_WEIGHTS &lt;i&gt;harm_patrol&lt;/i&gt;, &lt;i&gt;harm_other&lt;/i&gt; (summed harm), &lt;i&gt;harm_ratio&lt;/i&gt; (harm per hotspot-day, patrol days over other days), &lt;i&gt;harm_ci_low&lt;/i&gt;, &lt;i&gt;harm_ci_high&lt;/i&gt; (its 95% bootstrap interval), else empty.</source>
        <translation type="unfinished">Une ligne par groupe (et par couronne de groupe, nommée &amp;lt;group&amp;gt; (ring)) et par analyse, la principale en premier : &lt;i&gt;group&lt;/i&gt;, &lt;i&gt;analysis&lt;/i&gt; (&lt;i&gt;within_hotspot&lt;/i&gt; : jours de patrouille contre les autres jours du même point chaud, en intention de traiter avec ASSIGNMENT ; &lt;i&gt;as_delivered&lt;/i&gt;, avec ASSIGNMENT : les jours avec passage au sein des points chauds ; &lt;i&gt;pooled&lt;/i&gt; : tous les jours-points chauds regroupés), &lt;i&gt;primary&lt;/i&gt; (true sur la ligne à lire en premier), &lt;i&gt;patrol_days&lt;/i&gt;, &lt;i&gt;other_days&lt;/i&gt;, &lt;i&gt;crimes_patrol&lt;/i&gt;, &lt;i&gt;crimes_other&lt;/i&gt; (au sein des points chauds : ceux des points chauds ayant les deux types de jour), &lt;i&gt;rate_patrol&lt;/i&gt;, &lt;i&gt;rate_other&lt;/i&gt; (infractions par jour-point chaud), &lt;i&gt;change_pct&lt;/i&gt;, &lt;i&gt;rate_ratio&lt;/i&gt;, &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt; (son intervalle à 95 %), &lt;i&gt;p_value&lt;/i&gt; ; avec HARM_WEIGHTS &lt;i&gt;harm_patrol&lt;/i&gt;, &lt;i&gt;harm_other&lt;/i&gt; (préjudice cumulé), &lt;i&gt;harm_ratio&lt;/i&gt; (préjudice par jour-point chaud, jours de patrouille sur autres jours), &lt;i&gt;harm_ci_low&lt;/i&gt;, &lt;i&gt;harm_ci_high&lt;/i&gt; (son intervalle bootstrap à 95 %), sinon vides.</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="254"/>
        <source>Visit length and crime (Koper curve)</source>
        <translation type="unfinished">Durée des passages et infractions (courbe de Koper)</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="254"/>
        <source>Optional, when VISITS has &lt;i&gt;minutes&lt;/i&gt; and the crimes times of day; observational (visits are not given their length at random). &lt;i&gt;measure&lt;/i&gt; &lt;i&gt;after_visit&lt;/i&gt;: per &lt;i&gt;band&lt;/i&gt; of visit length (&amp;lt; 5, 5–10, 10–16 inclusive, &amp;gt; 16 min) the crimes in the hotspot from a visit's end up to 2 hours later, per visit; band &lt;i&gt;no visit (same hours)&lt;/i&gt;: the same hours of the day on days no visit came near. &lt;i&gt;daily_minutes&lt;/i&gt;: crimes per hotspot-day by the day's patrol minutes (0, 1–15, 16–30, 31–60, &amp;gt; 60). &lt;i&gt;units&lt;/i&gt; (visits, 2-hour windows or hotspot-days), &lt;i&gt;crimes&lt;/i&gt;, &lt;i&gt;rate&lt;/i&gt;, &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt; (exact Poisson 95%), &lt;i&gt;ratio_to_baseline&lt;/i&gt; (against no visit, or 0 min).</source>
        <translation type="unfinished">Facultatif, quand VISITS a &lt;i&gt;minutes&lt;/i&gt; et que les infractions ont des heures du jour ; observationnel (la durée des passages n'est pas attribuée au hasard). &lt;i&gt;measure&lt;/i&gt; &lt;i&gt;after_visit&lt;/i&gt; : par &lt;i&gt;band&lt;/i&gt; de durée de passage (&amp;lt; 5, 5–10, 10–16 inclus, &amp;gt; 16 min), les infractions dans le point chaud entre la fin d'un passage et 2 heures plus tard, par passage ; tranche &lt;i&gt;no visit (same hours)&lt;/i&gt; : les mêmes heures du jour les jours sans passage à proximité. &lt;i&gt;daily_minutes&lt;/i&gt; : infractions par jour-point chaud selon les minutes de patrouille du jour (0, 1–15, 16–30, 31–60, &amp;gt; 60). &lt;i&gt;units&lt;/i&gt; (passages, fenêtres de 2 heures ou jours-points chauds), &lt;i&gt;crimes&lt;/i&gt;, &lt;i&gt;rate&lt;/i&gt;, &lt;i&gt;ci_low&lt;/i&gt;, &lt;i&gt;ci_high&lt;/i&gt; (Poisson exact à 95 %), &lt;i&gt;ratio_to_baseline&lt;/i&gt; (par rapport à aucun passage, ou à 0 min).</translation>
    </message>
    <message>
        <location filename="../algorithms/evaluate_patrols.py" line="283"/>
        <source>HARM_WEIGHTS needs CATEGORY_FIELD: the field with the crime type, whose harm the table gives.</source>
        <translation type="unfinished">HARM_WEIGHTS nécessite CATEGORY_FIELD : le champ du type d'infraction, dont la table donne le préjudice.</translation>
    </message>
</context>
<context>
    <name>ForecastHotspotsAlgorithm</name>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="60"/>
        <source>Forecast hotspots</source>
        <translation type="unfinished">Prévoir les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="63"/>
        <source>forecast,predict,predictive policing,hotspot,recency,kernel,prospective,self-exciting,Hawkes,SEPP,backtest,PEI</source>
        <translation type="unfinished">prévision,prédire,police prédictive,point chaud,récence,noyau,prospectif,auto-excitateur,Hawkes,SEPP,test rétrospectif,PEI</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="67"/>
        <source>Scores every cell of the fixed grid for crime in the coming days (the horizon) from the crimes before the forecast start, by one of five methods or by whichever of them would have caught the most crime on this data (best by backtest). Rank patrol hotspots can then choose hotspots by this forecast (RANK_BY forecast).</source>
        <translation type="unfinished">Attribue à chaque cellule de la grille fixe un score d'infractions pour les jours à venir (l'horizon) à partir des infractions antérieures au début de la prévision, selon l'une des cinq méthodes ou selon celle d'entre elles qui aurait capté le plus d'infractions sur ces données (meilleure selon le test rétrospectif). Classer les points chauds à patrouiller peut ensuite choisir les points chauds d'après cette prévision (RANK_BY forecast).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="74"/>
        <source>0 counts the crimes (or weights) of each cell over the last WINDOW_DAYS; 1 weighs each crime by 0.5^(age / HALF_LIFE_DAYS); 2 spreads each crime of the window over the cells within BANDWIDTH by a quartic kernel, each crime adding exactly its weight (the retrospective hotspot map of open_cp, Daws 2017); 3 is prospective hotspotting (Bowers, Johnson &amp;amp; Pease 2004): each crime within BANDWIDTH metres and TIME_BANDWIDTH_DAYS adds 1 / (1 + distance in cells) × 1 / (1 + age in weeks); 4 is the lattice self-exciting point process of Mohler et al. (2015): each cell has a steady background rate μ, and each crime raises its own cell's rate by θω·e^(−ω·t) for a while after it (Mohler et al. 2011 model crime as such a self-exciting process), fitted by expectation–maximisation on the crimes before the start (the log gives μ, θ — the share of crime that follows earlier crime — and the mean delay 1/ω). &lt;i&gt;score&lt;/i&gt; is the expected number of crimes (or weight) in the horizon for 0, 1, 2 and 4 (a rate per day over the window, times the horizon; for 4, the background plus the first generation of follow-on crimes) and a relative score for 3. 5 runs Backtest hotspot forecasts over ORIGINS horizons before the start with every method's settings grid, TOP_N cells, and forecasts with the winner (the best mean PEI*, the NIJ 2017 forecasting challenge's measure; PAI is Chainey et al.'s 2008 index). No crime at or after the start is used. Crimes known only to the month (data.police.uk) work with 0–2 on whole months; 3 and 4 need dates and refuse them.</source>
        <translation type="unfinished">0 compte les infractions (ou les poids) de chaque cellule sur les WINDOW_DAYS derniers jours ; 1 pondère chaque infraction par 0.5^(âge / HALF_LIFE_DAYS) ; 2 répartit chaque infraction de la fenêtre sur les cellules situées à moins de BANDWIDTH par un noyau quartique, chaque infraction apportant exactement son poids (la carte rétrospective des points chauds d'open_cp, Daws 2017) ; 3 est la cartographie prospective des points chauds (Bowers, Johnson &amp;amp; Pease 2004) : chaque infraction située à moins de BANDWIDTH mètres et de TIME_BANDWIDTH_DAYS apporte 1 / (1 + distance en cellules) × 1 / (1 + âge en semaines) ; 4 est le processus ponctuel auto-excitateur sur grille de Mohler et al. (2015) : chaque cellule a un taux de fond constant μ, et chaque infraction augmente le taux de sa propre cellule de θω·e^(−ω·t) pendant un certain temps après elle (Mohler et al. 2011 modélisent la criminalité comme un tel processus auto-excitateur), ajusté par espérance–maximisation sur les infractions antérieures au début (le journal donne μ, θ — la part des infractions qui suivent une infraction antérieure — et le délai moyen 1/ω). &lt;i&gt;score&lt;/i&gt; est le nombre attendu d'infractions (ou de poids) dans l'horizon pour 0, 1, 2 et 4 (un taux par jour sur la fenêtre, multiplié par l'horizon ; pour 4, le fond plus la première génération d'infractions induites) et un score relatif pour 3. 5 exécute Tester rétrospectivement les prévisions de points chauds sur ORIGINS horizons avant le début avec la grille de paramètres de chaque méthode et TOP_N cellules, puis prévoit avec la gagnante (le meilleur PEI* moyen, la mesure du concours de prévision NIJ 2017 ; le PAI est l'indice de Chainey et al. 2008). Aucune infraction survenue au début ou après n'est utilisée. Les infractions connues seulement au mois près (data.police.uk) fonctionnent avec 0–2 sur des mois entiers ; 3 et 4 nécessitent des dates et les refusent.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="96"/>
        <source>Each crime's date (and time): a field or an expression, as in the other algorithms. Month-only data (data.police.uk) work with methods 0–2.</source>
        <translation type="unfinished">La date (et l'heure) de chaque infraction : un champ ou une expression, comme dans les autres algorithmes. Les données au mois près (data.police.uk) fonctionnent avec les méthodes 0–2.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="99"/>
        <source>Weight field (e.g. harm)</source>
        <translation type="unfinished">Champ de poids (p. ex. préjudice)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="99"/>
        <source>An optional weight per crime (e.g. harm, 0 or more): the forecast is then of weight, not of crimes. Not with the self-exciting model, which counts crimes.</source>
        <translation type="unfinished">Un poids facultatif par infraction (p. ex. le préjudice, 0 ou plus) : la prévision porte alors sur le poids, et non sur les infractions. Pas avec le modèle auto-excitateur, qui compte des infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="105"/>
        <source>Forecast start</source>
        <translation type="unfinished">Début de la prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="105"/>
        <source>The first day of the forecast. Only crimes before it are used. Empty: the day after the last crime. On month data, a month start (a later day moves to the next month).</source>
        <translation type="unfinished">Le premier jour de la prévision. Seules les infractions antérieures sont utilisées. Vide : le lendemain de la dernière infraction. Sur des données au mois près, un début de mois (un jour ultérieur passe au mois suivant).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="110"/>
        <source>Horizon (days)</source>
        <translation type="unfinished">Horizon (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="110"/>
        <source>How many days the forecast covers. On month data, whole months.</source>
        <translation type="unfinished">Nombre de jours couverts par la prévision. Sur des données au mois près, des mois entiers.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="113"/>
        <source>Method</source>
        <translation type="unfinished">Méthode</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="113"/>
        <source>0 counts, 1 recency-weighted counts, 2 kernel-smoothed counts, 3 prospective hotspotting, 4 self-exciting point process, 5 best by backtest (see the method).</source>
        <translation type="unfinished">0 comptages, 1 comptages pondérés par la récence, 2 comptages lissés par noyau, 3 cartographie prospective des points chauds, 4 processus ponctuel auto-excitateur, 5 meilleure selon le test rétrospectif (voir Méthode).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="117"/>
        <source>Backtest origins (best by backtest)</source>
        <translation type="unfinished">Origines du test rétrospectif (meilleure selon le test rétrospectif)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="117"/>
        <source>For METHOD 5: how many horizons before the start the methods are tried on.</source>
        <translation type="unfinished">Pour METHOD 5 : sur combien d'horizons avant le début les méthodes sont essayées.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="121"/>
        <source>Hotspots scored (best by backtest)</source>
        <translation type="unfinished">Points chauds évalués (meilleure selon le test rétrospectif)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="121"/>
        <source>For METHOD 5: how many cells each method chooses at each origin.</source>
        <translation type="unfinished">Pour METHOD 5 : nombre de cellules que chaque méthode choisit à chaque origine.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="124"/>
        <source>Forecast</source>
        <translation type="unfinished">Prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="124"/>
        <source>A polygon per cell with a score above 0, highest first: &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;row&lt;/i&gt;, &lt;i&gt;col&lt;/i&gt; (as Grid crimes into cells writes them), &lt;i&gt;score&lt;/i&gt; (expected crimes or weight in the horizon; relative for prospective hotspotting — the log says which) and &lt;i&gt;rank&lt;/i&gt; (1 = highest score; ties by row and column).</source>
        <translation type="unfinished">Un polygone par cellule dont le score est supérieur à 0, les plus élevés en premier : &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;row&lt;/i&gt;, &lt;i&gt;col&lt;/i&gt; (tels que les écrit Compter les infractions par cellule), &lt;i&gt;score&lt;/i&gt; (infractions ou poids attendus dans l'horizon ; relatif pour la cartographie prospective des points chauds — le journal indique lequel) et &lt;i&gt;rank&lt;/i&gt; (1 = score le plus élevé ; égalités départagées par ligne puis par colonne).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="130"/>
        <source>Method used</source>
        <translation type="unfinished">Méthode utilisée</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="130"/>
        <source>The method the forecast used, 0–4 (with METHOD 5, the backtest's winner).</source>
        <translation type="unfinished">La méthode utilisée par la prévision, 0–4 (avec METHOD 5, la gagnante du test rétrospectif).</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="132"/>
        <source>Settings used</source>
        <translation type="unfinished">Paramètres utilisés</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="132"/>
        <source>The method&apos;s settings, e.g. window_days=365.</source>
        <translation type="unfinished">Les paramètres de la méthode, p. ex. window_days=365.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="134"/>
        <source>Cells written</source>
        <translation type="unfinished">Cellules écrites</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="134"/>
        <source>Cells with a score above 0.</source>
        <translation type="unfinished">Cellules dont le score est supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="138"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="145"/>
        <source>WEIGHT_FIELD: the self-exciting model counts crimes; leave the weight empty, or use methods 0–3.</source>
        <translation type="unfinished">WEIGHT_FIELD : le modèle auto-excitateur compte des infractions ; laissez le poids vide, ou utilisez les méthodes 0–3.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="189"/>
        <source>Backtesting {} methods and settings at {} origins from {} to {} …</source>
        <translation type="unfinished">Test rétrospectif de {} méthodes et paramètres à {} origines du {} au {} …</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="195"/>
        <source>  {} ({}): mean PEI* {:.3f}, mean hit rate {:.1%}{}</source>
        <translation type="unfinished">  {} ({}) : PEI* moyen {:.3f}, taux de réussite moyen {:.1%}{}</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="195"/>
        <source> — the winner</source>
        <translation type="unfinished"> — la gagnante</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="202"/>
        <source>{} ({}) from {} for {:g} days: the score is {}.</source>
        <translation type="unfinished">{} ({}) à partir du {} sur {:g} jours : le score est {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="202"/>
        <source>expected crimes in those days</source>
        <translation type="unfinished">le nombre d'infractions attendues sur ces jours</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="202"/>
        <source>relative (higher is more likely)</source>
        <translation type="unfinished">relatif (plus il est élevé, plus c'est probable)</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="208"/>
        <source>Self-exciting model: background {:.3f} crimes a day in all; θ = {:.3f} (the share of crime that follows earlier crime in its cell); ω = {:.4f} a day (a mean delay of {:.1f} days); {} EM iterations{}.</source>
        <translation type="unfinished">Modèle auto-excitateur : fond de {:.3f} infractions par jour au total ; θ = {:.3f} (la part des infractions qui suivent une infraction antérieure dans leur cellule) ; ω = {:.4f} par jour (un délai moyen de {:.1f} jours) ; {} itérations EM{}.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="208"/>
        <source>, not converged: read it with care</source>
        <translation type="unfinished">, sans convergence : à interpréter avec prudence</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="181"/>
        <source>Best by backtest needs at least two horizons of {:g} days of crimes before the start, and they begin on {}: choose a method (0–4), a shorter HORIZON_DAYS or a later FORECAST_START.</source>
        <translation type="unfinished">« Meilleure selon le test rétrospectif » nécessite au moins deux horizons de {:g} jours d'infractions avant le début, et elles commencent le {} : choisissez une méthode (0–4), un HORIZON_DAYS plus court ou un FORECAST_START plus tardif.</translation>
    </message>
    <message>
        <location filename="../algorithms/forecast_hotspots.py" line="186"/>
        <source>Only {} of the ORIGINS {} backtest horizons fit in the history before the start: the methods are compared on {}.</source>
        <translation type="unfinished">Seuls {} des {} horizons de test rétrospectif demandés par ORIGINS tiennent dans l'historique avant le début : les méthodes sont comparées sur {}.</translation>
    </message>
</context>
<context>
    <name>GetisOrdAlgorithm</name>
    <message>
        <location filename="../algorithms/getis_ord.py" line="37"/>
        <source>Hot spot analysis (Getis-Ord Gi*)</source>
        <translation type="unfinished">Analyse des points chauds (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="40"/>
        <source>hot spot,hotspot,cold spot,Getis-Ord,Gi*,cluster,significance,statistics,ArcGIS</source>
        <translation type="unfinished">point chaud,point froid,Getis-Ord,Gi*,agrégat,cluster,significativité,statistiques,ArcGIS</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="43"/>
        <source>Finds statistically significant clusters of high values (hot spots) and low values (cold spots) with the Getis-Ord Gi* statistic, as ArcGIS&apos;s Hot Spot Analysis, with numpy and scipy alone. A cell is a hot spot when it and its neighbours together hold much more crime than chance would give, not merely when it is busy itself.</source>
        <translation type="unfinished">Détecte les agrégats statistiquement significatifs de valeurs élevées (points chauds) et de valeurs faibles (points froids) avec la statistique Gi* de Getis-Ord, comme l'outil Hot Spot Analysis d'ArcGIS, avec numpy et scipy seulement. Une cellule est un point chaud quand elle et ses voisines concentrent ensemble beaucoup plus d'infractions que le hasard n'en donnerait, et pas simplement quand elle est elle-même très chargée.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="50"/>
        <source>the local Gi* of Getis &amp;amp; Ord (1992) with binary weights and Ord &amp;amp; Getis's (1995) closed-form z-scores — the same numbers as PySAL esda's G_Local(y, w, transform='B', star=...). Neighbours come from a KD-tree; square cells of this plugin's grid (a cell_id field such as S150_3521_11234) are handled by a lattice convolution. With FDR, a bin is kept only when its p-value passes Benjamini &amp;amp; Hochberg's (1995) step-up procedure at that level.</source>
        <translation type="unfinished">le Gi* local de Getis &amp;amp; Ord (1992) avec des poids binaires et les scores z sous forme analytique de Ord &amp;amp; Getis (1995) — les mêmes valeurs que G_Local(y, w, transform='B', star=...) de esda (PySAL). Les voisins proviennent d'un arbre KD ; les cellules carrées de la grille de ce plugin (un champ cell_id tel que S150_3521_11234) sont traitées par une convolution sur réseau. Avec FDR, une classe n'est conservée que si sa p-value passe la procédure ascendante de Benjamini &amp;amp; Hochberg (1995) à ce niveau.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="58"/>
        <source>Input layer</source>
        <translation type="unfinished">Couche d'entrée</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="58"/>
        <source>Points or polygons (polygons use their centroid), e.g. the crime grid of Grid crimes into cells.</source>
        <translation type="unfinished">Points ou polygones (les polygones utilisent leur centroïde), par ex. la grille d'infractions produite par Compter les infractions par cellule.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="62"/>
        <source>Value field</source>
        <translation type="unfinished">Champ de valeur</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="62"/>
        <source>The numeric value to analyse, e.g. count.</source>
        <translation type="unfinished">La valeur numérique à analyser, par ex. count.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="66"/>
        <source>Distance band (metres; empty: smallest that connects every feature)</source>
        <translation type="unfinished">Bande de distance (mètres ; vide : la plus petite qui relie chaque entité)</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="66"/>
        <source>A fixed distance band in metres; a feature is a neighbour when its distance is &amp;lt;= DISTANCE (inclusive). Empty: the smallest distance that gives every feature at least one neighbour (reported in the log). A feature with no neighbour within DISTANCE is not classified (null gi_z and gi_p, gi_bin 0; the log says how many). A band making more than 100 million neighbour pairs is refused before any is built, with the largest band that fits.</source>
        <translation type="unfinished">Une bande de distance fixe en mètres ; une entité est voisine quand sa distance est &amp;lt;= DISTANCE (inclus). Vide : la plus petite distance qui donne à chaque entité au moins un voisin (indiquée dans le journal). Une entité sans voisin à moins de DISTANCE n'est pas classée (gi_z et gi_p nuls, gi_bin 0 ; le journal indique combien). Une bande produisant plus de 100 millions de paires de voisins est refusée avant d'en construire aucune, avec la plus grande bande qui convient.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="75"/>
        <source>Gi* (include each feature itself)</source>
        <translation type="unfinished">Gi* (inclure chaque entité elle-même)</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="75"/>
        <source>True for Gi*, each feature its own neighbour; false for Gi.</source>
        <translation type="unfinished">Vrai pour Gi*, chaque entité étant sa propre voisine ; faux pour Gi.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="78"/>
        <source>False discovery rate correction</source>
        <translation type="unfinished">Correction du taux de fausses découvertes</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="78"/>
        <source>Apply the Benjamini–Hochberg false-discovery-rate correction to the confidence bins (recommended with many features).</source>
        <translation type="unfinished">Applique la correction du taux de fausses découvertes de Benjamini–Hochberg aux classes de confiance (recommandé avec de nombreuses entités).</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="83"/>
        <source>The metric CRS in which distances are measured. By default a layer projected in metres is used as it is; a geographic layer or one in feet is measured in British National Grid in Great Britain, else in the UTM zone of the centre of its extent. OUTPUT stays in the input&apos;s CRS.</source>
        <translation type="unfinished">Le SCR métrique dans lequel les distances sont mesurées. Par défaut, une couche projetée en mètres est utilisée telle quelle ; une couche géographique ou en pieds est mesurée en British National Grid en Grande-Bretagne, sinon dans la zone UTM du centre de son emprise. OUTPUT reste dans le SCR de l'entrée.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="96"/>
        <source>Hot spots</source>
        <translation type="unfinished">Points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="87"/>
        <source>The input features and fields, in the input&apos;s CRS, plus &lt;i&gt;gi_z&lt;/i&gt; (z-score), &lt;i&gt;gi_p&lt;/i&gt; (two-sided normal p-value) and &lt;i&gt;gi_bin&lt;/i&gt;: 3/2/1 hot spot at 99/95/90% confidence, -3/-2/-1 cold spot, 0 not significant (ArcGIS&apos;s Gi_Bin). Features with no geometry or a null value are not analysed and get nulls; an analysed feature whose z-score is undefined (no neighbour, or no variation) gets null gi_z and gi_p and gi_bin 0.</source>
        <translation type="unfinished">Les entités et champs d'entrée, dans le SCR de l'entrée, plus &lt;i&gt;gi_z&lt;/i&gt; (score z), &lt;i&gt;gi_p&lt;/i&gt; (p-value normale bilatérale) et &lt;i&gt;gi_bin&lt;/i&gt; : 3/2/1 point chaud à 99/95/90% de confiance, -3/-2/-1 point froid, 0 non significatif (Gi_Bin d'ArcGIS). Les entités sans géométrie ou avec une valeur nulle ne sont pas analysées et reçoivent des valeurs nulles ; une entité analysée dont le score z est indéfini (pas de voisin, ou pas de variation) reçoit gi_z et gi_p nuls et gi_bin 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="94"/>
        <source>Distance band used (metres)</source>
        <translation type="unfinished">Bande de distance utilisée (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="94"/>
        <source>The distance band used (metres).</source>
        <translation type="unfinished">La bande de distance utilisée (mètres).</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="96"/>
        <source>Features in a hot bin (90% confidence or more).</source>
        <translation type="unfinished">Entités dans une classe chaude (confiance de 90% ou plus).</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="98"/>
        <source>Cold spots</source>
        <translation type="unfinished">Points froids</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="98"/>
        <source>Features in a cold bin (90% confidence or more).</source>
        <translation type="unfinished">Entités dans une classe froide (confiance de 90% ou plus).</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="105"/>
        <source>DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the smallest band that gives every feature a neighbour.</source>
        <translation type="unfinished">DISTANCE doit être un nombre de mètres supérieur ou égal à 0, pas {} ; laissez-la vide pour la plus petite bande qui donne un voisin à chaque entité.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="121"/>
        <source>Getis-Ord needs at least two features with a geometry and a value in &apos;{}&apos;; this layer has {}.</source>
        <translation type="unfinished">Getis-Ord nécessite au moins deux entités ayant une géométrie et une valeur dans '{}' ; cette couche en a {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="125"/>
        <source>{} features without a geometry or a value were left out.</source>
        <translation type="unfinished">{} entités sans géométrie ou sans valeur ont été ignorées.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="133"/>
        <source>Features are cells of one square grid: lattice convolution.</source>
        <translation type="unfinished">Les entités sont les cellules d'une même grille carrée : convolution sur réseau.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="143"/>
        <source>{} hot spot and {} cold spot features at 90% confidence or more.</source>
        <translation type="unfinished">{} entités en point chaud et {} en point froid à 90% de confiance ou plus.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="153"/>
        <source>Distance band: {:.1f} m, the smallest that gives every feature a neighbour.</source>
        <translation type="unfinished">Bande de distance : {:.1f} m, la plus petite qui donne un voisin à chaque entité.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="162"/>
        <source>{:,} of {:,} features have no neighbour within DISTANCE {:g} m: they are not classified (gi_z and gi_p NULL, gi_bin 0), as nothing around them can make a hot or a cold spot. {:.1f} m is the smallest band that gives every feature a neighbour; leave DISTANCE empty to use it.</source>
        <translation type="unfinished">{:,} entités sur {:,} n'ont aucun voisin à moins de DISTANCE {:g} m : elles ne sont pas classées (gi_z et gi_p NULL, gi_bin 0), car rien autour d'elles ne peut former un point chaud ou un point froid. {:.1f} m est la plus petite bande qui donne un voisin à chaque entité ; laissez DISTANCE vide pour l'utiliser.</translation>
    </message>
    <message>
        <location filename="../algorithms/getis_ord.py" line="168"/>
        <source>No feature could be scored: the values do not vary, or DISTANCE {:g} m makes every feature a neighbour of every other, so nothing stands out. Use a smaller DISTANCE.</source>
        <translation type="unfinished">Aucune entité n'a pu être évaluée : les valeurs ne varient pas, ou DISTANCE {:g} m rend chaque entité voisine de toutes les autres, si bien que rien ne ressort. Utilisez une DISTANCE plus petite.</translation>
    </message>
</context>
<context>
    <name>GridCrimesAlgorithm</name>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="50"/>
        <source>Grid crimes into cells</source>
        <translation type="unfinished">Compter les infractions par cellule</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="53"/>
        <source>grid,cells,count,crime,hotspot,fishnet,hexagon,rank,concentration,weight,harm</source>
        <translation type="unfinished">grille,cellules,comptage,infraction,point chaud,maillage,hexagone,rang,concentration,poids,préjudice</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="56"/>
        <source>Counts crimes into the cells of a fixed grid, such as the 150 m squares of the hotspot patrol pilots, and ranks the cells from the most crime to the least: the first map to look at before choosing hotspots.</source>
        <translation type="unfinished">Compte les infractions dans les cellules d'une grille fixe, comme les carrés de 150 m des pilotes de patrouille des points chauds, et classe les cellules de celle qui compte le plus d'infractions à celle qui en compte le moins : la première carte à regarder avant de choisir les points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="76"/>
        <source>Weight field (e.g. harm)</source>
        <translation type="unfinished">Champ de poids (p. ex. préjudice)</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="76"/>
        <source>An optional numeric weight per crime (e.g. harm), 0 or more; ranking and shares then use the weight. Crimes with a null weight are skipped and counted; a negative weight is refused (it would take crime away from a cell).</source>
        <translation type="unfinished">Un poids numérique facultatif par infraction (p. ex. le préjudice), 0 ou plus ; le classement et les parts utilisent alors le poids. Les infractions au poids nul sont ignorées et comptées ; un poids négatif est refusé (il retirerait des infractions à une cellule).</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="83"/>
        <source>The end of each crime&apos;s time window (e.g. a burglary between 18:00 Friday and 09:00 Monday). With START or END, a crime counts when its window [TIME, TIME_END) overlaps the period, weighted by the share of the window inside it (aoristic, Ratcliffe 2002): a window half inside counts a half in &lt;i&gt;weight&lt;/i&gt; and in the ranking, and 1 in &lt;i&gt;count&lt;/i&gt;. Windows are measured in wall-clock minutes. A null TIME_END is a known time; an end before its TIME skips the crime.</source>
        <translation type="unfinished">La fin de la fenêtre temporelle de chaque infraction (p. ex. un cambriolage entre 18:00 le vendredi et 09:00 le lundi). Avec START ou END, une infraction compte lorsque sa fenêtre [TIME, TIME_END) chevauche la période, pondérée par la part de la fenêtre qui s'y trouve (méthode aoristique, Ratcliffe 2002) : une fenêtre à moitié à l'intérieur compte pour une moitié dans &lt;i&gt;weight&lt;/i&gt; et dans le classement, et pour 1 dans &lt;i&gt;count&lt;/i&gt;. Les fenêtres sont mesurées en minutes d'horloge murale. Un TIME_END nul signifie une heure connue ; une fin antérieure à son TIME fait ignorer l'infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="90"/>
        <source>Keep empty cells of the extent</source>
        <translation type="unfinished">Conserver les cellules vides de l'emprise</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="90"/>
        <source>Write every cell of the layer&apos;s extent (of EXTENT when given), not only the cells with crime. Crimes far outside the area holding the rest (flagged and named in the log on every read) must not blow up the grid: when they would make it more than 1.2 times the cells the other crimes need, the run is refused, naming them; give EXTENT or leave them out.</source>
        <translation type="unfinished">Écrire toutes les cellules de l'emprise de la couche (de EXTENT s'il est indiqué), et pas seulement les cellules contenant des infractions. Les infractions situées loin de la zone où se trouvent les autres (signalées et nommées dans le journal à chaque lecture) ne doivent pas faire exploser la grille : quand elles la porteraient à plus de 1,2 fois les cellules nécessaires aux autres infractions, l'exécution est refusée en les nommant ; indiquez EXTENT ou écartez-les.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="96"/>
        <source>Extent to grid</source>
        <translation type="unfinished">Emprise à quadriller</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="96"/>
        <source>The rectangle to grid (with its CRS; typed without one, it is in INPUT&apos;s CRS). Crimes outside it are left out and counted in SKIPPED_OUTSIDE_EXTENT. Give the same EXTENT to grids of different periods or layers to make them cover the same cells. Empty: the crimes&apos; extent.</source>
        <translation type="unfinished">Le rectangle à quadriller (avec son SCR ; saisi sans SCR, il est dans le SCR de INPUT). Les infractions situées hors de ce rectangle sont écartées et comptées dans SKIPPED_OUTSIDE_EXTENT. Donnez la même valeur de EXTENT aux grilles de différentes périodes ou couches afin qu'elles couvrent les mêmes cellules. Vide : l'emprise des infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="101"/>
        <source>Crime grid</source>
        <translation type="unfinished">Grille des infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="101"/>
        <source>A polygon per cell with &lt;i&gt;cell_id&lt;/i&gt; (S for square or H for hexagon, the cell size, column and row, e.g. S150_3521_11234 — the same in every run), &lt;i&gt;row&lt;/i&gt; and &lt;i&gt;col&lt;/i&gt; (the cell's position on the lattice), &lt;i&gt;count&lt;/i&gt; (crimes in the cell), &lt;i&gt;weight&lt;/i&gt; (their summed weight, times each window's share inside the period with TIME_END; only with WEIGHT_FIELD or TIME_END), &lt;i&gt;rank&lt;/i&gt; (1 = most crime, by weight with WEIGHT_FIELD), &lt;i&gt;share&lt;/i&gt; (the cell's fraction of all counted crime) and &lt;i&gt;cum_share&lt;/i&gt; (share cumulated down the ranking).</source>
        <translation type="unfinished">Un polygone par cellule avec &lt;i&gt;cell_id&lt;/i&gt; (S pour carré ou H pour hexagone, la taille de cellule, la colonne et la ligne, p. ex. S150_3521_11234 — identique à chaque exécution), &lt;i&gt;row&lt;/i&gt; et &lt;i&gt;col&lt;/i&gt; (la position de la cellule sur le réseau), &lt;i&gt;count&lt;/i&gt; (infractions dans la cellule), &lt;i&gt;weight&lt;/i&gt; (somme de leurs poids, multipliés par la part de chaque fenêtre située dans la période avec TIME_END ; seulement avec WEIGHT_FIELD ou TIME_END), &lt;i&gt;rank&lt;/i&gt; (1 = le plus d'infractions, selon le poids avec WEIGHT_FIELD), &lt;i&gt;share&lt;/i&gt; (la fraction de toutes les infractions comptées qui tombe dans la cellule) et &lt;i&gt;cum_share&lt;/i&gt; (part cumulée en descendant le classement).</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="110"/>
        <source>Crimes counted</source>
        <translation type="unfinished">Infractions comptées</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="110"/>
        <source>Crimes counted into the cells.</source>
        <translation type="unfinished">Infractions comptées dans les cellules.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="112"/>
        <source>Crimes skipped: no geometry</source>
        <translation type="unfinished">Infractions ignorées : sans géométrie</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="112"/>
        <source>Crimes skipped for having no point geometry.</source>
        <translation type="unfinished">Infractions ignorées faute de géométrie ponctuelle.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="115"/>
        <source>Crimes skipped: outside START/END</source>
        <translation type="unfinished">Infractions ignorées : hors de START/END</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="115"/>
        <source>Crimes skipped for being outside the period START to END.</source>
        <translation type="unfinished">Infractions ignorées car situées hors de la période de START à END.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="118"/>
        <source>Crimes skipped: null or unreadable time</source>
        <translation type="unfinished">Infractions ignorées : heure nulle ou illisible</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="118"/>
        <source>Crimes skipped for a null or unreadable time, an unreadable TIME_END, or a TIME_END before TIME.</source>
        <translation type="unfinished">Infractions ignorées pour une heure nulle ou illisible, un TIME_END illisible, ou un TIME_END antérieur à TIME.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="122"/>
        <source>Crimes skipped: null weight</source>
        <translation type="unfinished">Infractions ignorées : poids nul</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="122"/>
        <source>Crimes skipped for a null weight in WEIGHT_FIELD.</source>
        <translation type="unfinished">Infractions ignorées pour un poids nul dans WEIGHT_FIELD.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="125"/>
        <source>Crimes skipped: outside EXTENT</source>
        <translation type="unfinished">Infractions ignorées : hors de EXTENT</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="125"/>
        <source>Crimes skipped for being outside EXTENT.</source>
        <translation type="unfinished">Infractions ignorées car situées hors de EXTENT.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="128"/>
        <source>Cells written</source>
        <translation type="unfinished">Cellules écrites</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="128"/>
        <source>Cells written to OUTPUT.</source>
        <translation type="unfinished">Cellules écrites dans OUTPUT.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="130"/>
        <source>Share of crime in the busiest 5% of non-empty cells</source>
        <translation type="unfinished">Part des infractions dans les 5% de cellules non vides les plus chargées</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="130"/>
        <source>The share of crime in the busiest 5% of non-empty cells, a quick measure of how concentrated crime is (Weisburd 2015).</source>
        <translation type="unfinished">La part des infractions dans les 5% de cellules non vides les plus chargées, une mesure rapide de la concentration des infractions (Weisburd 2015).</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="192"/>
        <source>No crimes are left to count ({}). Check WEIGHT_FIELD, TIME, START, END and EXTENT.</source>
        <translation type="unfinished">Il ne reste aucune infraction à compter ({}). Vérifiez WEIGHT_FIELD, TIME, START, END et EXTENT.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="158"/>
        <source>{} crimes in {} cells; the busiest 5% of non-empty cells hold {:.1%} of the crime.</source>
        <translation type="unfinished">{} infractions dans {} cellules ; les 5% de cellules non vides les plus chargées contiennent {:.1%} des infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="205"/>
        <source>cells of {:g} m</source>
        <translation type="unfinished">cellules de {:g} m</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="210"/>
        <source>{:,} crimes outside EXTENT were left out.</source>
        <translation type="unfinished">{:,} infractions situées hors de EXTENT ont été écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/grid_crimes.py" line="62"/>
        <source>&lt;b&gt;the grid never moves.&lt;/b&gt; Cells are aligned to multiples of the cell size in the CRS used: square cell (col, row) covers [col·s, (col+1)·s) × [row·s, (row+1)·s). Hexagons (pointy-topped, the same area as the square) lie on a fixed lattice centred on the CRS origin. So a place has the same cell, id and outline in every run and every period, and periods can be compared cell by cell — unlike Create grid, which starts at the data's extent. Ties in the ranking are ordered by count, then row, then column, ascending (south before north, west before east). Without TIME, a period, EXTENT or KEEP_EMPTY, a plain file layer in a CRS in metres (or with TARGET_CRS) is counted as it is read, a batch at a time, so memory follows the cells with crime, not the crimes. Far outliers are then found from the cells (to within a cell).</source>
        <translation type="unfinished">&lt;b&gt;la grille ne bouge jamais.&lt;/b&gt; Les cellules sont alignées sur les multiples de la taille de cellule dans le SCR utilisé : la cellule carrée (col, row) couvre [col·s, (col+1)·s) × [row·s, (row+1)·s). Les hexagones (pointe vers le haut, de même surface que le carré) reposent sur un réseau fixe centré sur l'origine du SCR. Un lieu a donc la même cellule, le même identifiant et le même contour à chaque exécution et pour chaque période, et les périodes peuvent être comparées cellule par cellule — contrairement à Créer une grille, qui part de l'emprise des données. Les égalités du classement sont départagées par le nombre, puis la ligne, puis la colonne, par ordre croissant (le sud avant le nord, l'ouest avant l'est). Sans TIME, période, EXTENT ni KEEP_EMPTY, une couche fichier simple dans un SCR en mètres (ou avec TARGET_CRS) est comptée au fil de la lecture, un lot à la fois : la mémoire suit les cellules qui ont des infractions, pas les infractions. Les valeurs aberrantes lointaines sont alors repérées à partir des cellules (à une cellule près).</translation>
    </message>
</context>
<context>
    <name>HotspotAlgorithm</name>
    <message>
        <location filename="../algorithms/cell_writer.py" line="53"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="134"/>
        <source>1 · See: where crime is</source>
        <translation type="unfinished">1 · Voir : où sont les infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="134"/>
        <source>2 · Choose hotspots</source>
        <translation type="unfinished">2 · Choisir les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="135"/>
        <source>3 · Plan patrols</source>
        <translation type="unfinished">3 · Planifier les patrouilles</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="135"/>
        <source>4 · Learn: did it work?</source>
        <translation type="unfinished">4 · Apprendre : cela a-t-il marché ?</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="261"/>
        <source>{} is the file of the input {} (&apos;{}&apos;): writing it would destroy the input, and inputs are never modified. Choose another {} file.</source>
        <translation type="unfinished">{} est le fichier de l'entrée {} ('{}') : l'écrire détruirait l'entrée, et les entrées ne sont jamais modifiées. Choisissez un autre fichier {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="266"/>
        <source>{} (&apos;{}&apos;) is a file in the input folder {} (&apos;{}&apos;): writing it would change the input, and inputs are never modified. Choose another {} file.</source>
        <translation type="unfinished">{} ('{}') est un fichier du dossier d'entrée {} ('{}') : l'écrire modifierait l'entrée, et les entrées ne sont jamais modifiées. Choisissez un autre fichier {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="272"/>
        <source>{} and {} are the same file (&apos;{}&apos;): the second would overwrite the first. Choose another {} file.</source>
        <translation type="unfinished">{} et {} sont le même fichier ('{}') : le second écraserait le premier. Choisissez un autre fichier {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="277"/>
        <source>Could not create the raster {} &apos;{}&apos;: {}. Choose another file name or folder.</source>
        <translation type="unfinished">Impossible de créer le raster {} '{}' : {}. Choisissez un autre nom de fichier ou un autre dossier.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="277"/>
        <source>Cannot write {} &apos;{}&apos;: {}. Choose another file name or folder.</source>
        <translation type="unfinished">Impossible d'écrire {} '{}' : {}. Choisissez un autre nom de fichier ou un autre dossier.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="295"/>
        <source>{} '{}' is not a valid expression ({}). Check its syntax; a field named like a word of the expression language (when, case, end, and, or, not…) must be written in double quotes, e.g. &quot;when&quot;.</source>
        <translation type="unfinished">{} '{}' n'est pas une expression valide ({}). Vérifiez sa syntaxe ; un champ nommé comme un mot du langage d'expression (when, case, end, and, or, not…) doit être écrit entre guillemets doubles, p. ex. &quot;when&quot;.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="309"/>
        <source>{} refers to the field &apos;{}&apos;, which {} does not have (its fields: {}). Choose one of its fields.</source>
        <translation type="unfinished">{} fait référence au champ '{}', que {} ne possède pas (ses champs : {}). Choisissez l'un de ses champs.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="356"/>
        <source>points</source>
        <translation type="unfinished">points</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="356"/>
        <source>lines</source>
        <translation type="unfinished">lignes</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="359"/>
        <source>{} holds {}, not polygons: each is taken as the area within {} = {:g} m of it.</source>
        <translation type="unfinished">{} contient des {}, et non des polygones : chaque entité est remplacée par la zone située à moins de {} = {:g} m d'elle.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="362"/>
        <source>Choose the hotspot polygons, as &apos;Rank patrol hotspots&apos; writes them</source>
        <translation type="unfinished">Choisissez les polygones des points chauds, tels que « Classer les points chauds à patrouiller » les écrit</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="364"/>
        <source>, or set {} above 0 m to take the area within that distance of each of the {}</source>
        <translation type="unfinished">, ou réglez {} au-dessus de 0 m pour prendre la zone située à cette distance autour de chacun des éléments ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="366"/>
        <source>{} must be polygons ({}), but it holds {}. {}.</source>
        <translation type="unfinished">{} doit contenir des polygones ({}), mais contient des {}. {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="366"/>
        <source>the hotspot areas</source>
        <translation type="unfinished">les zones des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="366"/>
        <source>no geometry</source>
        <translation type="unfinished">entités sans géométrie</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="382"/>
        <source>Crimes (points)</source>
        <translation type="unfinished">Infractions (points)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="382"/>
        <source>Crime points; each part of a multipoint is a crime.</source>
        <translation type="unfinished">Points d'infractions ; chaque partie d'un multipoint est une infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="388"/>
        <source>Cell size (metres)</source>
        <translation type="unfinished">Taille de cellule (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="388"/>
        <source>The side of a square cell in metres (150 m is the unit of the hotspot patrol pilots); a hexagon has the same area. At least 1 cm, and at least a billionth of the largest coordinate (float64 cannot keep the corners of smaller cells apart).</source>
        <translation type="unfinished">Le côté d'une cellule carrée en mètres (150 m est l'unité des pilotes de patrouille des points chauds) ; un hexagone a la même surface. Au moins 1 cm, et au moins un milliardième de la plus grande coordonnée (en float64, les coins de cellules plus petites ne peuvent plus être distingués).</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="395"/>
        <source>Cell shape</source>
        <translation type="unfinished">Forme des cellules</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="395"/>
        <source>Square</source>
        <translation type="unfinished">Carré</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="395"/>
        <source>Hexagon</source>
        <translation type="unfinished">Hexagone</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="395"/>
        <source>Square cells, or pointy-topped hexagons of the same area, on a lattice fixed to the CRS&apos;s origin.</source>
        <translation type="unfinished">Cellules carrées, ou hexagones pointe vers le haut de même surface, sur un réseau fixé à l'origine du SCR.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="411"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="411"/>
        <source>The crime&apos;s date and time: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm or yyyy-MM). Times are compared as written (wall-clock). A date and a time of day kept in two fields can be joined in the expression, e.g. &lt;code&gt;&quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date or text date, time or text time).</source>
        <translation type="unfinished">La date et l'heure de l'infraction : un champ ou une expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm ou yyyy-MM). Les heures sont comparées telles qu'écrites (heure murale). Une date et une heure conservées dans deux champs peuvent être réunies dans l'expression, p. ex. &lt;code&gt;&quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date ou date en texte, heure ou heure en texte).</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="419"/>
        <source>Count crimes from (inclusive)</source>
        <translation type="unfinished">Compter les infractions à partir de (inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="419"/>
        <source>The start of the period: a crime counts when START &amp;lt;= time &amp;lt; END. A START finer than the times can say (a day on data.police.uk months) is refused. Empty: from the first crime.</source>
        <translation type="unfinished">Le début de la période : une infraction compte lorsque START &amp;lt;= heure &amp;lt; END. Un START plus précis que ce que les heures peuvent exprimer (un jour sur des mois data.police.uk) est refusé. Vide : depuis la première infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="424"/>
        <source>Count crimes until (exclusive)</source>
        <translation type="unfinished">Compter les infractions jusqu'à (exclu)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="424"/>
        <source>The end of the period (exclusive). An END finer than the times can say is refused. Empty: to the last crime.</source>
        <translation type="unfinished">La fin de la période (exclue). Un END plus précis que ce que les heures peuvent exprimer est refusé. Vide : jusqu'à la dernière infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="430"/>
        <source>Work in CRS (projected, metres; default: the layer&apos;s, or British National Grid or UTM by where the crimes are)</source>
        <translation type="unfinished">SCR de travail (projeté, en mètres ; par défaut : celui de la couche, ou British National Grid ou UTM selon l'emplacement des infractions)</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="430"/>
        <source>The metric CRS to work in. By default a layer projected in metres is used as it is; a geographic layer or one in feet is reprojected by where the bulk of its crimes lies (their median): British National Grid in Great Britain, else the UTM zone of the median. The log names the CRS; the outputs are in it.</source>
        <translation type="unfinished">Le SCR métrique dans lequel travailler. Par défaut, une couche projetée en mètres est utilisée telle quelle ; une couche géographique ou en pieds est reprojetée selon l'endroit où se trouve l'essentiel de ses infractions (leur médiane) : British National Grid en Grande-Bretagne, sinon la zone UTM de la médiane. Le journal indique le SCR ; les sorties sont dans ce SCR.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="195"/>
        <source>Parameters</source>
        <translation type="unfinished">Paramètres</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="195"/>
        <source>Outputs</source>
        <translation type="unfinished">Sorties</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="195"/>
        <source>Method</source>
        <translation type="unfinished">Méthode</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="195"/>
        <source>References</source>
        <translation type="unfinished">Références</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="405"/>
        <source>CELL_SIZE must be more than 0 metres (it is {:g}); the patrol pilots used 150.</source>
        <translation type="unfinished">CELL_SIZE doit être supérieur à 0 mètre (il vaut {:g}) ; les expérimentations de patrouille utilisaient 150.</translation>
    </message>
    <message>
        <location filename="../algorithms/cell_writer.py" line="61"/>
        <source>Could not write a cell to the output: {}</source>
        <translation type="unfinished">Impossible d'écrire une cellule dans la sortie : {}</translation>
    </message>
</context>
<context>
    <name>HotspotPatrolDock</name>
    <message>
        <location filename="../ui/dock.py" line="393"/>
        <source>Hotspot Patrol</source>
        <translation type="unfinished">Hotspot Patrol</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="113"/>
        <source>Plan</source>
        <translation type="unfinished">Plan</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="114"/>
        <source>Visits</source>
        <translation type="unfinished">Passages</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="118"/>
        <source>Rank and plan</source>
        <translation type="unfinished">Classer et planifier</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="119"/>
        <source>Rank the hotspots, plan the patrols and add the results to the project, in the background</source>
        <translation type="unfinished">Classer les points chauds, planifier les patrouilles et ajouter les résultats au projet, en arrière-plan</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="122"/>
        <source>Cancel</source>
        <translation type="unfinished">Annuler</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="301"/>
        <source>The crime layer was removed from the project: the run was cancelled.</source>
        <translation type="unfinished">La couche des infractions a été retirée du projet : l'exécution a été annulée.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="304"/>
        <source>The plan&apos;s layers were removed from the project.</source>
        <translation type="unfinished">Les couches du plan ont été retirées du projet.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="340"/>
        <source>Save the patrol visits</source>
        <translation type="unfinished">Enregistrer les passages de patrouille</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="340"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished">GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="345"/>
        <source>Save the visits table</source>
        <translation type="unfinished">Enregistrer la table des passages</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="345"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished">CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="348"/>
        <source>Save the patrol calendar</source>
        <translation type="unfinished">Enregistrer le calendrier des patrouilles</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="348"/>
        <source>iCalendar (*.ics)</source>
        <translation type="unfinished">iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="376"/>
        <source>The briefing pack algorithm is not installed.</source>
        <translation type="unfinished">L'algorithme du dossier de briefing n'est pas installé.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="263"/>
        <source>The results are in {}.</source>
        <translation type="unfinished">Les résultats sont dans {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="365"/>
        <source>Save the results in</source>
        <translation type="unfinished">Enregistrer les résultats dans</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="262"/>
        <source>Temporary results: Save results… keeps them.</source>
        <translation type="unfinished">Résultats temporaires : « Enregistrer les résultats… » les conserve.</translation>
    </message>
</context>
<context>
    <name>HotspotPatrolPlugin</name>
    <message>
        <location filename="../plugin.py" line="100"/>
        <source>Hotspot Patrol</source>
        <translation type="unfinished">Hotspot Patrol</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="65"/>
        <source>Hotspot Patrol: rank hotspots and plan patrols</source>
        <translation type="unfinished">Hotspot Patrol : classer les points chauds et planifier les patrouilles</translation>
    </message>
</context>
<context>
    <name>HotspotPatrolProvider</name>
    <message>
        <location filename="../algorithms/provider.py" line="40"/>
        <source>Hotspot patrol</source>
        <translation type="unfinished">Hotspot Patrol</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="43"/>
        <source>Hotspot Patrol: evidence-based hotspot policing</source>
        <translation type="unfinished">Hotspot Patrol : police des points chauds fondée sur les données probantes</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="60"/>
        <source>Could not read the model {}; reinstall the plugin.</source>
        <translation type="unfinished">Impossible de lire le modèle {} ; réinstallez l'extension.</translation>
    </message>
</context>
<context>
    <name>ImportPoliceUkAlgorithm</name>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="55"/>
        <source>Import data.police.uk crimes</source>
        <translation type="unfinished">Importer les infractions data.police.uk</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="58"/>
        <source>data.police.uk,police.uk,import,street-level crime,download,zip,csv,crimes,British National Grid,outliers</source>
        <translation type="unfinished">data.police.uk,police.uk,importer,import,infractions de niveau rue,street-level crime,télécharger,zip,csv,infractions,British National Grid,valeurs aberrantes</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="62"/>
        <source>Imports the street-level crime files downloaded from data.police.uk — a folder or a .zip of monthly files — into one point layer in British National Grid, ready for every other tool: one point per crime, repeated crimes and crimes recorded far outside the force area left out, and every row left out counted.</source>
        <translation type="unfinished">Importe les fichiers d'infractions de niveau rue (street-level) téléchargés depuis data.police.uk — un dossier ou un .zip de fichiers mensuels — en une seule couche de points en British National Grid, prête pour tous les autres outils : un point par infraction, les infractions en double et celles enregistrées loin en dehors du territoire de la force de police écartées, et chaque ligne écartée comptée.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="69"/>
        <source>the street-level files of the forces and months asked for are read in order of month, then force, straight from the folder or the zip, with Python&apos;s csv module. A file without one of the columns Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category stops the import with a message naming the file and the column. Rows without coordinates are skipped; of rows sharing a non-empty crime id (the same crime in two downloads, or in two files) the first one read is kept. WGS84 longitude and latitude are reprojected to British National Grid with QGIS&apos;s own transformer and the project&apos;s datum transformations; a point that cannot be reprojected stops the import.</source>
        <translation type="unfinished">les fichiers de niveau rue des forces de police et des mois demandés sont lus par ordre de mois, puis de force, directement depuis le dossier ou le zip, avec le module csv de Python. Un fichier auquel manque l'une des colonnes Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category arrête l'import avec un message qui nomme le fichier et la colonne. Les lignes sans coordonnées sont ignorées ; parmi les lignes partageant un identifiant d'infraction non vide (la même infraction dans deux téléchargements, ou dans deux fichiers), la première lue est conservée. La longitude et la latitude WGS84 sont reprojetées en British National Grid avec le transformateur propre à QGIS et les transformations de datum du projet ; un point qui ne peut pas être reprojeté arrête l'import.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="81"/>
        <source>Crimes far outside the area</source>
        <translation type="unfinished">Infractions loin en dehors de la zone</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="81"/>
        <source>&lt;p&gt;A force&apos;s files hold a few records located far from its area: the Essex files have crimes some 400 km away. A crime is an outlier when it lies more than 10 km outside the bounding box of the central 99% of the crimes (on each axis, from the 0.5% to the 99.5% quantile of the coordinates, taken as order statistics). The crimes that make the box are all those with a location in the files and months read, of every crime type, so a crime is flagged or not whatever CRIME_TYPES asks for. The box ignores a few extreme points, and the 10 km margin makes the rule blind to where exactly its edge falls, so a genuine crime at the edge of the force area is never flagged. Its limits: fewer than 200 crimes flag nothing (the box is then the full extent: a small layer cannot tell far from sparse); points far away in one direction are found while they are at most about 0.5% of the crimes, so a real second area in the same files (two towns, two forces) is kept; and it is a box, so a far record lying within the box of a large, sparse area is not found. The log says how many outliers there are, how far outside the box and in which direction, near which longitude and latitude.&lt;/p&gt;</source>
        <translation type="unfinished">&lt;p&gt;Les fichiers d'une force de police contiennent quelques enregistrements situés loin de son territoire : les fichiers de l'Essex ont des infractions à quelque 400 km. Une infraction est aberrante lorsqu'elle se trouve à plus de 10 km en dehors du rectangle englobant des 99% centraux des infractions (sur chaque axe, du quantile 0,5% au quantile 99,5% des coordonnées, pris comme statistiques d'ordre). Les infractions qui forment le rectangle sont toutes celles qui ont une localisation dans les fichiers et les mois lus, de tout type d'infraction, de sorte qu'une infraction est signalée ou non quoi que demande CRIME_TYPES. Le rectangle ignore quelques points extrêmes, et la marge de 10 km rend la règle insensible à l'endroit exact où tombe son bord : une véritable infraction au bord du territoire de la force n'est donc jamais signalée. Ses limites : moins de 200 infractions ne signalent rien (le rectangle est alors l'emprise complète : une petite couche ne peut pas distinguer lointain et clairsemé) ; des points éloignés dans une même direction sont détectés tant qu'ils représentent au plus environ 0,5% des infractions, de sorte qu'une véritable seconde zone dans les mêmes fichiers (deux villes, deux forces) est conservée ; et c'est un rectangle, donc un enregistrement lointain situé dans le rectangle d'une zone vaste et clairsemée n'est pas détecté. Le journal indique combien il y a de valeurs aberrantes, à quelle distance hors du rectangle et dans quelle direction, près de quelles longitude et latitude.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="95"/>
        <source>What the data can and cannot say</source>
        <translation type="unfinished">Ce que les données peuvent dire et ne peuvent pas dire</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="95"/>
        <source>&lt;p&gt;data.police.uk gives each crime a month and an anonymised location: the crime is moved to the nearest of some 750,000 map points (the middle of a street, or a public place), each with a catchment of at least eight postal addresses or none, and the true location is not published (Home Office, About data.police.uk). There is no day and no time of day. Many crimes therefore share one point; grids of 150 m cells and densities show where crime is, but not when: tools that need the time of day refuse the month field, and a patrol plan made from these crimes spreads its visit times evenly over the shifts.&lt;/p&gt;</source>
        <translation type="unfinished">&lt;p&gt;data.police.uk donne à chaque infraction un mois et une localisation anonymisée : l'infraction est déplacée vers le plus proche de quelque 750 000 points cartographiques (le milieu d'une rue, ou un lieu public), chacun ayant une zone de rattachement d'au moins huit adresses postales ou aucune, et la localisation réelle n'est pas publiée (Home Office, About data.police.uk). Il n'y a ni jour ni heure. Beaucoup d'infractions partagent donc un même point ; les grilles de cellules de 150 m et les densités montrent où se produisent les infractions, mais pas quand : les outils qui ont besoin de l'heure refusent le champ du mois, et un plan de patrouille établi à partir de ces infractions répartit uniformément les heures de ses passages sur les vacations.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="105"/>
        <source>data.police.uk download (a .zip, its folder or a -street.csv file)</source>
        <translation type="unfinished">Téléchargement data.police.uk (un .zip, son dossier ou un fichier -street.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="105"/>
        <source>data.police.uk downloads (*.zip *.ZIP *.csv *.CSV);;All files and folders (*)</source>
        <translation type="unfinished">Téléchargements data.police.uk (*.zip *.ZIP *.csv *.CSV);;Tous les fichiers et dossiers (*)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="105"/>
        <source>The download as it comes from data.police.uk (the archive or a custom download): a .zip, or the folder it was extracted to (type or paste the folder&apos;s path), or one street-level CSV file. Street-level files are named YYYY-MM-&amp;lt;force&amp;gt;-street.csv and are found at any depth, in their monthly YYYY-MM folders or not; the outcomes and stop-and-search files beside them are ignored. Files are read as UTF-8.</source>
        <translation type="unfinished">Le téléchargement tel qu'il provient de data.police.uk (l'archive ou un téléchargement personnalisé) : un .zip, ou le dossier dans lequel il a été extrait (saisissez ou collez le chemin du dossier), ou un fichier CSV de niveau rue. Les fichiers de niveau rue sont nommés YYYY-MM-&amp;lt;force&amp;gt;-street.csv et sont trouvés à n'importe quelle profondeur, dans leurs dossiers mensuels YYYY-MM ou non ; les fichiers outcomes et stop-and-search qui les accompagnent sont ignorés. Les fichiers sont lus en UTF-8.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="116"/>
        <source>Only the force (as in the file names, e.g. essex)</source>
        <translation type="unfinished">Uniquement la force de police (comme dans les noms de fichiers, p. ex. essex)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="116"/>
        <source>Only the files of this force, as the file names write it (e.g. essex, west-yorkshire, metropolitan; case and spaces do not matter; several separated by commas). Empty: every force.</source>
        <translation type="unfinished">Uniquement les fichiers de cette force de police, telle que les noms de fichiers l'écrivent (p. ex. essex, west-yorkshire, metropolitan ; la casse et les espaces n'importent pas ; plusieurs séparées par des virgules). Vide : toutes les forces.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="121"/>
        <source>From month (yyyy-MM, inclusive)</source>
        <translation type="unfinished">Du mois (yyyy-MM, inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="121"/>
        <source>The first month, written yyyy-MM (e.g. 2018-05), inclusive: only the files and rows of this month and later. Empty: from the first month there is.</source>
        <translation type="unfinished">Le premier mois, écrit yyyy-MM (p. ex. 2018-05), inclus : uniquement les fichiers et les lignes de ce mois et des suivants. Vide : à partir du premier mois disponible.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="125"/>
        <source>To month (yyyy-MM, inclusive)</source>
        <translation type="unfinished">Au mois (yyyy-MM, inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="125"/>
        <source>The last month, written yyyy-MM (e.g. 2018-07), inclusive: only the files and rows of this month and earlier. Empty: to the last month there is.</source>
        <translation type="unfinished">Le dernier mois, écrit yyyy-MM (p. ex. 2018-07), inclus : uniquement les fichiers et les lignes de ce mois et des précédents. Vide : jusqu'au dernier mois disponible.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="129"/>
        <source>Only the crime types (comma-separated)</source>
        <translation type="unfinished">Uniquement les types d'infraction (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="129"/>
        <source>Only these crime types, separated by commas, as the Crime type column writes them, case-insensitive (e.g. Burglary, Robbery, Anti-social behaviour). A type given that never occurs in the files read is named in a warning (a typing error is the usual cause). Empty: every crime type.</source>
        <translation type="unfinished">Uniquement ces types d'infraction, séparés par des virgules, tels que la colonne Crime type les écrit, sans tenir compte de la casse (p. ex. Burglary, Robbery, Anti-social behaviour). Un type indiqué qu'on ne trouve jamais dans les fichiers lus est nommé dans un avertissement (une faute de frappe en est la cause habituelle). Vide : tous les types d'infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="135"/>
        <source>Keep crimes far outside the area of the others (marked)</source>
        <translation type="unfinished">Conserver les infractions loin en dehors de la zone des autres (marquées)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="135"/>
        <source>False leaves out the crimes far outside the area of the others (see Crimes far outside the area); true keeps them, marked in the field &lt;i&gt;outlier&lt;/i&gt;.</source>
        <translation type="unfinished">Faux écarte les infractions loin en dehors de la zone des autres (voir Infractions loin en dehors de la zone) ; vrai les conserve, marquées dans le champ &lt;i&gt;outlier&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="140"/>
        <source>Crimes</source>
        <translation type="unfinished">Infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="140"/>
        <source>A point per crime in British National Grid (EPSG:27700, metres) with the file&apos;s columns: &lt;i&gt;crime_id&lt;/i&gt; (data.police.uk&apos;s id of the crime; NULL for anti-social behaviour, which has none), &lt;i&gt;month&lt;/i&gt; (a date: the first day of the crime&apos;s month), &lt;i&gt;reported_by&lt;/i&gt; (the force that provided the record), &lt;i&gt;falls_within&lt;/i&gt; (the force whose area it falls in), &lt;i&gt;location&lt;/i&gt; (the snap point&apos;s description, e.g. On or near Victoria Avenue), &lt;i&gt;lsoa_code&lt;/i&gt; and &lt;i&gt;lsoa_name&lt;/i&gt; (the Lower Layer Super Output Area of the snap point), &lt;i&gt;crime_type&lt;/i&gt;, &lt;i&gt;last_outcome_category&lt;/i&gt; (NULL where the file gives none) and &lt;i&gt;outlier&lt;/i&gt; (true for a crime far outside the area of the others; only with KEEP_OUTLIERS). Empty cells of the files are NULL.</source>
        <translation type="unfinished">Un point par infraction en British National Grid (EPSG:27700, mètres) avec les colonnes du fichier : &lt;i&gt;crime_id&lt;/i&gt; (l'identifiant de l'infraction chez data.police.uk ; NULL pour les comportements antisociaux, qui n'en ont pas), &lt;i&gt;month&lt;/i&gt; (une date : le premier jour du mois de l'infraction), &lt;i&gt;reported_by&lt;/i&gt; (la force de police qui a fourni l'enregistrement), &lt;i&gt;falls_within&lt;/i&gt; (la force sur le territoire de laquelle elle se trouve), &lt;i&gt;location&lt;/i&gt; (la description du point de rattachement, p. ex. On or near Victoria Avenue), &lt;i&gt;lsoa_code&lt;/i&gt; et &lt;i&gt;lsoa_name&lt;/i&gt; (la Lower Layer Super Output Area du point de rattachement), &lt;i&gt;crime_type&lt;/i&gt;, &lt;i&gt;last_outcome_category&lt;/i&gt; (NULL lorsque le fichier n'en donne pas) et &lt;i&gt;outlier&lt;/i&gt; (vrai pour une infraction loin en dehors de la zone des autres ; uniquement avec KEEP_OUTLIERS). Les cellules vides des fichiers sont NULL.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="151"/>
        <source>Rows read (of the forces, months and crime types asked for)</source>
        <translation type="unfinished">Lignes lues (des forces, mois et types d'infraction demandés)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="151"/>
        <source>Rows of the files read whose month and crime type were asked for; every one of them is written or counted in SKIPPED_NO_LOCATION, DUPLICATES or OUTLIERS. So ROWS_READ = CRIMES_WRITTEN + SKIPPED_NO_LOCATION + DUPLICATES + OUTLIERS (without the OUTLIERS when they are kept).</source>
        <translation type="unfinished">Lignes des fichiers lus dont le mois et le type d'infraction étaient demandés ; chacune d'elles est écrite ou comptée dans SKIPPED_NO_LOCATION, DUPLICATES ou OUTLIERS. Donc ROWS_READ = CRIMES_WRITTEN + SKIPPED_NO_LOCATION + DUPLICATES + OUTLIERS (sans les OUTLIERS lorsqu'elles sont conservées).</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="157"/>
        <source>Crimes written</source>
        <translation type="unfinished">Infractions écrites</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="157"/>
        <source>Points written.</source>
        <translation type="unfinished">Points écrits.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="159"/>
        <source>Rows skipped: no location</source>
        <translation type="unfinished">Lignes ignorées : sans localisation</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="159"/>
        <source>Rows without Longitude or Latitude, skipped.</source>
        <translation type="unfinished">Lignes sans Longitude ou Latitude, ignorées.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="161"/>
        <source>Rows skipped: crime id seen before</source>
        <translation type="unfinished">Lignes ignorées : identifiant d'infraction déjà vu</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="161"/>
        <source>Rows whose crime id was already read (the first row read with that id is kept; rows without an id are all kept).</source>
        <translation type="unfinished">Lignes dont l'identifiant d'infraction avait déjà été lu (la première ligne lue avec cet identifiant est conservée ; les lignes sans identifiant sont toutes conservées).</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="164"/>
        <source>Crimes far outside the area of the others</source>
        <translation type="unfinished">Infractions loin en dehors de la zone des autres</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="164"/>
        <source>Crimes far outside the area of the others, left out (or kept and marked with KEEP_OUTLIERS).</source>
        <translation type="unfinished">Infractions loin en dehors de la zone des autres, écartées (ou conservées et marquées avec KEEP_OUTLIERS).</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="168"/>
        <source>Street-level files read</source>
        <translation type="unfinished">Fichiers de niveau rue lus</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="168"/>
        <source>Street-level files read.</source>
        <translation type="unfinished">Fichiers de niveau rue lus.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="170"/>
        <source>First month of the crimes (yyyy-MM)</source>
        <translation type="unfinished">Premier mois des infractions (yyyy-MM)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="170"/>
        <source>The first month of the crimes written, yyyy-MM.</source>
        <translation type="unfinished">Le premier mois des infractions écrites, yyyy-MM.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="173"/>
        <source>Last month of the crimes (yyyy-MM)</source>
        <translation type="unfinished">Dernier mois des infractions (yyyy-MM)</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="173"/>
        <source>The last month of the crimes written, yyyy-MM.</source>
        <translation type="unfinished">Le dernier mois des infractions écrites, yyyy-MM.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="201"/>
        <source>{:,} crimes written, {} to {}, in British National Grid (EPSG:27700).</source>
        <translation type="unfinished">{:,} infractions écrites, de {} à {}, en British National Grid (EPSG:27700).</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="224"/>
        <source>Reading {} street-level file(s) from {}{}{}.</source>
        <translation type="unfinished">Lecture de {} fichier(s) de niveau rue depuis {}{}{}.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="224"/>
        <source>; force(s) {}</source>
        <translation type="unfinished">; force(s) {}</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="224"/>
        <source>; months {} to {}</source>
        <translation type="unfinished">; mois {} à {}</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="251"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="259"/>
        <source>{:,} have a Month outside START_MONTH to END_MONTH</source>
        <translation type="unfinished">{:,} ont un Month en dehors de START_MONTH à END_MONTH</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="261"/>
        <source>{:,} are of other crime types</source>
        <translation type="unfinished">{:,} sont d'autres types d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="264"/>
        <source>CRIME_TYPES names {}, which never occur (the files hold: {})</source>
        <translation type="unfinished">CRIME_TYPES nomme {}, qu'on ne trouve jamais (les fichiers contiennent : {})</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="266"/>
        <source>no crime type</source>
        <translation type="unfinished">aucun type d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="269"/>
        <source>of the {:,} left, {:,} have no location and {:,} repeat a crime id</source>
        <translation type="unfinished">sur les {:,} restantes, {:,} n'ont pas de localisation et {:,} répètent un identifiant d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="271"/>
        <source>No crime to write: the files read hold {:,} rows; {}. Check FORCE, START_MONTH, END_MONTH and CRIME_TYPES, or the files.</source>
        <translation type="unfinished">Aucune infraction à écrire : les fichiers lus contiennent {:,} lignes ; {}. Vérifiez FORCE, START_MONTH, END_MONTH et CRIME_TYPES, ou les fichiers.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="275"/>
        <source>{:,} rows in {} file(s); {:,} of the months and crime types asked for.</source>
        <translation type="unfinished">{:,} lignes dans {} fichier(s) ; {:,} des mois et types d'infraction demandés.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="278"/>
        <source>{} rows have a Month outside START_MONTH to END_MONTH: left out.</source>
        <translation type="unfinished">{} lignes ont un Month en dehors de START_MONTH à END_MONTH : écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="281"/>
        <source>{} rows of other crime types: left out.</source>
        <translation type="unfinished">{} lignes d'autres types d'infraction : écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="284"/>
        <source>CRIME_TYPES names {} that never occur in the files read. Check the spelling; the files hold: {}.</source>
        <translation type="unfinished">CRIME_TYPES nomme {}, qu'on ne trouve jamais dans les fichiers lus. Vérifiez l'orthographe ; les fichiers contiennent : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="289"/>
        <source>{} rows have no Longitude or Latitude: skipped.</source>
        <translation type="unfinished">{} lignes sans Longitude ou Latitude : ignorées.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="291"/>
        <source>{} rows repeat a crime id read before: the first row of each id is kept.</source>
        <translation type="unfinished">{} lignes répètent un identifiant d'infraction déjà lu : la première ligne de chaque identifiant est conservée.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="297"/>
        <source>Some crimes could not be reprojected from WGS84 longitude and latitude to British National Grid (EPSG:27700): check that the files are data.police.uk&apos;s, whose coordinates are in England, Wales and Northern Ireland.</source>
        <translation type="unfinished">Certaines infractions n'ont pas pu être reprojetées de la longitude et latitude WGS84 vers British National Grid (EPSG:27700) : vérifiez que les fichiers proviennent de data.police.uk, dont les coordonnées se trouvent en Angleterre, au pays de Galles et en Irlande du Nord.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="310"/>
        <source>Only {} crimes with a location: too few to look for crimes far outside the area (at least 200 are needed); none flagged.</source>
        <translation type="unfinished">Seulement {} infractions avec une localisation : trop peu pour chercher des infractions loin en dehors de la zone (il en faut au moins 200) ; aucune signalée.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="315"/>
        <source>No crime lies more than {:g} km outside the area of the central 99% of the {:,} crimes read.</source>
        <translation type="unfinished">Aucune infraction ne se trouve à plus de {:g} km en dehors de la zone des 99% centraux des {:,} infractions lues.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="320"/>
        <source>{} of it, near lon {:.2f} lat {:.2f}</source>
        <translation type="unfinished">direction {}, près de lon {:.2f} lat {:.2f}</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="323"/>
        <source>{:,} crime(s) lie {} outside the area holding the central 99% of the {:,} crimes read ({})</source>
        <translation type="unfinished">{:,} infraction(s) se trouvent à {} en dehors de la zone contenant les 99% centraux des {:,} infractions lues ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="327"/>
        <source>: kept, with outlier = true.</source>
        <translation type="unfinished"> : conservées, avec outlier = true.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="329"/>
        <source>: left out; set KEEP_OUTLIERS to keep them.</source>
        <translation type="unfinished"> : écartées ; activez KEEP_OUTLIERS pour les conserver.</translation>
    </message>
    <message>
        <location filename="../algorithms/import_police_uk.py" line="264"/>
        <source>CRIME_TYPES names {}, which never occurs (the files hold: {})</source>
        <translation type="unfinished">CRIME_TYPES nomme {}, qu'on ne trouve jamais (les fichiers contiennent : {})</translation>
    </message>
</context>
<context>
    <name>KernelDensityAlgorithm</name>
    <message>
        <location filename="../algorithms/kernel_density.py" line="47"/>
        <source>Kernel density (fast heatmap)</source>
        <translation type="unfinished">Densité par noyau (carte de chaleur rapide)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="50"/>
        <source>heatmap,kernel density,KDE,hotspot,crime,raster</source>
        <translation type="unfinished">carte de chaleur,heatmap,densité par noyau,KDE,point chaud,infraction,raster</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="53"/>
        <source>A smooth crime density surface (a heatmap) from crime points: a drop-in for QGIS&apos;s Heatmap (Kernel Density Estimation) with the same parameter names and meanings, many times faster, and exact. Of the common ways of mapping hotspots, kernel density predicted best where crime would happen next (Chainey, Tompson &amp;amp; Uhlig 2008).</source>
        <translation type="unfinished">Une surface lissée de densité des infractions (une carte de chaleur) à partir de points d'infractions : un remplaçant direct de l'outil Heatmap (Kernel Density Estimation) de QGIS, avec les mêmes noms et significations de paramètres, bien plus rapide, et exact. Parmi les méthodes courantes de cartographie des points chauds, la densité par noyau est celle qui a le mieux prédit où les infractions allaient se produire ensuite (Chainey, Tompson &amp;amp; Uhlig 2008).</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="60"/>
        <source>every pixel holds the exact kernel sum at its centre, Σ weight × K(distance from the crime to the pixel centre), to within 0.1% of the raster's maximum (Silverman 1986). Crimes are grouped by location; ordinary locations are linearly binned onto the pixel grid and convolved with the sampled kernel by FFT (Wand &amp;amp; Jones 1995; cost independent of points × kernel pixels); locations carrying many crimes, per-point radii, small radii and kernels with a hard edge (Uniform) are evaluated exactly.</source>
        <translation type="unfinished">chaque pixel contient la somme exacte des noyaux en son centre, Σ poids × K(distance de l'infraction au centre du pixel), à 0,1% près du maximum du raster (Silverman 1986). Les infractions sont regroupées par emplacement ; les emplacements ordinaires sont répartis linéairement sur la grille des pixels et convolués avec le noyau échantillonné par FFT (Wand &amp;amp; Jones 1995 ; coût indépendant du produit points × pixels du noyau) ; les emplacements portant de nombreuses infractions, les rayons par point, les petits rayons et les noyaux à bord franc (Uniforme) sont calculés exactement.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="69"/>
        <source>How it differs from QGIS&apos;s Heatmap</source>
        <translation type="unfinished">Différences avec l'outil Heatmap de QGIS</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="69"/>
        <source>&lt;ul&gt;&lt;li&gt;Heatmap places each point's kernel up to one pixel off vertically: it computes pixel centres from the bottom of the raster but writes the kernel from the top, which mirrors a point's position inside its pixel. On spread-out data the errors average out and the two rasters agree closely; where many crimes share one location (police data snaps crimes to anonymised points) Heatmap's pixels are off by several per cent. This tool does not copy that error.&lt;/li&gt;&lt;li&gt;Scaled output integrates to the total weight for every kernel (raster sum × pixel area = number of crimes). QGIS 3.22 to 3.38 scale the quartic kernel 7.25 times too high (fixed upstream in 2025).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished">&lt;ul&gt;&lt;li&gt;Heatmap place le noyau de chaque point jusqu'à un pixel trop haut ou trop bas : il calcule les centres des pixels depuis le bas du raster mais écrit le noyau depuis le haut, ce qui inverse la position d'un point à l'intérieur de son pixel. Sur des données dispersées, les erreurs se compensent et les deux rasters concordent étroitement ; là où de nombreuses infractions partagent un même emplacement (les données de police ramènent les infractions à des points anonymisés), les pixels de Heatmap sont faux de plusieurs pour cent. Cet outil ne reproduit pas cette erreur.&lt;/li&gt;&lt;li&gt;La sortie mise à l'échelle a pour intégrale le poids total pour chaque noyau (somme du raster × surface d'un pixel = nombre d'infractions). QGIS 3.22 à 3.38 mettent à l'échelle le noyau quartique 7,25 fois trop haut (corrigé en amont en 2025).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="81"/>
        <source>Radius (metres)</source>
        <translation type="unfinished">Rayon (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="81"/>
        <source>The kernel radius (bandwidth) in metres; 150 m matches the patrol cells.</source>
        <translation type="unfinished">Le rayon du noyau (largeur de bande) en mètres ; 150 m correspond aux cellules de patrouille.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="85"/>
        <source>Radius from field (metres)</source>
        <translation type="unfinished">Rayon à partir d'un champ (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="85"/>
        <source>A radius per point instead of RADIUS, in metres.</source>
        <translation type="unfinished">Un rayon par point au lieu de RADIUS, en mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="89"/>
        <source>Output raster pixel size (metres)</source>
        <translation type="unfinished">Taille des pixels du raster de sortie (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="89"/>
        <source>The pixel size in metres; at least 1 cm and a billionth of the largest coordinate.</source>
        <translation type="unfinished">La taille des pixels en mètres ; au moins 1 cm et un milliardième de la plus grande coordonnée.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="93"/>
        <source>Weight from field</source>
        <translation type="unfinished">Poids à partir d'un champ</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="93"/>
        <source>An optional numeric weight per crime; null weights are skipped. Negative weights are allowed, as in QGIS&apos;s Heatmap: they subtract from the surface (e.g. one layer&apos;s crimes minus another&apos;s), so the raster can hold negative values.</source>
        <translation type="unfinished">Un poids numérique facultatif par infraction ; les poids nuls sont ignorés. Les poids négatifs sont acceptés, comme dans l'outil Heatmap de QGIS : ils se soustraient de la surface (p. ex. les infractions d'une couche moins celles d'une autre), de sorte que le raster peut contenir des valeurs négatives.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Kernel shape</source>
        <translation type="unfinished">Forme du noyau</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Quartic</source>
        <translation type="unfinished">Quartique</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Triangular</source>
        <translation type="unfinished">Triangulaire</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Uniform</source>
        <translation type="unfinished">Uniforme</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Triweight</source>
        <translation type="unfinished">Triweight</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Epanechnikov</source>
        <translation type="unfinished">Epanechnikov</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>Gaussian (σ = radius/3, cut off at radius)</source>
        <translation type="unfinished">Gaussien (σ = rayon/3, coupé au rayon)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="99"/>
        <source>The kernel: Quartic (biweight), Triangular, Uniform, Triweight or Epanechnikov, as in QGIS; or Gaussian, with σ = RADIUS/3 and cut off at RADIUS (3σ), so it reaches as far as the other kernels.</source>
        <translation type="unfinished">Le noyau : Quartique (biweight), Triangulaire, Uniforme, Triweight ou Epanechnikov, comme dans QGIS ; ou Gaussien, avec σ = RADIUS/3 et coupé à RADIUS (3σ), pour qu'il porte aussi loin que les autres noyaux.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="107"/>
        <source>Decay ratio (Triangular kernels only)</source>
        <translation type="unfinished">Taux de décroissance (noyaux triangulaires uniquement)</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="107"/>
        <source>For the Triangular kernel only, the kernel&apos;s value at the radius relative to its centre (0: a cone; 1: flat), as in QGIS.</source>
        <translation type="unfinished">Pour le noyau Triangulaire uniquement, la valeur du noyau au rayon rapportée à sa valeur au centre (0 : un cône ; 1 : plat), comme dans QGIS.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="112"/>
        <source>Output value scaling</source>
        <translation type="unfinished">Mise à l'échelle des valeurs de sortie</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="112"/>
        <source>Raw</source>
        <translation type="unfinished">Brute</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="112"/>
        <source>Scaled</source>
        <translation type="unfinished">Mise à l'échelle</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="112"/>
        <source>Raw: the sum of weight × kernel, 1 at a lone point. Scaled: a true density, crimes per square metre.</source>
        <translation type="unfinished">Brute : la somme poids × noyau, 1 sur un point isolé. Mise à l'échelle : une vraie densité, en infractions par mètre carré.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="119"/>
        <source>Extent of the raster</source>
        <translation type="unfinished">Emprise du raster</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="119"/>
        <source>The rectangle the raster covers, grown by the radius as Heatmap grows the layer&apos;s extent (with its CRS, or typed without one, in INPUT&apos;s CRS). Every crime counts, so density near its edges includes crimes just outside. Empty: the layer&apos;s extent. Crimes far outside the area holding the rest (flagged and named in the log on every read) must not blow up the raster: when they would make it more than 1.2 times the pixels the other crimes need, the run is refused, naming them; give EXTENT or leave them out.</source>
        <translation type="unfinished">Le rectangle couvert par le raster, agrandi du rayon comme Heatmap agrandit l'emprise de la couche (avec son SCR, ou, saisi sans SCR, dans le SCR de INPUT). Toutes les infractions comptent, donc la densité près de ses bords inclut les infractions situées juste à l'extérieur. Vide : l'emprise de la couche. Les infractions situées loin de la zone où se trouvent les autres (signalées et nommées dans le journal à chaque lecture) ne doivent pas faire exploser le raster : quand elles le porteraient à plus de 1,2 fois les pixels nécessaires aux autres infractions, l'exécution est refusée en les nommant ; indiquez EXTENT ou écartez-les.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="127"/>
        <source>Heatmap</source>
        <translation type="unfinished">Carte de chaleur</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="127"/>
        <source>The raster (32-bit float, GeoTIFF by default; the format follows the extension, and one that is not a raster format able to hold 32-bit floats, e.g. .png or .docx, is refused before any work) on QGIS Heatmap&apos;s grid: the layer&apos;s extent grown by the radius, the same size, origin and pixel size, and NoData (-9999) where no kernel reaches a pixel centre. The extent spans every located crime, not only the period&apos;s, so the rasters of two periods align pixel for pixel.</source>
        <translation type="unfinished">Le raster (flottant 32 bits, GeoTIFF par défaut ; le format suit l'extension, et une extension qui n'est pas un format raster capable de contenir des flottants 32 bits, p. ex. .png ou .docx, est refusée avant tout calcul) sur la grille de l'outil Heatmap de QGIS : l'emprise de la couche agrandie du rayon, avec la même taille, la même origine et la même taille de pixel, et NoData (-9999) là où aucun noyau n'atteint le centre d'un pixel. L'emprise couvre toutes les infractions localisées, pas seulement celles de la période, de sorte que les rasters de deux périodes s'alignent pixel à pixel.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="134"/>
        <source>Crimes counted</source>
        <translation type="unfinished">Infractions comptées</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="134"/>
        <source>Crimes in the surface.</source>
        <translation type="unfinished">Infractions dans la surface.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="149"/>
        <source>GDAL&apos;s Python bindings (osgeo) are missing from this QGIS.</source>
        <translation type="unfinished">Les liaisons Python de GDAL (osgeo) sont absentes de cette installation de QGIS.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="168"/>
        <source>pixels of {:g} m</source>
        <translation type="unfinished">pixels de {:g} m</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="175"/>
        <source>Raster of {} × {} pixels of {:g} m; {} crimes.</source>
        <translation type="unfinished">Raster de {} × {} pixels de {:g} m ; {} infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="194"/>
        <source>OUTPUT {} has {}, which is not a raster format GDAL can write. Name the raster with a raster extension: .tif (GeoTIFF, the usual choice), .img, .sdat, .nc or .asc.</source>
        <translation type="unfinished">OUTPUT {} : {}, ce qui ne correspond à aucun format raster que GDAL sait écrire. Nommez le raster avec une extension raster : .tif (GeoTIFF, le choix habituel), .img, .sdat, .nc ou .asc.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="194"/>
        <source>the extension .{}</source>
        <translation type="unfinished">l'extension .{}</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="194"/>
        <source>no extension</source>
        <translation type="unfinished">pas d'extension</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="201"/>
        <source>OUTPUT {}: the {} format (.{}) cannot hold the density&apos;s 32-bit floating-point values. Use .tif (GeoTIFF), or .img, .sdat, .nc or .asc.</source>
        <translation type="unfinished">OUTPUT {} : le format {} (.{}) ne peut pas contenir les valeurs à virgule flottante 32 bits de la densité. Utilisez .tif (GeoTIFF), ou .img, .sdat, .nc ou .asc.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="216"/>
        <source>Could not create the raster {}: choose a writable folder and a GeoTIFF (.tif) name.</source>
        <translation type="unfinished">Impossible de créer le raster {} : choisissez un dossier accessible en écriture et un nom GeoTIFF (.tif).</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="231"/>
        <source>Could not write the raster {}: choose a writable folder and a GeoTIFF (.tif) name.</source>
        <translation type="unfinished">Impossible d'écrire le raster {} : choisissez un dossier accessible en écriture et un nom GeoTIFF (.tif).</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="140"/>
        <source>PIXEL_SIZE must be more than 0 metres (it is {:g}); 10 m suits 150 m hotspots.</source>
        <translation type="unfinished">PIXEL_SIZE doit être supérieur à 0 mètre (il vaut {:g}) ; 10 m convient à des points chauds de 150 m.</translation>
    </message>
    <message>
        <location filename="../algorithms/kernel_density.py" line="144"/>
        <source>RADIUS must be more than 0 metres (it is {:g}); 150 m matches the patrol cells.</source>
        <translation type="unfinished">RADIUS doit être supérieur à 0 mètre (il vaut {:g}) ; 150 m correspond aux cellules de patrouille.</translation>
    </message>
</context>
<context>
    <name>MapAccuracyAlgorithm</name>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="60"/>
        <source>Hotspot map accuracy (PAI)</source>
        <translation type="unfinished">Précision de la carte des points chauds (PAI)</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="63"/>
        <source>PAI,predictive accuracy index,PEI,RRI,hit rate,hotspot,map,accuracy,forecast,prediction,evaluation</source>
        <translation type="unfinished">PAI,indice de précision prédictive,PEI,RRI,taux de réussite,point chaud,carte,précision,prévision,prédiction,évaluation</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="67"/>
        <source>Measures how well a hotspot map predicts where crime happens next: the hit rate and the Predictive Accuracy Index (PAI; Chainey, Tompson &amp;amp; Uhlig 2008) for the top 1, 2, … n hotspots. Make the map from one period and test it on the crimes of the next.</source>
        <translation type="unfinished">Mesure la capacité d'une carte des points chauds à prédire où auront lieu les prochaines infractions : le taux de réussite et l'indice de précision prédictive (PAI ; Chainey, Tompson &amp;amp; Uhlig 2008) pour les 1, 2, … n premiers points chauds. Construisez la carte sur une période et testez-la sur les infractions de la suivante.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="73"/>
        <source>polygons are sorted by score and accumulated. PAI says how many times more crime per unit of area the top k hold than the study area as a whole: 1 is no better than chance. PEI (Hunt 2016) divides PAI by the best PAI any polygons of the same area could have reached (exact for equal cells, against the densest cells otherwise). RRI (Levine 2008) is (observed ÷ predicted crimes in the top k) ÷ (all observed ÷ all predicted). Areas are measured in the hotspots' metric CRS (their own, or their UTM zone). Worked case: three equal cells scored 3, 2, 1 holding 6, 3 and 0 crimes give PAI 2, 1.5 and 1.</source>
        <translation type="unfinished">les polygones sont triés par score puis cumulés. Le PAI indique combien de fois plus d'infractions par unité de surface contiennent les k premiers que la zone d'étude dans son ensemble : 1 ne fait pas mieux que le hasard. Le PEI (Hunt 2016) divise le PAI par le meilleur PAI que des polygones de même surface auraient pu atteindre (exact pour des cellules égales, calculé sinon par rapport aux cellules les plus denses). Le RRI (Levine 2008) vaut (infractions observées ÷ prédites dans les k premiers) ÷ (total observé ÷ total prédit). Les surfaces sont mesurées dans le SCR métrique des points chauds (le leur, ou leur zone UTM). Exemple : trois cellules égales de scores 3, 2 et 1 contenant 6, 3 et 0 infractions donnent un PAI de 2 ; 1,5 et 1.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="83"/>
        <source>Hotspot map (polygons)</source>
        <translation type="unfinished">Carte des points chauds (polygones)</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="83"/>
        <source>Polygons, e.g. OUTPUT_CELLS of Rank patrol hotspots made from an earlier period.</source>
        <translation type="unfinished">Polygones, p. ex. OUTPUT_CELLS de Classer les points chauds à patrouiller calculé sur une période antérieure.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="86"/>
        <source>Score (highest first)</source>
        <translation type="unfinished">Score (le plus élevé d'abord)</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="86"/>
        <source>The map's score, highest first (count, kde, gi_z…), a numeric field. Equal scores keep the layer's feature order. Polygons without a score, a geometry or an area are left out.</source>
        <translation type="unfinished">Le score de la carte, le plus élevé d'abord (count, kde, gi_z…), un champ numérique. Les scores égaux gardent l'ordre des entités de la couche. Les polygones sans score, sans géométrie ou sans surface sont exclus.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="91"/>
        <source>Predicted count (for the RRI)</source>
        <translation type="unfinished">Nombre prédit (pour le RRI)</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="91"/>
        <source>A predicted count per polygon, for the Recapture Rate Index. Empty: a numeric field named &lt;i&gt;count&lt;/i&gt; when there is one.</source>
        <translation type="unfinished">Un nombre prédit par polygone, pour l'indice de taux de recapture (Recapture Rate Index). Vide : un champ numérique nommé &lt;i&gt;count&lt;/i&gt; s'il en existe un.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="96"/>
        <source>Crimes of the period to predict</source>
        <translation type="unfinished">Infractions de la période à prédire</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="96"/>
        <source>The crimes of the period the map should have predicted: those from START to END by TIME (without TIME, every crime counts).</source>
        <translation type="unfinished">Les infractions de la période que la carte aurait dû prédire : celles de START à END selon TIME (sans TIME, toutes les infractions comptent).</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="101"/>
        <source>Study area</source>
        <translation type="unfinished">Zone d'étude</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="101"/>
        <source>Polygons of the study area. Empty: the area of all the HOTSPOTS polygons together (so pass every cell, not only the top ones). A STUDY_AREA without any polygon is refused.</source>
        <translation type="unfinished">Polygones de la zone d'étude. Vide : la surface de tous les polygones de HOTSPOTS réunis (passez donc toutes les cellules, pas seulement les premières). Une STUDY_AREA sans aucun polygone est refusée.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="105"/>
        <source>Map accuracy</source>
        <translation type="unfinished">Précision de la carte</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="105"/>
        <source>A table with one row per k: &lt;i&gt;k&lt;/i&gt;, &lt;i&gt;feature&lt;/i&gt; (the feature id of the polygon added at k), &lt;i&gt;area_share&lt;/i&gt; (area of the top k ÷ study area), &lt;i&gt;hit_rate&lt;/i&gt; (crimes in the top k ÷ crimes in the study area), &lt;i&gt;pai&lt;/i&gt; (hit rate ÷ area share), &lt;i&gt;pei&lt;/i&gt; (Predictive Efficiency Index) and &lt;i&gt;rri&lt;/i&gt; (Recapture Rate Index; empty without predicted counts).</source>
        <translation type="unfinished">Une table avec une ligne par k : &lt;i&gt;k&lt;/i&gt;, &lt;i&gt;feature&lt;/i&gt; (l'identifiant d'entité du polygone ajouté au rang k), &lt;i&gt;area_share&lt;/i&gt; (surface des k premiers ÷ zone d'étude), &lt;i&gt;hit_rate&lt;/i&gt; (infractions dans les k premiers ÷ infractions dans la zone d'étude), &lt;i&gt;pai&lt;/i&gt; (taux de réussite ÷ part de surface), &lt;i&gt;pei&lt;/i&gt; (indice d'efficacité prédictive, Predictive Efficiency Index) et &lt;i&gt;rri&lt;/i&gt; (indice de taux de recapture, Recapture Rate Index ; vide sans nombres prédits).</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="145"/>
        <source>Top {}: {:.1%} of the crime in {:.2%} of the area, PAI {:.1f}.</source>
        <translation type="unfinished">Les {} premiers : {:.1%} des infractions sur {:.2%} de la surface, PAI {:.1f}.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="159"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="176"/>
        <source>{} hotspot polygons have no area (degenerate outlines) and were left out: a hit rate per unit of area means nothing for them.</source>
        <translation type="unfinished">{} polygones de points chauds n'ont pas de surface (contours dégénérés) et ont été exclus : un taux de réussite par unité de surface n'a pas de sens pour eux.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="180"/>
        <source>No hotspot polygon has a geometry with an area and a value in &apos;{}&apos;.</source>
        <translation type="unfinished">Aucun polygone de point chaud n'a à la fois une géométrie dotée d'une surface et une valeur dans '{}'.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="188"/>
        <source>STUDY_AREA has no polygon with a geometry, so it has no area to measure the map against. Give a layer with the study area&apos;s polygons, or leave STUDY_AREA empty to use the hotspots&apos; own area.</source>
        <translation type="unfinished">STUDY_AREA n'a aucun polygone doté d'une géométrie : elle n'a donc pas de surface à laquelle comparer la carte. Indiquez une couche contenant les polygones de la zone d'étude, ou laissez STUDY_AREA vide pour utiliser la surface des points chauds eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="199"/>
        <source>{} &apos;{}&apos; is not a field of HOTSPOTS (its fields: {}).</source>
        <translation type="unfinished">{} '{}' n'est pas un champ de HOTSPOTS (ses champs : {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="205"/>
        <source>non-numeric</source>
        <translation type="unfinished">non numérique</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="205"/>
        <source>{} '{}' is a {} field ({}), not a number, so the polygons cannot be ordered by it. Choose a numeric field (count, kde, gi_z…), or convert it with the Field calculator, e.g. to_real(&quot;{}&quot;).</source>
        <translation type="unfinished">{} '{}' est un champ {} ({}), pas un nombre : les polygones ne peuvent donc pas être ordonnés selon lui. Choisissez un champ numérique (count, kde, gi_z…), ou convertissez-le avec la Calculatrice de champ, p. ex. to_real(&quot;{}&quot;).</translation>
    </message>
    <message>
        <location filename="../algorithms/map_accuracy.py" line="205"/>
        <source>text</source>
        <translation type="unfinished">texte</translation>
    </message>
</context>
<context>
    <name>NearRepeatAlgorithm</name>
    <message>
        <location filename="../algorithms/near_repeat.py" line="38"/>
        <source>Near-repeat test (Knox)</source>
        <translation type="unfinished">Test de quasi-répétition (Knox)</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="41"/>
        <source>near repeat,repeat victimisation,Knox,space-time,burglary,contagion,Monte Carlo,Near Repeat Calculator</source>
        <translation type="unfinished">quasi-répétition,victimisation répétée,Knox,espace-temps,cambriolage,contagion,Monte Carlo,Near Repeat Calculator</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="45"/>
        <source>Do crimes follow crimes nearby, soon after? The near-repeat test counts the pairs of crimes that are close in space and in time, and compares them with chance. A Knox ratio above 1 with a small p-value in the first bands (e.g. under 150 m and under 7 days) says that a crime raises the risk around it for a while: the place to patrol next is near the last crimes.</source>
        <translation type="unfinished">Les infractions sont-elles suivies d'autres infractions à proximité, peu après ? Le test de quasi-répétition compte les paires d'infractions proches dans l'espace et dans le temps, et les compare au hasard. Un rapport de Knox supérieur à 1 avec une faible p-value dans les premières bandes (p. ex. moins de 150 m et moins de 7 jours) indique qu'une infraction augmente le risque autour d'elle pendant un certain temps : le prochain endroit à patrouiller est près des dernières infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="52"/>
        <source>the Knox test (Knox 1964) as used for near repeats by Johnson et al. (2007) and the Near Repeat Calculator (Ratcliffe 2009). Every pair of crimes is counted once in the cell of its distance band (straight-line metres) and its day band (days between the two dates: the time of day is dropped, as in the calculator). Bands are half-open: 0,150,300 means [0, 150) and [150, 300) metres, so a pair exactly 150 m or 7 days apart falls in the second band. Chance is found by shuffling the crimes' dates among the crimes ITERATIONS times (the places and the dates each keep their own pattern; only their link is broken) and counting again: &lt;i&gt;expected&lt;/i&gt; is the mean shuffled count, &lt;i&gt;knox_ratio&lt;/i&gt; the observed count over it, &lt;i&gt;p_value&lt;/i&gt; (1 + shuffles with a count at least the observed) / (1 + ITERATIONS), so 999 shuffles can show p = 0.001 at best. Pairs farther apart than the last distance edge are in no row, but their crimes' dates are shuffled too. &lt;b&gt;Comparing with the Near Repeat Calculator&lt;/b&gt;: check the calculator's settings before comparing numbers. It labels bands with whole numbers, inclusive ('1 to 150', '0 to 7'), and shows pairs at the same place in a row of their own; an independent replication found its band 'a to b' counts the pairs from a − 1 up to, not including, b, which matters most for the first day band. It offers Manhattan as well as Euclidean distance: choose Euclidean to match this tool. Its significance setting chooses how many shuffles it makes, and its p-values come from ranking the observed count among the shuffled ones: they agree with these only for the same number of shuffles, and differ from run to run by chance (as these do for another SEED). Counting each pair twice (i to j and j to i) doubles observed and expected alike and leaves ratios and p-values unchanged. Up to 50 million pairs closer than the last distance edge can be held; more is refused.</source>
        <translation type="unfinished">le test de Knox (Knox 1964) tel qu'utilisé pour les quasi-répétitions par Johnson et al. (2007) et le Near Repeat Calculator (Ratcliffe 2009). Chaque paire d'infractions est comptée une fois dans la case de sa bande de distance (en mètres, à vol d'oiseau) et de sa bande de jours (jours entre les deux dates : l'heure est ignorée, comme dans le calculateur). Les bandes sont semi-ouvertes : 0,150,300 signifie [0, 150) et [150, 300) mètres, donc une paire distante d'exactement 150 m ou 7 jours tombe dans la deuxième bande. Le hasard est estimé en permutant ITERATIONS fois les dates entre les infractions (les lieux et les dates gardent chacun leur propre structure ; seul leur lien est rompu) et en recomptant : &lt;i&gt;expected&lt;/i&gt; est le nombre moyen après permutation, &lt;i&gt;knox_ratio&lt;/i&gt; le nombre observé divisé par celui-ci, &lt;i&gt;p_value&lt;/i&gt; (1 + permutations dont le nombre est au moins égal à l'observé) / (1 + ITERATIONS), donc 999 permutations peuvent donner au mieux p = 0.001. Les paires plus éloignées que la dernière borne de distance ne figurent dans aucune ligne, mais les dates de leurs infractions sont permutées aussi. &lt;b&gt;Comparaison avec le Near Repeat Calculator&lt;/b&gt; : vérifiez les paramètres du calculateur avant de comparer les chiffres. Il étiquette les bandes par des nombres entiers, bornes incluses ('1 to 150', '0 to 7'), et affiche les paires situées au même endroit sur une ligne à part ; une réplication indépendante a constaté que sa bande 'a to b' compte les paires de a − 1 jusqu'à b exclu, ce qui importe surtout pour la première bande de jours. Il propose la distance de Manhattan en plus de la distance euclidienne : choisissez la distance euclidienne (Euclidean) pour correspondre à cet outil. Son réglage de significativité détermine le nombre de permutations, et ses p-values proviennent du rang du nombre observé parmi les nombres permutés : elles ne concordent avec celles-ci que pour un même nombre de permutations, et varient par hasard d'une exécution à l'autre (comme celles-ci pour une autre SEED). Compter chaque paire deux fois (de i à j et de j à i) double à la fois l'observé et l'attendu, et ne change ni les rapports ni les p-values. Jusqu'à 50 millions de paires plus proches que la dernière borne de distance peuvent être traitées ; au-delà, le calcul est refusé.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="77"/>
        <source>Each crime&apos;s date: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm). Crimes are compared by date, so times of day are dropped; data known only to the month (as data.police.uk&apos;s) is refused.</source>
        <translation type="unfinished">La date de chaque infraction : un champ ou une expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm). Les infractions sont comparées par date, l'heure est donc ignorée ; les données connues seulement au mois près (comme celles de data.police.uk) sont refusées.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="81"/>
        <source>Distance band edges (metres)</source>
        <translation type="unfinished">Bornes des bandes de distance (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="81"/>
        <source>The edges of the distance bands in metres, increasing, separated by commas: 0,150,300,450,600 gives the bands [0, 150), [150, 300), [300, 450) and [450, 600). Straight-line distance in the metric CRS the crimes are read in.</source>
        <translation type="unfinished">Les bornes des bandes de distance en mètres, croissantes, séparées par des virgules : 0,150,300,450,600 donne les bandes [0, 150), [150, 300), [300, 450) et [450, 600). Distance à vol d'oiseau dans le SCR métrique dans lequel les infractions sont lues.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="86"/>
        <source>Day band edges (days)</source>
        <translation type="unfinished">Bornes des bandes de jours (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="86"/>
        <source>The edges of the day bands in whole days, increasing, separated by commas: 0,7,14,21,28 gives [0, 7) (the same day up to 6 days apart), [7, 14), [14, 21) and [21, 28).</source>
        <translation type="unfinished">Les bornes des bandes de jours en jours entiers, croissantes, séparées par des virgules : 0,7,14,21,28 donne [0, 7) (du même jour jusqu'à 6 jours d'écart), [7, 14), [14, 21) et [21, 28).</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="90"/>
        <source>Shuffles (Monte Carlo iterations)</source>
        <translation type="unfinished">Permutations (itérations de Monte Carlo)</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="90"/>
        <source>How many times the dates are shuffled among the crimes: at least 19. The smallest p-value is 1 / (1 + ITERATIONS): 0.05 with 19, 0.01 with 99, 0.001 with 999.</source>
        <translation type="unfinished">Nombre de permutations des dates entre les infractions : au moins 19. La plus petite p-value est 1 / (1 + ITERATIONS) : 0.05 avec 19, 0.01 avec 99, 0.001 avec 999.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="95"/>
        <source>Random seed</source>
        <translation type="unfinished">Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="95"/>
        <source>The seed of the shuffles: the same crimes, settings and seed give the same table.</source>
        <translation type="unfinished">La graine des permutations : les mêmes infractions, paramètres et graine donnent la même table.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="99"/>
        <source>Knox table</source>
        <translation type="unfinished">Table de Knox</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="99"/>
        <source>A table (no geometry), one row per distance band and day band: &lt;i&gt;distance_from&lt;/i&gt;, &lt;i&gt;distance_to&lt;/i&gt; (metres), &lt;i&gt;days_from&lt;/i&gt;, &lt;i&gt;days_to&lt;/i&gt; (the band is [from, to)), &lt;i&gt;observed&lt;/i&gt; (pairs of crimes in both bands, each pair once), &lt;i&gt;expected&lt;/i&gt; (the mean over the shuffles), &lt;i&gt;knox_ratio&lt;/i&gt; (observed / expected; NULL when no pair is expected) and &lt;i&gt;p_value&lt;/i&gt;.</source>
        <translation type="unfinished">Une table (sans géométrie), une ligne par bande de distance et bande de jours : &lt;i&gt;distance_from&lt;/i&gt;, &lt;i&gt;distance_to&lt;/i&gt; (mètres), &lt;i&gt;days_from&lt;/i&gt;, &lt;i&gt;days_to&lt;/i&gt; (la bande est [from, to)), &lt;i&gt;observed&lt;/i&gt; (paires d'infractions dans les deux bandes, chaque paire une fois), &lt;i&gt;expected&lt;/i&gt; (la moyenne sur les permutations), &lt;i&gt;knox_ratio&lt;/i&gt; (observed / expected ; NULL lorsqu'aucune paire n'est attendue) et &lt;i&gt;p_value&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="106"/>
        <source>Pairs in the first bands</source>
        <translation type="unfinished">Paires dans les premières bandes</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="106"/>
        <source>The observed pairs in the first distance band and the first day band.</source>
        <translation type="unfinished">Les paires observées dans la première bande de distance et la première bande de jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="108"/>
        <source>Knox ratio in the first bands</source>
        <translation type="unfinished">Rapport de Knox dans les premières bandes</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="108"/>
        <source>The Knox ratio of the first distance band and first day band (NULL when no pair is expected there).</source>
        <translation type="unfinished">Le rapport de Knox de la première bande de distance et de la première bande de jours (NULL lorsqu'aucune paire n'y est attendue).</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="111"/>
        <source>p-value in the first bands</source>
        <translation type="unfinished">p-value dans les premières bandes</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="111"/>
        <source>The p-value of the first distance band and first day band.</source>
        <translation type="unfinished">La p-value de la première bande de distance et de la première bande de jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="123"/>
        <source>The near-repeat test</source>
        <translation type="unfinished">Le test de quasi-répétition</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="126"/>
        <source>The near-repeat test compares pairs of crimes, but only {} of them has a date in the period ({}): check TIME, START and END.</source>
        <translation type="unfinished">Le test de quasi-répétition compare des paires d'infractions, mais seules {} d'entre elles ont une date dans la période ({}) : vérifiez TIME, START et END.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="129"/>
        <source>{:,} crimes from {} to {}; {} shuffles of their dates.</source>
        <translation type="unfinished">{:,} infractions du {} au {} ; {} permutations de leurs dates.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="167"/>
        <source>{:,} pairs of crimes are in the distance bands.</source>
        <translation type="unfinished">{:,} paires d'infractions se trouvent dans les bandes de distance.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="173"/>
        <source>No band shows more pairs than chance at p ≤ {}: no sign of near repeats at these distances and times.</source>
        <translation type="unfinished">Aucune bande ne montre plus de paires que le hasard à p ≤ {} : aucun signe de quasi-répétitions à ces distances et à ces délais.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="180"/>
        <source>within {:g} m</source>
        <translation type="unfinished">moins de {:g} m</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="180"/>
        <source>{:g} to under {:g} m</source>
        <translation type="unfinished">{:g} à moins de {:g} m</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="182"/>
        <source>{} days</source>
        <translation type="unfinished">moins de {} jours</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="182"/>
        <source>{} to under {} days</source>
        <translation type="unfinished">{} à moins de {} jours</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="184"/>
        <source>p = {:.3f}</source>
        <translation type="unfinished">p = {:.3f}</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="184"/>
        <source>p &lt; 0.001</source>
        <translation type="unfinished">p &lt; 0.001</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="186"/>
        <source> (the smallest {} shuffles can give)</source>
        <translation type="unfinished"> (la plus petite que {} permutations puissent donner)</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="188"/>
        <source>Crimes {} and {} of another crime: {:,} pairs, and none expected by chance.</source>
        <translation type="unfinished">Infractions distantes d'une autre infraction de {} et de {} : {:,} paires, et aucune attendue par hasard.</translation>
    </message>
    <message>
        <location filename="../algorithms/near_repeat.py" line="190"/>
        <source>Crimes {} and {} of another crime are {:.2f} × as common as chance ({:,} pairs, {:,.1f} expected; {}).</source>
        <translation type="unfinished">Les infractions distantes d'une autre infraction de {} et de {} sont {:.2f} × aussi fréquentes que sous l'effet du seul hasard ({:,} paires, {:,.1f} attendues ; {}).</translation>
    </message>
</context>
<context>
    <name>PatrolDosageAlgorithm</name>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="81"/>
        <source>Patrol dosage from GPS</source>
        <translation type="unfinished">Dosage des patrouilles à partir du GPS</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="84"/>
        <source>GPS,AVL,pings,dosage,patrol,visits,compliance,Koper curve,evaluation</source>
        <translation type="unfinished">GPS,AVL,positions GPS,pings,dosage,patrouille,passages,conformité,courbe de Koper,évaluation</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="87"/>
        <source>Finds the visits units really made to the hotspots from their GPS trail (vehicle or radio pings), so that evaluation rests on delivered patrols, not planned ones; with the plan, says which planned visits were delivered, late or missed, and how many stays had the dosage of the Koper curve.</source>
        <translation type="unfinished">Retrouve les passages réellement effectués par les équipages sur les points chauds à partir de leur trace GPS (positions GPS des véhicules ou des radios), afin que l'évaluation repose sur les patrouilles réalisées et non sur celles planifiées ; avec le plan, indique quels passages planifiés ont été réalisés, en retard ou manqués, et combien de présences avaient le dosage de la courbe de Koper.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="93"/>
        <source>per unit, pings are taken in time order; a stay is a run of consecutive pings inside the same hotspot with no gap above MAX_GAP. It starts at its first ping and ends at its last ping inside: when the unit left between two pings is unknown, so the stay is not lengthened. A planned visit is &lt;i&gt;delivered&lt;/i&gt; when a unit was in its hotspot at the planned start, or arrived or left within 5 minutes of it; &lt;i&gt;late&lt;/i&gt; when a unit first arrived 5 to 60 minutes after it; otherwise &lt;i&gt;missed&lt;/i&gt;. A stay&apos;s arrival serves one visit, but a unit still there at the next planned start delivers that one too, and its minutes are split between them. The Koper curve (Koper 1995): stops need about 10 minutes to deter crime for longer than a drive-through, and about 11 to 15 minutes deter for longest, so stays of 10 to 16 minutes count towards koper_share.</source>
        <translation type="unfinished">par équipage, les positions GPS sont prises dans l'ordre chronologique ; une présence est une suite de positions GPS consécutives dans le même point chaud sans écart supérieur à MAX_GAP. Elle commence à sa première position GPS et se termine à sa dernière position GPS à l'intérieur : le moment où l'équipage est reparti entre deux positions GPS est inconnu, donc la présence n'est pas allongée. Un passage planifié est &lt;i&gt;delivered&lt;/i&gt; (réalisé) lorsqu'un équipage se trouvait dans son point chaud à l'heure de début prévue, ou est arrivé ou reparti dans les 5 minutes autour de celle-ci ; &lt;i&gt;late&lt;/i&gt; (en retard) lorsqu'un équipage est arrivé pour la première fois 5 à 60 minutes après ; sinon &lt;i&gt;missed&lt;/i&gt; (manqué). L'arrivée d'une présence sert un seul passage, mais un équipage encore sur place au début prévu suivant réalise aussi celui-ci, et ses minutes sont réparties entre eux. La courbe de Koper (Koper 1995) : les arrêts doivent durer environ 10 minutes pour dissuader les infractions plus longtemps qu'une simple traversée en voiture, et environ 11 à 15 minutes dissuadent le plus longtemps, donc les présences de 10 à 16 minutes comptent dans koper_share.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="105"/>
        <source>GPS pings (points)</source>
        <translation type="unfinished">Positions GPS (points)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="105"/>
        <source>Points of the GPS trail (vehicle or radio pings).</source>
        <translation type="unfinished">Points de la trace GPS (positions GPS des véhicules ou des radios).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="108"/>
        <source>Unit field</source>
        <translation type="unfinished">Champ de l'équipage</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="108"/>
        <source>The unit (vehicle, radio or call sign) of each ping. Pings without one are taken as one unit named &apos;&apos; (the log warns).</source>
        <translation type="unfinished">L'équipage (véhicule, radio ou indicatif) de chaque position GPS. Les positions GPS sans équipage sont considérées comme un seul équipage nommé '' (le journal avertit).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="112"/>
        <source>Ping time (field or expression)</source>
        <translation type="unfinished">Heure de la position GPS (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="112"/>
        <source>Each ping&apos;s time (field or expression), to the minute or finer.</source>
        <translation type="unfinished">L'heure de chaque position GPS (champ ou expression), à la minute ou plus précise.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="115"/>
        <source>Hotspots (polygons with hotspot_id)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="115"/>
        <source>Polygons with hotspot_id (and rank), as Rank patrol hotspots writes them. Points or lines are refused unless BUFFER is above 0 m: then each is the area within BUFFER of it.</source>
        <translation type="unfinished">Polygones avec hotspot_id (et rank), tels que « Classer les points chauds à patrouiller » les écrit. Les points ou les lignes sont refusés sauf si BUFFER est supérieur à 0 m : chacun est alors la zone située à moins de BUFFER de lui.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="120"/>
        <source>Buffer around hotspots (metres)</source>
        <translation type="unfinished">Tampon autour des points chauds (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="120"/>
        <source>Distance around a hotspot that still counts as inside (GPS error, a car parked on the edge). Where buffered hotspots overlap, the higher-ranked one counts.</source>
        <translation type="unfinished">Distance autour d'un point chaud qui compte encore comme à l'intérieur (erreur GPS, voiture garée en bordure). Là où des points chauds avec tampon se chevauchent, celui de meilleur rang compte.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="124"/>
        <source>Longest gap between pings in one stay (minutes)</source>
        <translation type="unfinished">Plus long écart entre positions GPS dans une même présence (minutes)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="124"/>
        <source>The longest silence between two pings inside one hotspot that still counts as one stay.</source>
        <translation type="unfinished">Le plus long silence entre deux positions GPS dans un point chaud qui compte encore comme une seule présence.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="128"/>
        <source>Shortest stay that counts as a visit (minutes)</source>
        <translation type="unfinished">Présence la plus courte qui compte comme passage (minutes)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="128"/>
        <source>The shortest stay that counts as a visit (drive-throughs do not).</source>
        <translation type="unfinished">La présence la plus courte qui compte comme passage (les simples traversées en voiture ne comptent pas).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="131"/>
        <source>Time zone (IANA name)</source>
        <translation type="unfinished">Fuseau horaire (nom IANA)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="131"/>
        <source>Times with a UTC offset (ISO text ending in Z or +hh:mm) are converted to this IANA zone; others are read as local wall-clock times in it.</source>
        <translation type="unfinished">Les heures avec un décalage UTC (texte ISO finissant par Z ou +hh:mm) sont converties dans ce fuseau IANA ; les autres sont lues comme heures locales de ce fuseau.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="135"/>
        <source>Planned visits (optional)</source>
        <translation type="unfinished">Passages planifiés (facultatif)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="135"/>
        <source>The planned visits (Generate patrol plan&apos;s output), for OUTPUT_COMPLIANCE and the planned visits of OUTPUT_HOTSPOTS. Visits at hotspots not in HOTSPOTS are left out (the log warns).</source>
        <translation type="unfinished">Les passages planifiés (sortie de « Générer le plan de patrouille »), pour OUTPUT_COMPLIANCE et les passages planifiés de OUTPUT_HOTSPOTS. Les passages sur des points chauds absents de HOTSPOTS sont écartés (le journal avertit).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="157"/>
        <source>Visits made</source>
        <translation type="unfinished">Passages effectués</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="139"/>
        <source>A point per visit made, inside its hotspot: &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;end&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt; (ISO 8601 with UTC offset), &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;pings&lt;/i&gt; — the fields of the patrol plan's visits (with pings for risk), so Evaluate patrol effect takes either.</source>
        <translation type="unfinished">Un point par passage effectué, dans son point chaud : &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;end&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt; (ISO 8601 avec décalage UTC), &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;pings&lt;/i&gt; — les champs des passages du plan de patrouille (avec pings à la place de risk), de sorte que « Évaluer l'effet des patrouilles » accepte l'un ou l'autre.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="145"/>
        <source>Plan compliance</source>
        <translation type="unfinished">Conformité au plan</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="145"/>
        <source>With PLAN, a row per planned visit: &lt;i&gt;plan_fid&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;status&lt;/i&gt; (delivered, late, missed), &lt;i&gt;late_minutes&lt;/i&gt;, &lt;i&gt;delivered_minutes&lt;/i&gt;.</source>
        <translation type="unfinished">Avec PLAN, une ligne par passage planifié : &lt;i&gt;plan_fid&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;status&lt;/i&gt; (delivered, late, missed), &lt;i&gt;late_minutes&lt;/i&gt;, &lt;i&gt;delivered_minutes&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="151"/>
        <source>Dosage per hotspot</source>
        <translation type="unfinished">Dosage par point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="151"/>
        <source>A row per hotspot: &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;planned_visits&lt;/i&gt;, &lt;i&gt;planned_minutes&lt;/i&gt;, &lt;i&gt;delivered_visits&lt;/i&gt;, &lt;i&gt;stays&lt;/i&gt;, &lt;i&gt;stay_minutes&lt;/i&gt;, &lt;i&gt;koper_share&lt;/i&gt; (share of its stays lasting 10 to 16 minutes).</source>
        <translation type="unfinished">Une ligne par point chaud : &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;planned_visits&lt;/i&gt;, &lt;i&gt;planned_minutes&lt;/i&gt;, &lt;i&gt;delivered_visits&lt;/i&gt;, &lt;i&gt;stays&lt;/i&gt;, &lt;i&gt;stay_minutes&lt;/i&gt;, &lt;i&gt;koper_share&lt;/i&gt; (part de ses présences durant 10 à 16 minutes).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="157"/>
        <source>Stays found.</source>
        <translation type="unfinished">Présences trouvées.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="159"/>
        <source>Planned visits delivered</source>
        <translation type="unfinished">Passages planifiés réalisés</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="159"/>
        <source>With PLAN: planned visits delivered.</source>
        <translation type="unfinished">Avec PLAN : passages planifiés réalisés.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="161"/>
        <source>Planned visits late</source>
        <translation type="unfinished">Passages planifiés en retard</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="161"/>
        <source>With PLAN: planned visits late.</source>
        <translation type="unfinished">Avec PLAN : passages planifiés en retard.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="163"/>
        <source>Planned visits missed</source>
        <translation type="unfinished">Passages planifiés manqués</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="163"/>
        <source>With PLAN: planned visits missed.</source>
        <translation type="unfinished">Avec PLAN : passages planifiés manqués.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="165"/>
        <source>Share of stays lasting 10 to 16 minutes</source>
        <translation type="unfinished">Part des présences durant 10 à 16 minutes</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="165"/>
        <source>The share of all stays lasting 10 to 16 minutes (empty without stays).</source>
        <translation type="unfinished">La part de toutes les présences durant 10 à 16 minutes (vide sans présence).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="192"/>
        <source>Some pings have no unit in &apos;{}&apos;; they are treated as one unit named &apos;&apos;.</source>
        <translation type="unfinished">Certaines positions GPS n'ont pas d'équipage dans '{}' ; elles sont traitées comme un seul équipage nommé ''.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="198"/>
        <source>{} pings of {} units; {} inside hotspots; {} visits made.</source>
        <translation type="unfinished">{} positions GPS de {} équipages ; {} dans des points chauds ; {} passages effectués.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="218"/>
        <source>{:.0%} of stays lasted {} (the Koper curve&apos;s band).</source>
        <translation type="unfinished">{:.0%} des présences ont duré {} (la plage de la courbe de Koper).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="232"/>
        <source>TIME is needed: the field or expression with each ping&apos;s time.</source>
        <translation type="unfinished">TIME est requis : le champ ou l'expression avec l'heure de chaque position GPS.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="233"/>
        <source>Finding stays from GPS pings</source>
        <translation type="unfinished">Recherche des présences à partir des positions GPS</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="245"/>
        <source>{} planned visits name hotspots not in HOTSPOTS; they are left out.</source>
        <translation type="unfinished">{} passages planifiés désignent des points chauds absents de HOTSPOTS ; ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_dosage.py" line="256"/>
        <source>Planned visits: {} delivered, {} late, {} missed of {}.</source>
        <translation type="unfinished">Passages planifiés : {} réalisés, {} en retard, {} manqués sur {}.</translation>
    </message>
</context>
<context>
    <name>PatrolPlanAlgorithm</name>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="79"/>
        <source>Generate patrol plan</source>
        <translation type="unfinished">Générer le plan de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="82"/>
        <source>patrol plan,schedule,rota,visits,shifts,units,calendar,iCalendar,Koper curve,hotspot policing</source>
        <translation type="unfinished">plan de patrouille,planning,roulement,passages,vacations,équipages,calendrier,iCalendar,courbe de Koper,police des points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="86"/>
        <source>Turns ranked hotspots into a concrete, reproducible patrol schedule: short (15-minute) high-visibility visits at sporadic times weighted by when crime happens, on cycles of patrol and rest days, booked to the units on duty — the method of the Southend hotspot patrol pilot, built on the Minneapolis hot spots experiment (Sherman &amp;amp; Weisburd 1995) and the Koper curve (Koper 1995).</source>
        <translation type="unfinished">Transforme des points chauds classés en un planning de patrouille concret et reproductible : des passages courts (15 minutes) et très visibles à des heures irrégulières, pondérées selon le moment où les infractions se produisent, par cycles de jours de patrouille et de jours de repos, attribués aux équipages en service — la méthode du pilote de patrouille des points chauds de Southend, fondée sur l'expérience des points chauds de Minneapolis (Sherman &amp;amp; Weisburd 1995) et la courbe de Koper (Koper 1995).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="114"/>
        <source>Hotspots (polygons with hotspot_id and rank)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id et rank)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="114"/>
        <source>Polygons with hotspot_id and rank (as Rank patrol hotspots writes them).</source>
        <translation type="unfinished">Polygones avec hotspot_id et rank (tels que les écrit Classer les points chauds à patrouiller).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="117"/>
        <source>Crimes for the risk profile</source>
        <translation type="unfinished">Infractions pour le profil de risque</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="117"/>
        <source>Crimes whose hour-of-week profile (with TIME) weights the visit times, as in Crime time profile; each visit is at the centre of the crimes inside its hotspot. Without them visits spread evenly over the shift minutes: places and days are still planned, and RISK_WEIGHTED is false.</source>
        <translation type="unfinished">Infractions dont le profil par heure de la semaine (avec TIME) pondère les heures des passages, comme dans Profil horaire des infractions ; chaque passage se situe au centre des infractions à l'intérieur de son point chaud. Sans elles, les passages sont répartis uniformément sur les minutes de vacation : les lieux et les jours restent planifiés, et RISK_WEIGHTED vaut false.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="123"/>
        <source>Crime date and time</source>
        <translation type="unfinished">Date et heure de l'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="123"/>
        <source>Each crime&apos;s date and time of day (field or expression). A date and a time of day kept in two fields can be joined in the expression, e.g. &lt;code&gt;&quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date or text date, time or text time). Without it, or when the times carry no time of day (data.police.uk months, or dates only), visits spread evenly over the shift minutes: places and days are still planned, a warning says so and RISK_WEIGHTED is false.</source>
        <translation type="unfinished">La date et l'heure de chaque infraction (champ ou expression). Une date et une heure conservées dans deux champs peuvent être réunies dans l'expression, par ex. &lt;code&gt;&quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date ou date en texte, heure ou heure en texte). Sans elle, ou quand les dates ne portent pas d'heure (mois de data.police.uk, ou dates seules), les passages sont répartis uniformément sur les minutes de vacation : les lieux et les jours restent planifiés, un avertissement le signale et RISK_WEIGHTED vaut false.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="133"/>
        <source>First day of the plan</source>
        <translation type="unfinished">Premier jour du plan</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="133"/>
        <source>The plan&apos;s first day.</source>
        <translation type="unfinished">Le premier jour du plan.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="138"/>
        <source>Days</source>
        <translation type="unfinished">Jours</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="138"/>
        <source>How many days the plan covers, from START_DATE; at most 3,660 (about 10 years).</source>
        <translation type="unfinished">Le nombre de jours couverts par le plan, à partir de START_DATE ; au plus 3660 (environ 10 ans).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="140"/>
        <source>Time zone (IANA name)</source>
        <translation type="unfinished">Fuseau horaire (nom IANA)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="140"/>
        <source>The plan&apos;s time zone, an IANA name such as Europe/London.</source>
        <translation type="unfinished">Le fuseau horaire du plan, un nom IANA tel que Europe/London.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="143"/>
        <source>Shift windows</source>
        <translation type="unfinished">Fenêtres de vacation</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="143"/>
        <source>Windows in which a patrol may start and end, HH:MM-HH:MM separated by commas; a window may cross midnight, and its visits belong to the day it opened.</source>
        <translation type="unfinished">Fenêtres pendant lesquelles une patrouille peut commencer et finir, au format HH:MM-HH:MM, séparées par des virgules ; une fenêtre peut passer minuit, et ses passages appartiennent au jour où elle a commencé.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="146"/>
        <source>Minutes per visit</source>
        <translation type="unfinished">Minutes par passage</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="146"/>
        <source>The length of each visit in minutes.</source>
        <translation type="unfinished">La durée de chaque passage en minutes.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="149"/>
        <source>Visits per hotspot on a patrol day</source>
        <translation type="unfinished">Passages par point chaud un jour de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="149"/>
        <source>Visits to each hotspot on each of its patrol days.</source>
        <translation type="unfinished">Passages à chaque point chaud pour chacun de ses jours de patrouille.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="152"/>
        <source>Patrol days in a row</source>
        <translation type="unfinished">Jours de patrouille consécutifs</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="156"/>
        <source>Rest days in a row</source>
        <translation type="unfinished">Jours de repos consécutifs</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="175"/>
        <source>Units on duty</source>
        <translation type="unfinished">Équipages en service</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="175"/>
        <source>Units that make the visits: no unit is booked into two overlapping visits or two it cannot travel between.</source>
        <translation type="unfinished">Équipages qui effectuent les passages : aucun équipage n'est affecté à deux passages qui se chevauchent ou entre lesquels il ne peut pas se déplacer.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="178"/>
        <source>Travel speed (km/h, straight line)</source>
        <translation type="unfinished">Vitesse de déplacement (km/h, ligne droite)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="178"/>
        <source>The units&apos; speed in km/h along a straight line between hotspots, for the time between two visits of a unit.</source>
        <translation type="unfinished">La vitesse des équipages en km/h en ligne droite entre les points chauds, pour le temps entre deux passages d'un équipage.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="182"/>
        <source>Minutes between visits to one hotspot on one day</source>
        <translation type="unfinished">Minutes entre les passages à un point chaud dans une même journée</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="182"/>
        <source>The fewest minutes between the starts of two visits to one hotspot on one day (never less than PATROL_MINUTES, so its visits never overlap).</source>
        <translation type="unfinished">Le nombre minimal de minutes entre les débuts de deux passages à un point chaud dans une même journée (jamais moins que PATROL_MINUTES, pour que ses passages ne se chevauchent jamais).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="186"/>
        <source>Most patrol minutes per hotspot per week</source>
        <translation type="unfinished">Minutes de patrouille maximales par point chaud et par semaine</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="186"/>
        <source>A cap on the patrol minutes of each hotspot in each Monday-to-Sunday week; visits over it are dropped. Empty: no cap.</source>
        <translation type="unfinished">Un plafond sur les minutes de patrouille de chaque point chaud pour chaque semaine du lundi au dimanche ; les passages au-delà sont abandonnés. Vide : pas de plafond.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="191"/>
        <source>Random seed</source>
        <translation type="unfinished">Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="195"/>
        <source>Patrol visits</source>
        <translation type="unfinished">Passages de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="195"/>
        <source>A point per visit at the hotspot's centre of crime — the mean position of the CRIMES inside the hotspot, or a point inside it without crimes — with &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt; (the patrol day), &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;end&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt; (ISO 8601 with UTC offset), &lt;i&gt;minutes&lt;/i&gt; and &lt;i&gt;risk&lt;/i&gt; (the relative risk of the chosen start hour; NULL when the starts were not risk-weighted).</source>
        <translation type="unfinished">Un point par passage au centre des infractions du point chaud — la position moyenne des CRIMES à l'intérieur du point chaud, ou un point à l'intérieur de celui-ci s'il n'a pas d'infractions — avec &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt; (le jour de patrouille), &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start&lt;/i&gt;, &lt;i&gt;end&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt; (ISO 8601 avec décalage UTC), &lt;i&gt;minutes&lt;/i&gt; et &lt;i&gt;risk&lt;/i&gt; (le risque relatif de l'heure de début choisie ; NULL quand les débuts n'ont pas été pondérés par le risque).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="202"/>
        <source>Routes (unit and day)</source>
        <translation type="unfinished">Itinéraires (équipage et jour)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="202"/>
        <source>A line per unit and day through its visits in time order, with &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;visits&lt;/i&gt; and &lt;i&gt;km&lt;/i&gt; (straight-line length).</source>
        <translation type="unfinished">Une ligne par équipage et par jour reliant ses passages dans l'ordre chronologique, avec &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;visits&lt;/i&gt; et &lt;i&gt;km&lt;/i&gt; (longueur en ligne droite).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="214"/>
        <source>Calendar (iCalendar)</source>
        <translation type="unfinished">Calendrier (iCalendar)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="214"/>
        <source>iCalendar (*.ics)</source>
        <translation type="unfinished">iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="214"/>
        <source>An iCalendar file (RFC 5545; Desruisseaux 2009), one event per visit with the hotspot&apos;s latitude and longitude, for a phone&apos;s calendar.</source>
        <translation type="unfinished">Un fichier iCalendar (RFC 5545; Desruisseaux 2009), un événement par passage avec la latitude et la longitude du point chaud, pour le calendrier d'un téléphone.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="219"/>
        <source>Visits table (CSV)</source>
        <translation type="unfinished">Table des passages (CSV)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="219"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished">CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="219"/>
        <source>A row per visit: &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt;, &lt;i&gt;end_local&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;risk&lt;/i&gt;, &lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt; (in the output&apos;s CRS), &lt;i&gt;latitude&lt;/i&gt;, &lt;i&gt;longitude&lt;/i&gt; (WGS 84).</source>
        <translation type="unfinished">Une ligne par passage : &lt;i&gt;visit_id&lt;/i&gt;, &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;rank&lt;/i&gt;, &lt;i&gt;unit&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt;, &lt;i&gt;start_local&lt;/i&gt;, &lt;i&gt;end_local&lt;/i&gt;, &lt;i&gt;minutes&lt;/i&gt;, &lt;i&gt;risk&lt;/i&gt;, &lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt; (dans le SCR de la sortie), &lt;i&gt;latitude&lt;/i&gt;, &lt;i&gt;longitude&lt;/i&gt; (WGS 84).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="225"/>
        <source>Visits planned</source>
        <translation type="unfinished">Passages planifiés</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="225"/>
        <source>Visits planned.</source>
        <translation type="unfinished">Passages planifiés.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="227"/>
        <source>Visits dropped</source>
        <translation type="unfinished">Passages abandonnés</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="230"/>
        <source>Starts weighted by crime risk</source>
        <translation type="unfinished">Débuts pondérés par le risque d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="230"/>
        <source>True when the starts were weighted by the crimes&apos; hour-of-week risk, false when they were spread evenly.</source>
        <translation type="unfinished">Vrai quand les débuts ont été pondérés par le risque des infractions par heure de la semaine, faux quand ils ont été répartis uniformément.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="267"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="291"/>
        <source>START_DATE is needed: the first day of the plan.</source>
        <translation type="unfinished">START_DATE est nécessaire : le premier jour du plan.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="312"/>
        <source>No CRIMES: visit times spread evenly over the shift windows.</source>
        <translation type="unfinished">Pas de CRIMES : heures de passage réparties uniformément sur les fenêtres de vacation.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="320"/>
        <source>No TIME: visit times spread evenly over the shift windows.</source>
        <translation type="unfinished">Pas de TIME : heures de passage réparties uniformément sur les fenêtres de vacation.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="323"/>
        <source>The crimes carry no time of day (known only to the {}, as {}). Places and days are planned, but visit starts are spread evenly over the shift minutes, not weighted by risk (RISK_WEIGHTED false; risk is NULL). For risk-weighted times give TIME the time of day, or TIME_END for crimes known to a window.</source>
        <translation type="unfinished">Les infractions ne portent pas d'heure (précision : {}, par ex. {}). Les lieux et les jours sont planifiés, mais les débuts de passage sont répartis uniformément sur les minutes de vacation, sans pondération par le risque (RISK_WEIGHTED false ; risk vaut NULL). Pour des heures pondérées par le risque, donnez à TIME l'heure de la journée, ou TIME_END pour les infractions connues sur une fenêtre.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="409"/>
        <source>{} visits planned over {} days from {}{}.</source>
        <translation type="unfinished">{} passages planifiés sur {} jours à partir du {}{}.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="409"/>
        <source>, weighted by the hotspots&apos; crime times</source>
        <translation type="unfinished">, pondérés selon les heures des infractions dans les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="417"/>
        <source>hotspot</source>
        <translation type="unfinished">point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="417"/>
        <source>unit</source>
        <translation type="unfinished">équipage</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="418"/>
        <source>Patrol minutes per {}: {}</source>
        <translation type="unfinished">Minutes de patrouille par {} : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="227"/>
        <source>Visits that could not be booked: no unit free, no free time in the shifts, or over MAX_MINUTES_PER_WEEK (the log lists them by reason and hotspot rank).</source>
        <translation type="unfinished">Passages qui n'ont pas pu être réservés : aucun équipage libre, plus de temps libre dans les vacations, ou dépassement de MAX_MINUTES_PER_WEEK (le journal les liste par motif et par rang de point chaud).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="425"/>
        <source>hotspot ranked {}</source>
        <translation type="unfinished">point chaud de rang {}</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="425"/>
        <source>hotspots ranked {}</source>
        <translation type="unfinished">points chauds de rangs {}</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="428"/>
        <source>1 visit dropped ({reason}), {where}.</source>
        <translation type="unfinished">1 passage abandonné ({reason}), {where}.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="428"/>
        <source>{count} visits dropped ({reason}), {where}.</source>
        <translation type="unfinished">{count} passages abandonnés ({reason}), {where}.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="431"/>
        <source>1 visit dropped for lack of capacity ({where}).</source>
        <translation type="unfinished">1 passage abandonné faute de capacité ({where}).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="431"/>
        <source>{count} visits dropped for lack of capacity ({where}).</source>
        <translation type="unfinished">{count} passages abandonnés faute de capacité ({where}).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="434"/>
        <source>More units would not plan them all: some fall where every free start in the shifts has a crime risk of zero.</source>
        <translation type="unfinished">Davantage d'équipages ne permettraient pas de tous les planifier : certains tombent là où chaque début libre dans les vacations a un risque d'infraction nul.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="437"/>
        <source>With the same shifts and {} units ({} more), no visit would be dropped for lack of capacity.</source>
        <translation type="unfinished">Avec les mêmes vacations et {} équipages ({} de plus), aucun passage ne serait abandonné faute de capacité.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="93"/>
        <source>short visits because Koper (1995) found that a stop of about 10 to 15 minutes deters crime for longest after the officers leave; unpredictable, rotating visits so that the deterrence is felt everywhere, as in the Minneapolis experiment, where doubling patrol presence at hot spots brought modest falls in crime calls and halved observed disorder (Sherman &amp;amp; Weisburd 1995). Start times are drawn at 5-minute resolution, weighted by the hotspot&apos;s risk in that hour, never within 30 minutes of a start at the same hotspot on its previous patrol day. A local time that does not exist (spring forward) is never produced; an ambiguous one (autumn) is its first occurrence. When capacity runs out the lowest-ranked hotspots lose visits first; the log lists the dropped visits by hotspot rank, with the number of units that would drop none, found by planning again with more units (one unit fewer drops some). The patrol days come from on/off cycles or, with DESIGN randomised place-days, from a random draw: within each block of DAYS_ON + DAYS_OFF days each hotspot is assigned DAYS_ON days at random, balanced over the weekdays (dependent rounding of each block&apos;s and weekday&apos;s fair share), so that every hotspot-day has the same chance of patrol. Random assignment of place-days keeps weekly and monthly rhythms (weekends, paydays) out of the comparison of patrol days with other days, as random assignment of places did in the Minneapolis experiment (Sherman &amp;amp; Weisburd 1995), and lets the evaluation be by intention to treat, as in Southend&apos;s randomised trial of 1,800 place-days (Basford et al. 2021): OUTPUT_ASSIGNMENT keeps the assignment, including the assigned days whose visits were all dropped.</source>
        <translation type="unfinished">des passages courts parce que Koper (1995) a constaté qu'un arrêt d'environ 10 à 15 minutes dissuade les infractions le plus longtemps après le départ des agents ; des passages imprévisibles et tournants pour que la dissuasion se fasse sentir partout, comme dans l'expérience de Minneapolis, où le doublement de la présence policière dans les points chauds a entraîné de modestes baisses des appels signalant des infractions et divisé par deux les désordres observés (Sherman &amp;amp; Weisburd 1995). Les heures de début sont tirées à une résolution de 5 minutes, pondérées par le risque du point chaud à cette heure, jamais à moins de 30 minutes d'un début au même point chaud lors de son jour de patrouille précédent. Une heure locale inexistante (changement d'heure du printemps) n'est jamais produite ; une heure ambiguë (changement d'heure d'automne) est prise à sa première occurrence. Quand la capacité s'épuise, les points chauds les moins bien classés perdent des passages en premier ; le journal liste les passages abandonnés par rang de point chaud, avec le nombre d'équipages qui n'en abandonnerait aucun, trouvé en planifiant à nouveau avec plus d'équipages (un équipage de moins en abandonne certains). Les jours de patrouille proviennent de cycles patrouille/repos ou, avec DESIGN sur « jours-lieux randomisés », d'un tirage aléatoire : dans chaque bloc de DAYS_ON + DAYS_OFF jours, chaque point chaud se voit affecter DAYS_ON jours au hasard, équilibrés entre les jours de la semaine (arrondi dépendant de la part équitable de chaque bloc et de chaque jour de la semaine), de sorte que chaque jour-point chaud a la même probabilité de patrouille. L'affectation aléatoire des jours-lieux tient les rythmes hebdomadaires et mensuels (week-ends, jours de paie) à l'écart de la comparaison des jours de patrouille avec les autres jours, comme l'affectation aléatoire des lieux dans l'expérience de Minneapolis (Sherman &amp;amp; Weisburd 1995), et permet une évaluation en intention de traiter, comme dans l'essai randomisé de Southend portant sur 1 800 jours-lieux (Basford et al. 2021) : OUTPUT_ASSIGNMENT conserve l'affectation, y compris les jours affectés dont tous les passages ont été abandonnés.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="152"/>
        <source>With on/off cycles each hotspot alternates runs of DAYS_ON patrol days and DAYS_OFF rest days, phases staggered so that the daily workload is even; with randomised place-days it patrols DAYS_ON days drawn at random in each block of DAYS_ON + DAYS_OFF days.</source>
        <translation type="unfinished">Avec les cycles patrouille/repos, chaque point chaud alterne des séries de DAYS_ON jours de patrouille et de DAYS_OFF jours de repos, avec des phases décalées pour que la charge quotidienne soit régulière ; avec les jours-lieux randomisés, il est patrouillé DAYS_ON jours tirés au hasard dans chaque bloc de DAYS_ON + DAYS_OFF jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="156"/>
        <source>Rest days between a hotspot&apos;s runs of patrol days, or in each block of the randomised design (0: a patrol every day, with either design).</source>
        <translation type="unfinished">Jours de repos entre les séries de jours de patrouille d'un point chaud, ou dans chaque bloc du dispositif randomisé (0 : une patrouille chaque jour, quel que soit le dispositif).</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="159"/>
        <source>Patrol-day design</source>
        <translation type="unfinished">Dispositif des jours de patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="159"/>
        <source>On/off cycles</source>
        <translation type="unfinished">Cycles patrouille/repos</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="159"/>
        <source>Randomised place-days</source>
        <translation type="unfinished">Jours-lieux randomisés</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="159"/>
        <source>How each hotspot&apos;s patrol days are chosen. &lt;i&gt;On/off cycles&lt;/i&gt; (the default): the staggered runs of DAYS_ON and DAYS_OFF. &lt;i&gt;Randomised place-days&lt;/i&gt;, for a trial: the days from START_DATE are cut into blocks of DAYS_ON + DAYS_OFF days, and each hotspot is assigned DAYS_ON days of each block at random, balanced over the weekdays; the same hotspots in the same order, DAYS, DAYS_ON, DAYS_OFF, weekday of START_DATE and SEED give the same draw. For each hotspot this guarantees: every whole block holds exactly DAYS_ON patrol days (a last block cut short, its share rounded down or up); every 7 whole blocks hold exactly DAYS_ON patrol days on each weekday; over the plan each weekday holds its fair share, DAYS_ON / (DAYS_ON + DAYS_OFF) of the plan&apos;s days of that weekday, rounded down or up; and every hotspot-day is assigned with the same chance, DAYS_ON / (DAYS_ON + DAYS_OFF). Hotspots are drawn independently, so the number patrolled varies from day to day. The assigned days get their visits as cycle days do.</source>
        <translation type="unfinished">Comment les jours de patrouille de chaque point chaud sont choisis. &lt;i&gt;Cycles patrouille/repos&lt;/i&gt; (par défaut) : les séries décalées de DAYS_ON et DAYS_OFF. &lt;i&gt;Jours-lieux randomisés&lt;/i&gt;, pour un essai : les jours à partir de START_DATE sont découpés en blocs de DAYS_ON + DAYS_OFF jours, et chaque point chaud se voit affecter au hasard DAYS_ON jours de chaque bloc, équilibrés entre les jours de la semaine ; les mêmes points chauds dans le même ordre, DAYS, DAYS_ON, DAYS_OFF, jour de la semaine de START_DATE et SEED donnent le même tirage. Pour chaque point chaud, cela garantit : chaque bloc entier contient exactement DAYS_ON jours de patrouille (un dernier bloc tronqué ayant sa part arrondie à l'inférieur ou au supérieur) ; chaque série de 7 blocs entiers contient exactement DAYS_ON jours de patrouille pour chaque jour de la semaine ; sur l'ensemble du plan, chaque jour de la semaine reçoit sa part équitable, DAYS_ON / (DAYS_ON + DAYS_OFF) des jours du plan tombant ce jour de la semaine, arrondie à l'inférieur ou au supérieur ; et chaque jour-point chaud est affecté avec la même probabilité, DAYS_ON / (DAYS_ON + DAYS_OFF). Les points chauds sont tirés indépendamment, donc le nombre de points chauds patrouillés varie d'un jour à l'autre. Les jours affectés reçoivent leurs passages comme les jours de cycle.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="191"/>
        <source>The seed of the random start times and of the randomised place-days: the same inputs and seed give the same plan.</source>
        <translation type="unfinished">La graine des heures de début aléatoires et des jours-lieux randomisés : les mêmes entrées et la même graine donnent le même plan.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="207"/>
        <source>Assignment (hotspot and day)</source>
        <translation type="unfinished">Affectation (point chaud et jour)</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="207"/>
        <source>A table (no geometry) with a row per hotspot and day of the plan: &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt; and &lt;i&gt;assigned&lt;/i&gt;, true when the design assigned the hotspot to patrol that day whatever the visits, so a day whose visits were all dropped stays assigned (the log counts them): the treatment of an intention-to-treat evaluation.</source>
        <translation type="unfinished">Une table (sans géométrie) avec une ligne par point chaud et par jour du plan : &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;date&lt;/i&gt; et &lt;i&gt;assigned&lt;/i&gt;, true lorsque le dispositif a affecté le point chaud à la patrouille ce jour-là, quels que soient les passages ; un jour dont tous les passages ont été abandonnés reste donc affecté (le journal les compte) : le traitement d'une évaluation en intention de traiter.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="233"/>
        <source>Hotspot-days assigned to patrol</source>
        <translation type="unfinished">Jours-points chauds affectés à la patrouille</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="233"/>
        <source>The hotspot-days the design assigned to patrol, with or without a visit.</source>
        <translation type="unfinished">Les jours-points chauds que le dispositif a affectés à la patrouille, avec ou sans passage.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="413"/>
        <source>{} hotspot-days assigned to patrol ({}); {} of them got no visit, every visit dropped, and stay assigned in the assignment table.</source>
        <translation type="unfinished">{} jours-points chauds affectés à la patrouille ({}) ; {} d'entre eux n'ont reçu aucun passage, tous leurs passages ayant été abandonnés, et restent affectés dans la table d'affectation.</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="413"/>
        <source>randomised place-days</source>
        <translation type="unfinished">jours-lieux randomisés</translation>
    </message>
    <message>
        <location filename="../algorithms/patrol_plan.py" line="413"/>
        <source>on/off cycles</source>
        <translation type="unfinished">cycles patrouille/repos</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../ui/plan_form.py" line="57"/>
        <source>The field or expression with each crime&apos;s date and time, in the local time of the plan&apos;s time zone</source>
        <translation type="unfinished">Le champ ou l'expression avec la date et l'heure de chaque infraction, en heure locale du fuseau horaire du plan</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="68"/>
        <source> m</source>
        <translation type="unfinished"> m</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="69"/>
        <source>Side of the square grid cells; the Southend pilot patrolled 150 m cells</source>
        <translation type="unfinished">Côté des cellules carrées de la grille ; le pilote de Southend patrouillait des cellules de 150 m</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="84"/>
        <source> days</source>
        <translation type="unfinished"> jours</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="94"/>
        <source>IANA time zone of the plan, e.g. Europe/London or America/Chicago</source>
        <translation type="unfinished">Fuseau horaire IANA du plan, p. ex. Europe/London ou America/Chicago</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="96"/>
        <source>Windows in which visits may start and end, e.g. 08:00-14:00,22:00-02:00</source>
        <translation type="unfinished">Fenêtres horaires dans lesquelles les passages peuvent commencer et finir, p. ex. 08:00-14:00,22:00-02:00</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="102"/>
        <source>Same inputs and seed, same plan; change it for other visit times</source>
        <translation type="unfinished">Mêmes entrées et même graine, même plan ; changez-la pour d'autres heures de passage</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="103"/>
        <source>Crime density surface too</source>
        <translation type="unfinished">Surface de densité des infractions en plus</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="109"/>
        <source>Crimes</source>
        <translation type="unfinished">Infractions</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="110"/>
        <source>Date and time</source>
        <translation type="unfinished">Date et heure</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="112"/>
        <source>Cell size</source>
        <translation type="unfinished">Taille de cellule</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="113"/>
        <source>Hotspots</source>
        <translation type="unfinished">Points chauds</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="115"/>
        <source>First day</source>
        <translation type="unfinished">Premier jour</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="116"/>
        <source>Plan for</source>
        <translation type="unfinished">Planifier sur</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="117"/>
        <source>Time zone</source>
        <translation type="unfinished">Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="118"/>
        <source>Shifts</source>
        <translation type="unfinished">Vacations</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="119"/>
        <source>Units on duty</source>
        <translation type="unfinished">Équipages en service</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="120"/>
        <source>Seed</source>
        <translation type="unfinished">Graine</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="193"/>
        <source>Choose the layer of crime points first.</source>
        <translation type="unfinished">Choisissez d'abord la couche des points d'infraction.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="196"/>
        <source>Choose the field (or a valid expression) with each crime&apos;s date and time: visit times follow when crime happens.</source>
        <translation type="unfinished">Choisissez le champ (ou une expression valide) avec la date et l'heure de chaque infraction : les heures de passage suivent les moments où les infractions se produisent.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="205"/>
        <source>The crime layer has unsaved edits: save or discard them first, so that the plan uses the crimes you see.</source>
        <translation type="unfinished">La couche des infractions a des modifications non enregistrées : enregistrez-les ou annulez-les d'abord, afin que le plan utilise les infractions que vous voyez.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="142"/>
        <source>No time field: choose the field (or an expression) with each crime&apos;s date and time.</source>
        <translation type="unfinished">Aucun champ de temps : choisissez le champ (ou une expression) qui donne la date et l'heure de chaque infraction.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="145"/>
        <source>Months only, as data.police.uk gives them: places and days are planned; visit times are spread evenly over the shifts.</source>
        <translation type="unfinished">Mois seulement, comme les donne data.police.uk : les lieux et les jours sont planifiés ; les heures des passages sont réparties uniformément sur les vacations.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="148"/>
        <source>Dates without times of day: places and days are planned; visit times are spread evenly over the shifts.</source>
        <translation type="unfinished">Dates sans heure : les lieux et les jours sont planifiés ; les heures des passages sont réparties uniformément sur les vacations.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="151"/>
        <source>Times to the minute: visits are weighted by the hour-of-week risk.</source>
        <translation type="unfinished">Heures à la minute : les passages sont pondérés par le risque par heure de la semaine.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="152"/>
        <source>The first crimes have no readable date and time in this field or expression: check it.</source>
        <translation type="unfinished">Les premières infractions n'ont pas de date et d'heure lisibles dans ce champ ou cette expression : vérifiez-le.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="208"/>
        <source>Not started: the first day is in the past. Choose a day from today on.</source>
        <translation type="unfinished">Non lancé : le premier jour est passé. Choisissez un jour à partir d'aujourd'hui.</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="218"/>
        <source>First day in the past</source>
        <translation type="unfinished">Premier jour passé</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="218"/>
        <source>The first day, {}, is in the past: plan patrols for days that are over?</source>
        <translation type="unfinished">Le premier jour, {}, est passé : planifier des patrouilles pour des jours déjà écoulés ?</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="73"/>
        <source>Most crime (counts)</source>
        <translation type="unfinished">Le plus d'infractions (comptages)</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="74"/>
        <source>Forecast (best by backtest)</source>
        <translation type="unfinished">Prévision (meilleure selon le test rétrospectif)</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="75"/>
        <source>Most crime: the cells with the most crime in the layer. Forecast: the cells the forecast method that would have caught the most crime on this layer&apos;s history expects to be busiest over the plan&apos;s days (Forecast hotspots, best by backtest; slower)</source>
        <translation type="unfinished">Le plus d'infractions : les cellules comptant le plus d'infractions dans la couche. Prévision : les cellules que la méthode de prévision qui aurait capté le plus d'infractions sur l'historique de cette couche prévoit comme les plus actives sur les jours du plan (Prévoir les points chauds, meilleure selon le test rétrospectif ; plus lent)</translation>
    </message>
    <message>
        <location filename="../ui/plan_form.py" line="114"/>
        <source>Chosen by</source>
        <translation type="unfinished">Choisis selon</translation>
    </message>
</context>
<context>
    <name>RankHotspotsAlgorithm</name>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="68"/>
        <source>Rank patrol hotspots</source>
        <translation type="unfinished">Classer les points chauds à patrouiller</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="106"/>
        <source>Weight field</source>
        <translation type="unfinished">Champ de poids</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="106"/>
        <source>A numeric weight per crime, e.g. its harm; or give CATEGORY_FIELD with HARM_WEIGHTS instead. A weight is a count of harm: a negative, NaN or infinite one is refused.</source>
        <translation type="unfinished">Un poids numérique par infraction, p. ex. son préjudice ; ou bien indiquez CATEGORY_FIELD avec HARM_WEIGHTS. Un poids est une quantité de préjudice : un poids négatif, NaN ou infini est refusé.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="111"/>
        <source>Crime category field (for harm weights)</source>
        <translation type="unfinished">Champ de catégorie d'infraction (pour les poids de préjudice)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="111"/>
        <source>Each crime&apos;s category (crime type), looked up in HARM_WEIGHTS: give both, or neither. Crimes whose category is not in the table are skipped and listed in the log.</source>
        <translation type="unfinished">La catégorie de chaque infraction (type d'infraction), recherchée dans HARM_WEIGHTS : indiquez les deux, ou aucun. Les infractions dont la catégorie n'est pas dans la table sont ignorées et listées dans le journal.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="116"/>
        <source>Harm weights (CSV: category,weight)</source>
        <translation type="unfinished">Poids de préjudice (CSV : category,weight)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="116"/>
        <source>A CSV file with the columns &lt;i&gt;category,weight&lt;/i&gt;: the harm of one crime of each category, e.g. the Cambridge Crime Harm Index&apos;s days per crime type (Sherman, Neyroud &amp;amp; Neyroud 2016). Lines starting with # are comments. The shipped harm_weights_police_uk.csv is an example built from second-hand figures: replace it with your force&apos;s own weights. A harm is a count of harm: a negative, NaN or infinite one is refused.</source>
        <translation type="unfinished">Un fichier CSV avec les colonnes &lt;i&gt;category,weight&lt;/i&gt; : le préjudice d'une infraction de chaque catégorie, p. ex. les jours par type d'infraction du Cambridge Crime Harm Index (Sherman, Neyroud &amp;amp; Neyroud 2016). Les lignes commençant par # sont des commentaires. Le fichier fourni harm_weights_police_uk.csv est un exemple construit à partir de chiffres de seconde main : remplacez-le par les poids propres à votre force de police. Un préjudice est une quantité de préjudice : une valeur négative, NaN ou infinie est refusée.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Rank cells by</source>
        <translation type="unfinished">Classer les cellules par</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Crime count</source>
        <translation type="unfinished">Nombre d'infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Weight or harm</source>
        <translation type="unfinished">Poids ou préjudice</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Kernel density at the cell centre</source>
        <translation type="unfinished">Densité par noyau au centre de la cellule</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Gi* z-score</source>
        <translation type="unfinished">Score z du Gi*</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="139"/>
        <source>Number of hotspots</source>
        <translation type="unfinished">Nombre de points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="139"/>
        <source>Hotspots to choose.</source>
        <translation type="unfinished">Points chauds à choisir.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="143"/>
        <source>Minimum crimes in a hotspot</source>
        <translation type="unfinished">Minimum d'infractions dans un point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="149"/>
        <source>Minimum distance between hotspots (metres)</source>
        <translation type="unfinished">Distance minimale entre points chauds (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="149"/>
        <source>No two chosen hotspots&apos; centres are closer than this, in metres (so 20 hotspots are not 20 adjacent cells of one estate). Empty: no limit.</source>
        <translation type="unfinished">Les centres de deux points chauds retenus ne sont jamais plus proches que cette distance, en mètres (pour que 20 points chauds ne soient pas 20 cellules adjacentes d'une même cité). Vide : aucune limite.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="154"/>
        <source>Areas never to choose</source>
        <translation type="unfinished">Zones à ne jamais retenir</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="154"/>
        <source>Polygons whose cells (by centre) are never chosen.</source>
        <translation type="unfinished">Polygones dont les cellules (selon leur centre) ne sont jamais retenues.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="157"/>
        <source>Study area</source>
        <translation type="unfinished">Zone d'étude</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="157"/>
        <source>Polygons of the area to rank in (e.g. the force or the district). Its cells are those whose centre is inside it; crimes in other cells are left out (counted in the log). AREA_SHARE and the Gini are measured over its cells. Empty: the cells of the box that holds the crimes, except those far outside the area holding the rest (misplaced records, flagged and named in the log), which keep only their own cells; so a few such records change neither the area nor the run time.</source>
        <translation type="unfinished">Polygones de la zone dans laquelle classer (p. ex. la force de police ou le district). Ses cellules sont celles dont le centre est à l'intérieur ; les infractions des autres cellules sont écartées (comptées dans le journal). AREA_SHARE et le Gini sont mesurés sur ses cellules. Vide : les cellules du rectangle qui contient les infractions, sauf celles situées loin de la zone où se trouvent les autres (enregistrements mal placés, signalés et nommés dans le journal), qui ne gardent que leurs propres cellules ; ainsi, quelques enregistrements de ce genre ne changent ni la zone ni le temps d'exécution.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="165"/>
        <source>Kernel density radius (metres)</source>
        <translation type="unfinished">Rayon de la densité par noyau (mètres)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="165"/>
        <source>The quartic kernel&apos;s radius for &lt;i&gt;kde&lt;/i&gt;, in metres.</source>
        <translation type="unfinished">Le rayon du noyau quartique pour &lt;i&gt;kde&lt;/i&gt;, en mètres.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="169"/>
        <source>Gi* distance band (metres; empty: the 8 surrounding cells)</source>
        <translation type="unfinished">Bande de distance du Gi* (mètres ; vide : les 8 cellules voisines)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="169"/>
        <source>The Gi* distance band in metres. Empty: the 8 surrounding squares or the 6 surrounding hexagons. A cell with no neighbour within it gets a null gi_z and gi_bin 0 (warned), and ranking by Gi* z-score is refused when no cell has one.</source>
        <translation type="unfinished">La bande de distance du Gi* en mètres. Vide : les 8 carrés voisins ou les 6 hexagones voisins. Une cellule sans voisine dans cette bande reçoit un gi_z nul et un gi_bin à 0 (avec avertissement), et le classement par score z du Gi* est refusé si aucune cellule n'en a un.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="175"/>
        <source>Patrol hotspots</source>
        <translation type="unfinished">Points chauds à patrouiller</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="175"/>
        <source>The chosen hotspots in patrol order, a polygon each, with &lt;i&gt;hotspot_id&lt;/i&gt; (1 … TOP_N), &lt;i&gt;rank&lt;/i&gt; (the cell's place in the RANK_BY ranking of all cells), &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;count&lt;/i&gt; (crimes), &lt;i&gt;weight&lt;/i&gt; (summed weight or harm; the count without either), &lt;i&gt;share&lt;/i&gt; (of all counted crime or harm), &lt;i&gt;cum_share&lt;/i&gt; (cumulated down the hotspots), &lt;i&gt;kde&lt;/i&gt; (the raw kernel sum at the cell centre), &lt;i&gt;gi_z&lt;/i&gt; (Gi* z-score) and &lt;i&gt;gi_bin&lt;/i&gt; (3/2/1 hot spot at 99/95/90% confidence, -3/-2/-1 cold spot, 0 not significant).</source>
        <translation type="unfinished">Les points chauds retenus dans l'ordre de patrouille, un polygone chacun, avec &lt;i&gt;hotspot_id&lt;/i&gt; (1 … TOP_N), &lt;i&gt;rank&lt;/i&gt; (la place de la cellule dans le classement RANK_BY de toutes les cellules), &lt;i&gt;cell_id&lt;/i&gt;, &lt;i&gt;count&lt;/i&gt; (infractions), &lt;i&gt;weight&lt;/i&gt; (somme des poids ou préjudices ; le nombre sans l'un ni l'autre), &lt;i&gt;share&lt;/i&gt; (part de toutes les infractions ou de tout le préjudice comptés), &lt;i&gt;cum_share&lt;/i&gt; (cumulée en descendant les points chauds), &lt;i&gt;kde&lt;/i&gt; (la somme brute des noyaux au centre de la cellule), &lt;i&gt;gi_z&lt;/i&gt; (score z du Gi*) et &lt;i&gt;gi_bin&lt;/i&gt; (3/2/1 point chaud à 99/95/90% de confiance, -3/-2/-1 point froid, 0 non significatif).</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="184"/>
        <source>All cells</source>
        <translation type="unfinished">Toutes les cellules</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="184"/>
        <source>Every cell of the area (see STUDY_AREA) in ranking order, with the same fields; &lt;i&gt;hotspot_id&lt;/i&gt; is null for cells not chosen and &lt;i&gt;cum_share&lt;/i&gt; runs down the ranking. It is the map to test with Hotspot map accuracy (PAI).</source>
        <translation type="unfinished">Toutes les cellules de la zone (voir STUDY_AREA) dans l'ordre du classement, avec les mêmes champs ; &lt;i&gt;hotspot_id&lt;/i&gt; est nul pour les cellules non retenues et &lt;i&gt;cum_share&lt;/i&gt; se cumule en descendant le classement. C'est la carte à tester avec Précision de la carte des points chauds (PAI).</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="190"/>
        <source>Hotspots chosen</source>
        <translation type="unfinished">Points chauds retenus</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="190"/>
        <source>Hotspots chosen.</source>
        <translation type="unfinished">Points chauds retenus.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="192"/>
        <source>Share of crime in hotspots</source>
        <translation type="unfinished">Part des infractions dans les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="192"/>
        <source>The hotspots&apos; share of the crime (or harm).</source>
        <translation type="unfinished">La part des infractions (ou du préjudice) située dans les points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="194"/>
        <source>Share of area in hotspots</source>
        <translation type="unfinished">Part de la surface dans les points chauds</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="194"/>
        <source>The hotspots&apos; share of the area (its cells; see STUDY_AREA).</source>
        <translation type="unfinished">La part de la surface (de ses cellules ; voir STUDY_AREA) couverte par les points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="196"/>
        <source>Gini coefficient</source>
        <translation type="unfinished">Coefficient de Gini</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="196"/>
        <source>The Gini coefficient of crime counts across the area&apos;s cells.</source>
        <translation type="unfinished">Le coefficient de Gini des nombres d'infractions entre les cellules de la zone.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="198"/>
        <source>Generalized Gini</source>
        <translation type="unfinished">Gini généralisé</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="198"/>
        <source>Bernasco &amp;amp; Steenbeek&apos;s (2017) generalized Gini, corrected for more cells than crimes.</source>
        <translation type="unfinished">Le Gini généralisé de Bernasco &amp;amp; Steenbeek (2017), corrigé pour le cas où il y a plus de cellules que d'infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="201"/>
        <source>Crimes counted</source>
        <translation type="unfinished">Infractions comptées</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="201"/>
        <source>Crimes ranked.</source>
        <translation type="unfinished">Infractions classées.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="207"/>
        <source>RADIUS (the kernel density radius) must be more than 0 metres (it is {}); 150 m matches the patrol cells.</source>
        <translation type="unfinished">RADIUS (le rayon de la densité par noyau) doit être supérieur à 0 mètre (il vaut {}) ; 150 m correspond aux cellules de patrouille.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="214"/>
        <source>Give either WEIGHT_FIELD or CATEGORY_FIELD with HARM_WEIGHTS, not both.</source>
        <translation type="unfinished">Indiquez soit WEIGHT_FIELD, soit CATEGORY_FIELD avec HARM_WEIGHTS, mais pas les deux.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="217"/>
        <source>CATEGORY_FIELD and HARM_WEIGHTS go together: give both, or neither.</source>
        <translation type="unfinished">CATEGORY_FIELD et HARM_WEIGHTS vont ensemble : indiquez les deux, ou aucun.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="221"/>
        <source>RANK_BY weight needs WEIGHT_FIELD, or CATEGORY_FIELD with HARM_WEIGHTS.</source>
        <translation type="unfinished">Le classement RANK_BY par poids nécessite WEIGHT_FIELD, ou CATEGORY_FIELD avec HARM_WEIGHTS.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="256"/>
        <source>No crimes are left to rank ({}): check {}TIME, START, END and STUDY_AREA.</source>
        <translation type="unfinished">Il ne reste aucune infraction à classer ({}) : vérifiez {}TIME, START, END et STUDY_AREA.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="256"/>
        <source>CATEGORY_FIELD, HARM_WEIGHTS, </source>
        <translation type="unfinished">CATEGORY_FIELD, HARM_WEIGHTS, </translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="304"/>
        <source>Only {} cells qualify as hotspots (TOP_N is {}): relax MIN_COUNT, SEPARATION or EXCLUDE.</source>
        <translation type="unfinished">Seules {} cellules remplissent les conditions de point chaud (TOP_N vaut {}) : assouplissez MIN_COUNT, SEPARATION ou EXCLUDE.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="316"/>
        <source>{} hotspots hold {:.1%} of the crime{} in {:.2%} of the area ({} cells of {:g} m). Gini {:.3f}; generalized Gini {:.3f}.</source>
        <translation type="unfinished">{} points chauds concentrent {:.1%} des infractions{} sur {:.2%} de la zone ({} cellules de {:g} m). Gini {:.3f} ; Gini généralisé {:.3f}.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="316"/>
        <source> harm</source>
        <translation type="unfinished"> (en préjudice)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="347"/>
        <source>{} crimes have a category that is not in the harm table and are skipped: {}</source>
        <translation type="unfinished">{} infractions ont une catégorie absente de la table des préjudices et sont ignorées : {}</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="360"/>
        <source>STUDY_AREA has no polygon with a geometry, so it has no area to rank in. Give a layer with the study area&apos;s polygons, or leave STUDY_AREA empty to use the crimes&apos; extent.</source>
        <translation type="unfinished">STUDY_AREA ne contient aucun polygone doté d'une géométrie, il n'y a donc aucune zone dans laquelle classer. Indiquez une couche avec les polygones de la zone d'étude, ou laissez STUDY_AREA vide pour utiliser l'emprise des infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="369"/>
        <source>STUDY_AREA holds no cell centre of {:g} m cells: it is smaller than a cell. Give the whole study area, or a smaller CELL_SIZE.</source>
        <translation type="unfinished">STUDY_AREA ne contient aucun centre de cellule de {:g} m : elle est plus petite qu'une cellule. Indiquez toute la zone d'étude, ou une valeur plus petite de CELL_SIZE.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="376"/>
        <source>{:,} crimes in cells whose centre is outside STUDY_AREA were left out.</source>
        <translation type="unfinished">{:,} infractions situées dans des cellules dont le centre est hors de STUDY_AREA ont été écartées.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="453"/>
        <source>RANK_BY is the Gi* z-score, but no cell has one: DISTANCE {:g} m makes every cell a neighbour of every other (or the counts do not vary), so nothing stands out. Use a smaller DISTANCE, or leave it empty for the surrounding cells.</source>
        <translation type="unfinished">RANK_BY est le score z du Gi*, mais aucune cellule n'en a un : une DISTANCE de {:g} m rend chaque cellule voisine de toutes les autres (ou les nombres ne varient pas), donc rien ne ressort. Utilisez une DISTANCE plus petite, ou laissez-la vide pour prendre les cellules voisines.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="458"/>
        <source>{:,} cells hold only crimes far outside the rest (named above): they have no neighbouring cells in the area, so their gi_z is NULL and gi_bin 0.</source>
        <translation type="unfinished">{:,} cellules ne contiennent que des infractions situées loin des autres (nommées ci-dessus) : elles n'ont aucune cellule voisine dans la zone, donc leur gi_z est NULL et leur gi_bin vaut 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="464"/>
        <source>RANK_BY is the Gi* z-score, but no cell has a neighbour within DISTANCE {:g} m (cells are {:g} m apart), so no cell has one. Use a DISTANCE of at least {:g} m, or leave it empty for the surrounding cells.</source>
        <translation type="unfinished">RANK_BY est le score z du Gi*, mais aucune cellule n'a de voisine à moins de la DISTANCE de {:g} m (les cellules sont espacées de {:g} m), donc aucune cellule n'en a un. Utilisez une DISTANCE d'au moins {:g} m, ou laissez-la vide pour prendre les cellules voisines.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="468"/>
        <source>{:,} of {:,} cells have no neighbour within the Gi* DISTANCE {:g} m: their gi_z is NULL and gi_bin 0 (not a hot or cold spot). Use a DISTANCE of at least {:g} m, or leave it empty.</source>
        <translation type="unfinished">{:,} cellules sur {:,} n'ont aucune voisine à moins de la DISTANCE du Gi* de {:g} m : leur gi_z est NULL et leur gi_bin vaut 0 (ni point chaud ni point froid). Utilisez une DISTANCE d'au moins {:g} m, ou laissez-la vide.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="71"/>
        <source>hotspot,hot spot,top cells,rank,patrol,harm,crime harm index,CCHI,Gi*,Getis-Ord,kernel density,Gini,concentration,grid,forecast</source>
        <translation type="unfinished">point chaud,zone chaude,cellules principales,classement,patrouille,préjudice,indice de gravité des infractions,CCHI,Gi*,Getis-Ord,densité par noyau,Gini,concentration,grille,prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="75"/>
        <source>Chooses the hotspots to patrol: grids crimes into fixed cells (as Grid crimes into cells), ranks every cell by crime count, harm, kernel density, Gi* z-score or a forecast, and keeps the TOP_N best that qualify. Patrols focused on a few small hotspots reduce crime there (Sherman &amp;amp; Weisburd 1995); Essex's Southend pilot patrolled 20 cells of 150 m × 150 m. It also measures how concentrated crime is.</source>
        <translation type="unfinished">Choisit les points chauds à patrouiller : répartit les infractions dans des cellules fixes (comme Compter les infractions par cellule), classe chaque cellule par nombre d'infractions, préjudice, densité par noyau, score z du Gi* ou prévision, et conserve les TOP_N meilleures qui remplissent les conditions. Les patrouilles concentrées sur quelques petits points chauds y réduisent la criminalité (Sherman &amp;amp; Weisburd 1995) ; le projet pilote de Southend, dans l'Essex, a patrouillé 20 cellules de 150 m × 150 m. Mesure aussi le degré de concentration des infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>Forecast (the FORECAST layer&apos;s score)</source>
        <translation type="unfinished">Prévision (le score de la couche FORECAST)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="123"/>
        <source>What ranks the cells: their crime count; their summed weight or harm (needs WEIGHT_FIELD, or CATEGORY_FIELD with HARM_WEIGHTS); the kernel density at their centre; their Gi* z-score; or their score in a forecast (needs FORECAST).</source>
        <translation type="unfinished">Ce qui classe les cellules : leur nombre d'infractions ; leur poids ou préjudice cumulé (nécessite WEIGHT_FIELD, ou CATEGORY_FIELD avec HARM_WEIGHTS) ; la densité par noyau en leur centre ; leur score z du Gi* ; ou leur score dans une prévision (nécessite FORECAST).</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="131"/>
        <source>Forecast (a Forecast hotspots output)</source>
        <translation type="unfinished">Prévision (une sortie de Prévoir les points chauds)</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="131"/>
        <source>A Forecast hotspots output (fields cell_id and score): with RANK_BY forecast, cells are ranked by its score, and a cell it does not list scores 0. It must be made with this run&apos;s cells (the same CELL_SIZE and SHAPE) in this run&apos;s CRS. Its cells outside this run&apos;s cells (the crimes&apos; box, or STUDY_AREA) cannot be chosen; the log says how many and the share of the score they hold. Not used with another RANK_BY.</source>
        <translation type="unfinished">Une sortie de Prévoir les points chauds (champs cell_id et score) : avec RANK_BY forecast, les cellules sont classées selon son score, et une cellule qu'elle ne liste pas a un score de 0. Elle doit avoir été produite avec les cellules de cette exécution (mêmes CELL_SIZE et SHAPE) dans le SCR de cette exécution. Ses cellules situées hors des cellules de cette exécution (le rectangle englobant des infractions, ou STUDY_AREA) ne peuvent pas être retenues ; le journal indique leur nombre et la part du score qu'elles détiennent. Non utilisée avec un autre RANK_BY.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="143"/>
        <source>Cells with fewer crimes (INPUT&apos;s crimes of the period, whatever RANK_BY is) are never chosen. Ranking by a forecast, set 0 to choose cells with no recent crime by the forecast alone.</source>
        <translation type="unfinished">Les cellules comptant moins d'infractions (les infractions d'INPUT sur la période, quel que soit RANK_BY) ne sont jamais retenues. Avec un classement par prévision, indiquez 0 pour retenir des cellules sans infraction récente sur la seule base de la prévision.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="224"/>
        <source>RANK_BY forecast needs FORECAST, a Forecast hotspots output.</source>
        <translation type="unfinished">RANK_BY forecast nécessite FORECAST, une sortie de Prévoir les points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="386"/>
        <source>FORECAST is not used: it ranks the cells only with RANK_BY forecast (RANK_BY is {}).</source>
        <translation type="unfinished">FORECAST n'est pas utilisé : il ne sert à classer les cellules qu'avec RANK_BY forecast (RANK_BY vaut {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="394"/>
        <source>the forecast&apos;s CRS</source>
        <translation type="unfinished">le SCR de la prévision</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="395"/>
        <source>FORECAST is in {} but this run works in {}, so its cells are not this run&apos;s cells. Set TARGET_CRS to {}, or forecast again in {}.</source>
        <translation type="unfinished">FORECAST est dans {} mais cette exécution travaille dans {} : ses cellules ne sont donc pas celles de cette exécution. Définissez TARGET_CRS sur {}, ou refaites la prévision dans {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="400"/>
        <source>FORECAST was made with {}; set CELL_SIZE {:g} and SHAPE {}, or forecast again with this run&apos;s cells ({}).</source>
        <translation type="unfinished">FORECAST a été produit avec {} ; définissez CELL_SIZE {:g} et SHAPE {}, ou refaites la prévision avec les cellules de cette exécution ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="406"/>
        <source>{:,} of FORECAST&apos;s {:,} cells, holding {:.1%} of its score, are not among this run&apos;s cells (outside the crimes&apos; box or STUDY_AREA): they cannot be chosen.</source>
        <translation type="unfinished">{:,} des {:,} cellules de FORECAST, qui détiennent {:.1%} de son score, ne font pas partie des cellules de cette exécution (hors du rectangle englobant des infractions ou de STUDY_AREA) : elles ne peuvent pas être retenues.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="410"/>
        <source>Ranking by FORECAST&apos;s score: it scores {:,} of this run&apos;s {:,} cells; the others score 0.</source>
        <translation type="unfinished">Classement selon le score de FORECAST : il attribue un score à {:,} des {:,} cellules de cette exécution ; les autres ont un score de 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="419"/>
        <source>FORECAST has no field &apos;{}&apos;: it must be a Forecast hotspots output, with the fields cell_id and score.</source>
        <translation type="unfinished">FORECAST n'a pas de champ '{}' : ce doit être une sortie de Prévoir les points chauds, avec les champs cell_id et score.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="423"/>
        <source>FORECAST&apos;s field score is not numeric: it must be a Forecast hotspots output, whose score is a number.</source>
        <translation type="unfinished">Le champ score de FORECAST n'est pas numérique : ce doit être une sortie de Prévoir les points chauds, dont le score est un nombre.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="431"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished">Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../algorithms/rank_hotspots.py" line="83"/>
        <source>cells are ranked by the RANK_BY value; ties by count, then row and column. Walking down the ranking, a cell is chosen when it has MIN_COUNT crimes, its centre is outside EXCLUDE and no chosen hotspot is within SEPARATION, until TOP_N are chosen. Gi* uses every cell of the area, empty ones included, with binary weights (Ord &amp;amp; Getis 1995). Kernel density ranks a place by the crime around it; of the usual hotspot maps it predicted future crime best in Chainey, Tompson &amp;amp; Uhlig (2008). With C crimes in N &amp;gt; C cells, at least N − C cells must be empty, so the ordinary Gini cannot fall below 1 − C/N; the generalized Gini measures against the most equal spread that C crimes allow: 1 − (N/C)(1 − Gini). Ranked by a forecast, a cell's value is the FORECAST layer's score of the same cell (matched by cell_id), 0 for a cell it does not list; MIN_COUNT, the shares and the Gini still count the INPUT crimes of the period.&lt;br&gt;&lt;b&gt;A national layer.&lt;/b&gt; When only cells with crime can be hotspots (square cells, RANK_BY count or weight, MIN_COUNT 1 or more, without OUTPUT_CELLS, STUDY_AREA, TIME or a period) and INPUT is a plain file in a CRS in metres (or TARGET_CRS is set), the crimes are counted as they are read and never held in memory: memory follows the cells with crime, empty cells enter only by their number, and kde and Gi* are computed for the hotspots alone. The hotspots and their values are the same; far outliers are then found from the cells (to within a cell).</source>
        <translation type="unfinished">les cellules sont classées selon la valeur RANK_BY ; égalités départagées par le nombre d'infractions, puis par ligne et colonne. En parcourant le classement, une cellule est retenue lorsqu'elle compte au moins MIN_COUNT infractions, que son centre est hors de EXCLUDE et qu'aucun point chaud retenu n'est à moins de SEPARATION, jusqu'à ce que TOP_N cellules soient retenues. Le Gi* utilise toutes les cellules de la zone, vides comprises, avec des poids binaires (Ord &amp; Getis 1995). La densité par noyau classe un lieu selon les infractions qui l'entourent ; parmi les cartes de points chauds usuelles, c'est elle qui a le mieux prédit les infractions futures dans Chainey, Tompson &amp; Uhlig (2008). Avec C infractions dans N &gt; C cellules, au moins N − C cellules sont forcément vides, donc le Gini ordinaire ne peut pas descendre sous 1 − C/N ; le Gini généralisé mesure par rapport à la répartition la plus égale que C infractions permettent : 1 − (N/C)(1 − Gini). Avec un classement par prévision, la valeur d'une cellule est le score de la même cellule dans la couche FORECAST (appariée par cell_id), 0 pour une cellule qu'elle ne liste pas ; MIN_COUNT, les parts et le Gini comptent toujours les infractions INPUT de la période.&lt;br&gt;&lt;b&gt;Une couche nationale.&lt;/b&gt; Quand seules des cellules avec des infractions peuvent être des points chauds (cellules carrées, RANK_BY nombre ou poids, MIN_COUNT d'au moins 1, sans OUTPUT_CELLS, STUDY_AREA, TIME ni période) et que INPUT est un fichier simple dans un SCR en mètres (ou que TARGET_CRS est donné), les infractions sont comptées au fil de la lecture et jamais gardées en mémoire : la mémoire suit les cellules qui ont des infractions, les cellules vides n'interviennent que par leur nombre, et kde et Gi* ne sont calculés que pour les points chauds. Les points chauds et leurs valeurs sont les mêmes ; les valeurs aberrantes lointaines sont alors repérées à partir des cellules (à une cellule près).</translation>
    </message>
</context>
<context>
    <name>ResultsArea</name>
    <message>
        <location filename="../ui/results_area.py" line="16"/>
        <source>What the last run warned about; kept until the next run</source>
        <translation type="unfinished">Les avertissements de la dernière exécution ; conservés jusqu'à la suivante</translation>
    </message>
    <message>
        <location filename="../ui/results_area.py" line="18"/>
        <source>Keep these results</source>
        <translation type="unfinished">Conserver ces résultats</translation>
    </message>
    <message>
        <location filename="../ui/results_area.py" line="20"/>
        <source>The next run adds its own layer group instead of replacing this one</source>
        <translation type="unfinished">La prochaine exécution ajoute son propre groupe de couches au lieu de remplacer celui-ci</translation>
    </message>
    <message>
        <location filename="../ui/results_area.py" line="22"/>
        <source>Save results…</source>
        <translation type="unfinished">Enregistrer les résultats…</translation>
    </message>
    <message>
        <location filename="../ui/results_area.py" line="23"/>
        <source>Copy the run&apos;s files to a folder and use the copies in the project</source>
        <translation type="unfinished">Copier les fichiers de l'exécution dans un dossier et utiliser les copies dans le projet</translation>
    </message>
</context>
<context>
    <name>RiskStrip</name>
    <message>
        <location filename="../ui/risk_strip.py" line="101"/>
        <source>risk {:.2f} (1 = the hotspot&apos;s average hour)</source>
        <translation type="unfinished">risque {:.2f} (1 = l'heure moyenne du point chaud)</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="102"/>
        <source>no risk profile</source>
        <translation type="unfinished">pas de profil de risque</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="104"/>
        <source>{} planned visits</source>
        <translation type="unfinished">{} passages planifiés</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="175"/>
        <source>risk 0</source>
        <translation type="unfinished">risque 0</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="174"/>
        <source>{:.1f}</source>
        <translation type="unfinished">{:.1f}</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="175"/>
        <source>planned visits</source>
        <translation type="unfinished">passages planifiés</translation>
    </message>
    <message>
        <location filename="../ui/risk_strip.py" line="104"/>
        <source>1 planned visit</source>
        <translation type="unfinished">1 passage planifié</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../ui/run_controller.py" line="130"/>
        <source>Hotspot Patrol: rank and plan</source>
        <translation type="unfinished">Hotspot Patrol : classer et planifier</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="136"/>
        <source>Hotspot patrol — {} {}</source>
        <translation type="unfinished">Patrouille des points chauds — {} {}</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="153"/>
        <source>Ranking hotspots…</source>
        <translation type="unfinished">Classement des points chauds…</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="154"/>
        <source>Planning patrols…</source>
        <translation type="unfinished">Planification des patrouilles…</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="161"/>
        <source>Profiling crime times…</source>
        <translation type="unfinished">Profilage des heures des infractions…</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="167"/>
        <source>Estimating crime density…</source>
        <translation type="unfinished">Estimation de la densité des infractions…</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="179"/>
        <source>Cancelled: nothing was added to the project.</source>
        <translation type="unfinished">Annulé : rien n'a été ajouté au projet.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="188"/>
        <source>Cancelled.</source>
        <translation type="unfinished">Annulé.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="212"/>
        <source>Patrol visits</source>
        <translation type="unfinished">Passages de patrouille</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="213"/>
        <source>Hotspots</source>
        <translation type="unfinished">Points chauds</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="216"/>
        <source>Crime density</source>
        <translation type="unfinished">Densité des infractions</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="218"/>
        <source>The results could not be opened from {}.</source>
        <translation type="unfinished">Les résultats n'ont pas pu être ouverts depuis {}.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="205"/>
        <source>The run failed unexpectedly; details are in the log (Hotspot Patrol tab).</source>
        <translation type="unfinished">L'exécution a échoué de façon inattendue ; les détails sont dans le journal (onglet Hotspot Patrol).</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="208"/>
        <source>The run failed: {}</source>
        <translation type="unfinished">L'exécution a échoué : {}</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="246"/>
        <source>Done in {:.1f} s.</source>
        <translation type="unfinished">Terminé en {:.1f} s.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="147"/>
        <source>Forecasting hotspots (backtesting the methods)…</source>
        <translation type="unfinished">Prévision des points chauds (test rétrospectif des méthodes)…</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="232"/>
        <source>{} hotspots: {:.1%} of the crime on {:.2%} of the area. {} visits planned, {} dropped.</source>
        <translation type="unfinished">{} points chauds : {:.1%} des infractions sur {:.2%} de la surface. {} passages planifiés, {} abandonnés.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="237"/>
        <source>Chosen by forecast: {}.</source>
        <translation type="unfinished">Choisis selon la prévision : {}.</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="248"/>
        <source>Done in {:.1f} s, 1 warning (below).</source>
        <translation type="unfinished">Terminé en {:.1f} s, 1 avertissement (ci-dessous).</translation>
    </message>
    <message>
        <location filename="../ui/run_controller.py" line="249"/>
        <source>Done in {:.1f} s, {} warnings (below).</source>
        <translation type="unfinished">Terminé en {:.1f} s, {} avertissements (ci-dessous).</translation>
    </message>
</context>
<context>
    <name>TemporalProfileAlgorithm</name>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="36"/>
        <source>Crime time profile</source>
        <translation type="unfinished">Profil horaire des infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="39"/>
        <source>time profile,hour of the week,temporal,when,risk,aoristic,hotspot matrix,crime</source>
        <translation type="unfinished">profil horaire,heure de la semaine,temporel,quand,risque,aoristique,matrice des points chauds,infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="42"/>
        <source>When crime happens in each hotspot: crimes by hour of the week (168 hours, Monday 00:00 first, in the local time the crimes are recorded in) and the smoothed risk that Generate patrol plan uses to time its visits.</source>
        <translation type="unfinished">Quand les infractions se produisent dans chaque point chaud : infractions par heure de la semaine (168 heures, lundi 00:00 en premier, dans l'heure locale où les infractions sont enregistrées) et le risque lissé que Générer le plan de patrouille utilise pour fixer l'heure de ses passages.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="48"/>
        <source>each hotspot's counts are smoothed over neighbouring hours with a triangular kernel of ±2 hours that wraps round the week (Sunday 23:00 neighbours Monday 00:00), then shrunk towards the smoothed profile of all CRIMES with the weight of 24 crimes (an empirical-Bayes prior): a hotspot with few crimes follows the area's rhythm, one with many its own. Knowing when a hotspot is hot, as well as where, is the idea of Ratcliffe's (2004) hotspot matrix.</source>
        <translation type="unfinished">les effectifs de chaque point chaud sont lissés sur les heures voisines avec un noyau triangulaire de ±2 heures qui boucle sur la semaine (dimanche 23:00 est voisin de lundi 00:00), puis rapprochés du profil lissé de l'ensemble des CRIMES avec le poids de 24 infractions (un a priori bayésien empirique) : un point chaud avec peu d'infractions suit le rythme de la zone, un point chaud avec beaucoup suit le sien. Savoir quand un point chaud est chaud, et pas seulement où, est l'idée de la matrice des points chauds de Ratcliffe (2004).</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="56"/>
        <source>Hotspots (polygons with hotspot_id)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="56"/>
        <source>Polygons with hotspot_id, as Rank patrol hotspots writes them.</source>
        <translation type="unfinished">Polygones avec hotspot_id, tels que les écrit Classer les points chauds à patrouiller.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="59"/>
        <source>Crimes (points)</source>
        <translation type="unfinished">Infractions (points)</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="59"/>
        <source>Crime points of the whole area, not only the hotspots&apos;.</source>
        <translation type="unfinished">Points d'infraction de toute la zone, pas seulement ceux des points chauds.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="63"/>
        <source>Each crime&apos;s date and time of day: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM or dd/MM/yyyy HH:mm). A date and a time of day kept in two fields can be joined in the expression, e.g. &lt;code&gt;&quot;OCCUR_DATE&quot; || &apos; &apos; || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date or text date, time or text time). Crimes known only to the month (data.police.uk) or the day carry no time of day: the algorithm refuses them rather than put them all at midnight.</source>
        <translation type="unfinished">La date et l'heure de chaque infraction : un champ ou une expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM ou dd/MM/yyyy HH:mm). Une date et une heure conservées dans deux champs peuvent être réunies dans l'expression, par ex. &lt;code&gt;&quot;OCCUR_DATE&quot; || ' ' || &quot;OCCUR_TIME&quot;&lt;/code&gt; (date ou date en texte, heure ou heure en texte). Les infractions connues seulement au mois (data.police.uk) ou au jour ne portent pas d'heure : l'algorithme les refuse plutôt que de toutes les placer à minuit.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="71"/>
        <source>Time zone of the crime times (IANA name)</source>
        <translation type="unfinished">Fuseau horaire des heures des infractions (nom IANA)</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="71"/>
        <source>The IANA zone the times are written in. Times are read as written (wall clock); times with a UTC offset are converted to this zone, and windows are measured in its real minutes.</source>
        <translation type="unfinished">Le fuseau IANA dans lequel les heures sont écrites. Les heures sont lues telles qu'écrites (heure murale) ; les heures avec un décalage UTC sont converties dans ce fuseau, et les fenêtres sont mesurées en minutes réelles de ce fuseau.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="75"/>
        <source>Time profile</source>
        <translation type="unfinished">Profil horaire</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="75"/>
        <source>A table of 168 rows per hotspot: &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt; (Monday…Sunday), &lt;i&gt;hour&lt;/i&gt; (0–23), &lt;i&gt;crimes&lt;/i&gt; (in that hour of the week; fractional with TIME_END) and &lt;i&gt;risk&lt;/i&gt; (relative: 1 is the hotspot's average hour). The log names each hotspot's two busiest 3-hour windows.</source>
        <translation type="unfinished">Une table de 168 lignes par point chaud : &lt;i&gt;hotspot_id&lt;/i&gt;, &lt;i&gt;weekday&lt;/i&gt; (Monday…Sunday), &lt;i&gt;hour&lt;/i&gt; (0–23), &lt;i&gt;crimes&lt;/i&gt; (dans cette heure de la semaine ; fractionnaire avec TIME_END) et &lt;i&gt;risk&lt;/i&gt; (relatif : 1 est l'heure moyenne du point chaud). Le journal indique les deux fenêtres de 3 heures les plus chargées de chaque point chaud.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="85"/>
        <source>TIME is needed: the field or expression with each crime&apos;s time.</source>
        <translation type="unfinished">TIME est nécessaire : le champ ou l'expression donnant l'heure de chaque infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="94"/>
        <source>No crimes are left to profile ({}): check TIME, TIME_END, START and END.</source>
        <translation type="unfinished">Il ne reste aucune infraction à profiler ({}) : vérifiez TIME, TIME_END, START et END.</translation>
    </message>
    <message>
        <location filename="../algorithms/temporal_profile.py" line="114"/>
        <source>Hotspot {}: {:g} crimes; peak windows {}.</source>
        <translation type="unfinished">Point chaud {} : {:g} infractions ; fenêtres de pointe {}.</translation>
    </message>
</context>
<context>
    <name>TrialPowerAlgorithm</name>
    <message>
        <location filename="../algorithms/trial_power.py" line="50"/>
        <source>Plan a patrol trial (power)</source>
        <translation type="unfinished">Planifier un essai de patrouille (puissance)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="53"/>
        <source>power,sample size,minimum detectable effect,trial,experiment,patrol,hotspot,randomised,planning</source>
        <translation type="unfinished">puissance,taille d'échantillon,effet minimal détectable,essai,expérimentation,patrouille,point chaud,randomisé,planification</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="57"/>
        <source>Before a patrol trial: how large a drop in crime could it show? From a history of crimes in the hotspots, finds the smallest drop (minimum detectable effect) that a trial of DAYS days, patrolling SHARE of each hotspot&apos;s days, would detect with probability POWER, and how many days the trial needs to detect TARGET_EFFECT.</source>
        <translation type="unfinished">Avant un essai de patrouille : quelle baisse des infractions pourrait-il mettre en évidence ? À partir d'un historique des infractions dans les points chauds, trouve la plus petite baisse (effet minimal détectable) qu'un essai de DAYS jours, patrouillant une part SHARE des jours de chaque point chaud, détecterait avec la probabilité POWER, et combien de jours l'essai nécessite pour détecter TARGET_EFFECT.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="64"/>
        <source>the history (START &amp;lt;= day &amp;lt; END, calendar days in TIMEZONE) gives each hotspot's crimes per day and how much the daily counts vary beyond chance: a negative binomial with each hotspot's own mean and one dispersion k (variance = mean + mean²/k), estimated by the method of moments (Anscombe 1950); no excess variance means Poisson counts. The planned analysis compares each hotspot's patrol days with its own other days: given each hotspot's total, its crimes on patrol days are binomial, and the common rate ratio is the conditional maximum-likelihood estimate with a likelihood-ratio test (Breslow &amp;amp; Day 1987; Greenland &amp;amp; Robins 1985 compare it with the Mantel–Haenszel ratio). Overdispersed daily counts spread each hotspot's split between patrol and other days beyond the binomial, so the test is quasi-Poisson (Wedderburn 1974; McCullagh &amp;amp; Nelder 1989): the dispersion φ is estimated from the day counts (each hotspot's Pearson X² over its days, weighted by the hotspot's information about the ratio, never below 1), the likelihood-ratio statistic is divided by φ and referred to F(1, days − hotspots − 1). The minimum detectable effect is found by simulating that analysis: 1,000 trials of DAYS days per candidate drop, drawn day by day from the negative binomial, each hotspot patrolled on round(SHARE × DAYS) days whose crimes are thinned by the drop, the same random numbers for every candidate (SEED), and a bisection on the drop. The log gives, as a cross-check, the normal approximation of the log rate ratio (critical value from the quasi-Poisson standard error, spread from the negative-binomial one), and the share of simulated trials without any effect in which the test rejects, which should be close to ALPHA. days_for_target doubles the trial from DAYS, then bisects, up to 3,650 days.</source>
        <translation type="unfinished">l'historique (START &amp;lt;= jour &amp;lt; END, jours civils dans TIMEZONE) donne les infractions par jour de chaque point chaud et la variabilité des comptages quotidiens au-delà du hasard : une binomiale négative avec la moyenne propre à chaque point chaud et une dispersion k commune (variance = moyenne + moyenne²/k), estimée par la méthode des moments (Anscombe 1950) ; l'absence de variance excédentaire signifie des comptages de Poisson. L'analyse prévue compare les jours de patrouille de chaque point chaud avec ses propres autres jours : étant donné le total de chaque point chaud, ses infractions les jours de patrouille sont binomiales, et le rapport des taux commun est l'estimation du maximum de vraisemblance conditionnel avec un test du rapport de vraisemblance (Breslow &amp;amp; Day 1987 ; Greenland &amp;amp; Robins 1985 la comparent au rapport de Mantel–Haenszel). Des comptages quotidiens surdispersés étalent la répartition de chaque point chaud entre jours de patrouille et autres jours au-delà de la binomiale, si bien que le test est quasi-Poisson (Wedderburn 1974 ; McCullagh &amp;amp; Nelder 1989) : la dispersion φ est estimée à partir des comptages journaliers (le X² de Pearson de chaque point chaud sur ses jours, pondéré par l'information que le point chaud apporte sur le rapport, jamais inférieure à 1), la statistique du rapport de vraisemblance est divisée par φ et rapportée à F(1, jours − points chauds − 1). L'effet minimal détectable est trouvé en simulant cette analyse : 1 000 essais de DAYS jours par baisse candidate, tirés jour par jour de la binomiale négative, chaque point chaud étant patrouillé round(SHARE × DAYS) jours dont les infractions sont réduites par la baisse, avec les mêmes nombres aléatoires pour chaque candidate (SEED), et une dichotomie sur la baisse. Le journal donne, à titre de contrôle, l'approximation normale du logarithme du rapport des taux (valeur critique tirée de l'erreur type quasi-Poisson, étalement tiré de l'erreur type binomiale négative), et la part des essais simulés sans aucun effet dans lesquels le test rejette, qui devrait être proche de ALPHA. days_for_target double l'essai à partir de DAYS, puis procède par dichotomie, jusqu'à 3 650 jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="87"/>
        <source>Crimes (points)</source>
        <translation type="unfinished">Infractions (points)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="87"/>
        <source>The crime points of the history; each part of a multipoint is a crime.</source>
        <translation type="unfinished">Les points d'infraction de l'historique ; chaque partie d'un multipoint est une infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="90"/>
        <source>Crime date and time (field or expression)</source>
        <translation type="unfinished">Date et heure de l'infraction (champ ou expression)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="90"/>
        <source>Each crime&apos;s date: a field or an expression. It puts each crime on a calendar day in TIMEZONE (a crime known only to its month is refused).</source>
        <translation type="unfinished">La date de chaque infraction : un champ ou une expression. Elle place chaque infraction sur un jour civil dans TIMEZONE (une infraction connue seulement au mois est refusée).</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="94"/>
        <source>Crime type field</source>
        <translation type="unfinished">Champ du type d'infraction</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="94"/>
        <source>The field with each crime&apos;s type, which CATEGORY_GROUPS groups.</source>
        <translation type="unfinished">Le champ contenant le type de chaque infraction, que CATEGORY_GROUPS regroupe.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="97"/>
        <source>Crime groups (name=type,type;name=type…)</source>
        <translation type="unfinished">Groupes d'infractions (nom=type,type;nom=type…)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="97"/>
        <source>Groups of crime types planned for separately, e.g. &lt;i&gt;violent=Violence and sexual offences,Robbery;street=Theft from the person,Bicycle theft&lt;/i&gt;; needs CATEGORY_FIELD. Without groups every crime is in one group, &lt;i&gt;all&lt;/i&gt;.</source>
        <translation type="unfinished">Groupes de types d'infraction planifiés séparément, p. ex. &lt;i&gt;violent=Violence and sexual offences,Robbery;street=Theft from the person,Bicycle theft&lt;/i&gt; ; nécessite CATEGORY_FIELD. Sans groupes, toutes les infractions forment un seul groupe, &lt;i&gt;all&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="102"/>
        <source>Hotspots (polygons with hotspot_id)</source>
        <translation type="unfinished">Points chauds (polygones avec hotspot_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="102"/>
        <source>The hotspots of the trial, with hotspot_id, as &apos;Rank patrol hotspots&apos; writes them.</source>
        <translation type="unfinished">Les points chauds de l'essai, avec hotspot_id, tels que « Classer les points chauds à patrouiller » les écrit.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="105"/>
        <source>History from (inclusive)</source>
        <translation type="unfinished">Historique à partir du (inclus)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="105"/>
        <source>The first day of the history the rates are learned from (START &amp;lt;= day &amp;lt; END).</source>
        <translation type="unfinished">Le premier jour de l'historique sur lequel les taux sont appris (START &amp;lt;= jour &amp;lt; END).</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="108"/>
        <source>History until (exclusive)</source>
        <translation type="unfinished">Historique jusqu'au (exclu)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="108"/>
        <source>The day after the last day of the history.</source>
        <translation type="unfinished">Le lendemain du dernier jour de l'historique.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="111"/>
        <source>Time zone (IANA name)</source>
        <translation type="unfinished">Fuseau horaire (nom IANA)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="111"/>
        <source>Days are calendar days in this IANA zone (e.g. Europe/London); times carrying a UTC offset are converted to it, others are read as written.</source>
        <translation type="unfinished">Les jours sont des jours civils dans ce fuseau IANA (p. ex. Europe/London) ; les heures portant un décalage UTC y sont converties, les autres sont lues telles qu'écrites.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="115"/>
        <source>Trial length (days)</source>
        <translation type="unfinished">Durée de l'essai (jours)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="115"/>
        <source>How many days the planned trial lasts.</source>
        <translation type="unfinished">Combien de jours dure l'essai prévu.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="119"/>
        <source>Share of each hotspot&apos;s days patrolled</source>
        <translation type="unfinished">Part des jours patrouillés de chaque point chaud</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="119"/>
        <source>The share of each hotspot&apos;s trial days assigned to patrol, between 0 and 1 (0.4: 11 of 28 days); the other days are its comparison.</source>
        <translation type="unfinished">La part des jours d'essai de chaque point chaud affectés à la patrouille, entre 0 et 1 (0,4 : 11 jours sur 28) ; les autres jours servent de comparaison.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="124"/>
        <source>Significance level</source>
        <translation type="unfinished">Seuil de signification</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="124"/>
        <source>The level of the two-sided test of &apos;patrols change nothing&apos; the trial will be analysed with.</source>
        <translation type="unfinished">Le seuil du test bilatéral de l'hypothèse « les patrouilles ne changent rien » avec lequel l'essai sera analysé.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="129"/>
        <source>Power</source>
        <translation type="unfinished">Puissance</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="129"/>
        <source>The wanted probability that the trial detects the drop (0.8: four trials in five).</source>
        <translation type="unfinished">La probabilité souhaitée que l'essai détecte la baisse (0,8 : quatre essais sur cinq).</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="133"/>
        <source>Drop to detect (fraction)</source>
        <translation type="unfinished">Baisse à détecter (fraction)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="133"/>
        <source>A drop in crime on patrol days, as a fraction (0.3: 30% less), for which days_for_target is found.</source>
        <translation type="unfinished">Une baisse des infractions les jours de patrouille, en fraction (0,3 : 30 % de moins), pour laquelle days_for_target est calculé.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="138"/>
        <source>Random seed</source>
        <translation type="unfinished">Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="138"/>
        <source>The seed of the simulations: the same crimes, settings and seed give the same table.</source>
        <translation type="unfinished">La graine des simulations : les mêmes infractions, paramètres et graine donnent la même table.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="142"/>
        <source>Trial power</source>
        <translation type="unfinished">Puissance de l'essai</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="142"/>
        <source>A table (no geometry), one row per group: &lt;i&gt;group&lt;/i&gt;, &lt;i&gt;hotspots&lt;/i&gt;, &lt;i&gt;days&lt;/i&gt; (trial length), &lt;i&gt;share_assigned&lt;/i&gt; (patrol days ÷ days after rounding), &lt;i&gt;daily_rate&lt;/i&gt; (mean crimes per hotspot-day in the history), &lt;i&gt;dispersion&lt;/i&gt; (negative-binomial k; NULL for Poisson counts), &lt;i&gt;mde&lt;/i&gt; (the minimum detectable drop, a fraction; NULL when not even a 100% drop would be detected) and &lt;i&gt;days_for_target&lt;/i&gt; (NULL beyond 3,650 days).</source>
        <translation type="unfinished">Une table (sans géométrie), une ligne par groupe : &lt;i&gt;group&lt;/i&gt;, &lt;i&gt;hotspots&lt;/i&gt;, &lt;i&gt;days&lt;/i&gt; (durée de l'essai), &lt;i&gt;share_assigned&lt;/i&gt; (jours de patrouille ÷ jours après arrondi), &lt;i&gt;daily_rate&lt;/i&gt; (moyenne des infractions par jour-point chaud dans l'historique), &lt;i&gt;dispersion&lt;/i&gt; (k de la binomiale négative ; NULL pour des comptages de Poisson), &lt;i&gt;mde&lt;/i&gt; (la baisse minimale détectable, en fraction ; NULL quand même une baisse de 100 % ne serait pas détectée) et &lt;i&gt;days_for_target&lt;/i&gt; (NULL au-delà de 3 650 jours).</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="149"/>
        <source>Minimum detectable effect</source>
        <translation type="unfinished">Effet minimal détectable</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="149"/>
        <source>The first group&apos;s mde: the smallest drop (fraction) the trial would detect.</source>
        <translation type="unfinished">Le mde du premier groupe : la plus petite baisse (fraction) que l'essai détecterait.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="157"/>
        <source>CATEGORY_GROUPS needs CATEGORY_FIELD: the field with the crime type.</source>
        <translation type="unfinished">CATEGORY_GROUPS nécessite CATEGORY_FIELD : le champ du type d'infraction.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="176"/>
        <source>Counting crimes per hotspot and day</source>
        <translation type="unfinished">Comptage des infractions par point chaud et par jour</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="182"/>
        <source>Group {}: no crime has the type {} (check the spelling).</source>
        <translation type="unfinished">Groupe {} : aucune infraction n'a le type {} (vérifiez l'orthographe).</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="190"/>
        <source>No crime of the group &apos;{}&apos; is in the hotspots between {} and {} (the history): check START, END, TIME and TIMEZONE, and that the hotspots lie where the crimes are.</source>
        <translation type="unfinished">Aucune infraction du groupe '{}' ne se trouve dans les points chauds entre le {} et le {} (l'historique) : vérifiez START, END, TIME et TIMEZONE, et que les points chauds se trouvent là où sont les infractions.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="210"/>
        <source>START and END are both needed: the first day of the history and the day after its last.</source>
        <translation type="unfinished">START et END sont tous deux nécessaires : le premier jour de l'historique et le lendemain de son dernier jour.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="214"/>
        <source>START ({}) is not before END ({}); the history is START &lt;= day &lt; END.</source>
        <translation type="unfinished">START ({}) n'est pas antérieur à END ({}) ; l'historique est START &lt;= jour &lt; END.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="224"/>
        <source>all crime</source>
        <translation type="unfinished">l'ensemble des infractions</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="224"/>
        <source>{} crime</source>
        <translation type="unfinished">les infractions de type {}</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="225"/>
        <source>can detect a drop of {:.0%} or more in {}</source>
        <translation type="unfinished">peut détecter une baisse de {:.0%} ou plus pour {}</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="225"/>
        <source>cannot detect even a 100% drop in {}</source>
        <translation type="unfinished">ne peut pas détecter même une baisse de 100 % pour {}</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="227"/>
        <source>to detect {:.0%} it needs about {:,} days.</source>
        <translation type="unfinished">pour détecter {:.0%}, il faut environ {:,} jours.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="227"/>
        <source>even {:,} days would not be enough to detect {:.0%}.</source>
        <translation type="unfinished">même {:,} jours ne suffiraient pas pour détecter {:.0%}.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="231"/>
        <source>A {}-day trial in these {} hotspots {}; {}</source>
        <translation type="unfinished">Un essai de {} jours dans ces {} points chauds {} ; {}</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="233"/>
        <source>Poisson (no excess variation)</source>
        <translation type="unfinished">Poisson (pas de variation excédentaire)</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="233"/>
        <source>negative binomial, k = {:.3g}</source>
        <translation type="unfinished">binomiale négative, k = {:.3g}</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="235"/>
        <source>{}: {:.3g} crimes per hotspot-day in the history, daily counts {}; {} of {} days patrolled in each hotspot; the within-hotspot test allows for overdispersion (quasi-Poisson). Minimum detectable effect by simulation of the analysis (used): {}; by the normal approximation (cross-check): {}.</source>
        <translation type="unfinished">{} : {:.3g} infractions par jour-point chaud dans l'historique, comptages quotidiens {} ; {} jours patrouillés sur {} dans chaque point chaud ; le test au sein des points chauds tient compte de la surdispersion (quasi-Poisson). Effet minimal détectable par simulation de l'analyse (retenu) : {} ; par l'approximation normale (contrôle) : {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/trial_power.py" line="243"/>
        <source>{}: even the quasi-Poisson within-hotspot test rejects in {:.0%} of simulated trials without any effect (not {:.0%}): its p-values will overstate the evidence, and a detected drop needs care.</source>
        <translation type="unfinished">{} : même le test quasi-Poisson au sein des points chauds rejette dans {:.0%} des essais simulés sans aucun effet (et non {:.0%}) : ses valeurs p surestimeront le niveau de preuve, et une baisse détectée doit être interprétée avec prudence.</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../ui/visits_table.py" line="91"/>
        <source>Visit {}: hotspot {} (rank {}), unit {}, {} to {}</source>
        <translation type="unfinished">Passage {} : point chaud {} (rang {}), équipage {}, de {} à {}</translation>
    </message>
    <message>
        <location filename="../ui/visits_table.py" line="54"/>
        <source>Unit</source>
        <translation type="unfinished">Équipage</translation>
    </message>
    <message>
        <location filename="../ui/visits_table.py" line="54"/>
        <source>Hotspot</source>
        <translation type="unfinished">Point chaud</translation>
    </message>
    <message>
        <location filename="../ui/visits_table.py" line="54"/>
        <source>Risk</source>
        <translation type="unfinished">Risque</translation>
    </message>
    <message>
        <location filename="../ui/visits_table.py" line="54"/>
        <source>Day</source>
        <translation type="unfinished">Jour</translation>
    </message>
    <message>
        <location filename="../ui/visits_table.py" line="54"/>
        <source>Time</source>
        <translation type="unfinished">Heure</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../ui/visits_page.py" line="53"/>
        <source>The visits of the shifts that open on this day, a night shift&apos;s visits after midnight included</source>
        <translation type="unfinished">Les passages des vacations qui commencent ce jour-là, y compris les passages d'une vacation de nuit après minuit</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="57"/>
        <source>Day</source>
        <translation type="unfinished">Jour</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="59"/>
        <source>Unit</source>
        <translation type="unfinished">Équipage</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="76"/>
        <source>GeoPackage…</source>
        <translation type="unfinished">GeoPackage…</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="77"/>
        <source>CSV…</source>
        <translation type="unfinished">CSV…</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="80"/>
        <source>Save the visits layer as a GeoPackage</source>
        <translation type="unfinished">Enregistrer la couche des passages en GeoPackage</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="81"/>
        <source>Save the visits table (CSV) as the patrol plan wrote it</source>
        <translation type="unfinished">Enregistrer la table des passages (CSV) telle que le plan de patrouille l'a écrite</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="83"/>
        <source>Make a PDF briefing pack of the hotspots and visits</source>
        <translation type="unfinished">Créer un dossier de briefing PDF des points chauds et des passages</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="115"/>
        <source>Run a plan to see when each hotspot&apos;s crime happens.</source>
        <translation type="unfinished">Lancez un plan pour voir quand se produisent les infractions de chaque point chaud.</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="122"/>
        <source>Hotspot {}: crime risk by weekday and hour; {} planned visits</source>
        <translation type="unfinished">Point chaud {} : risque d'infraction par jour de la semaine et par heure ; {} passages planifiés</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="135"/>
        <source>All days</source>
        <translation type="unfinished">Tous les jours</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="139"/>
        <source>All units</source>
        <translation type="unfinished">Tous les équipages</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="141"/>
        <source>Unit {}</source>
        <translation type="unfinished">Équipage {}</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="120"/>
        <source>Hotspot {}: crime risk by weekday and hour; 1 planned visit</source>
        <translation type="unfinished">Point chaud {} : risque d'infraction par jour de la semaine et par heure ; 1 passage planifié</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="112"/>
        <source>No crime risk by hour: the crimes carry no time of day, so the visits&apos; starts were spread evenly over the shifts.</source>
        <translation type="unfinished">Pas de risque d'infraction par heure : les infractions n'ont pas d'heure, les débuts des passages ont donc été répartis uniformément sur les vacations.</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="78"/>
        <source>Calendar…</source>
        <translation type="unfinished">Calendrier…</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="79"/>
        <source>Briefing…</source>
        <translation type="unfinished">Briefing…</translation>
    </message>
    <message>
        <location filename="../ui/visits_page.py" line="82"/>
        <source>Save the visits as an iCalendar file (.ics) for phones&apos; calendars</source>
        <translation type="unfinished">Enregistrer les passages dans un fichier iCalendar (.ics) pour les agendas des téléphones</translation>
    </message>
</context>
<context>
    <name>styles</name>
    <message>
        <location filename="../algorithms/styles.py" line="141"/>
        <source>The style &apos;{}&apos; does not fit the layer &apos;{}&apos;: it keeps QGIS&apos;s default style.</source>
        <translation type="unfinished">Le style '{}' ne convient pas à la couche '{}' : elle garde le style par défaut de QGIS.</translation>
    </message>
</context>
</TS>
