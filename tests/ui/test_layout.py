"""The planner panel's layout on a police laptop's 1366×768 screen and on a 1920×1080 one, docked under a
stand-in for the Processing Toolbox: every text of the visits table, the strip's legend and the shifts
field whole, the table tall enough to read; singular and plural; the progress bar only during a run."""

import time

import pytest
from helpers import fill_plan_form, point_layer, run_panel, wait_until_idle
from qgis.PyQt.QtCore import QDate, QDateTime, Qt
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

# The room QGIS leaves its docks at each screen size: the screen less the title bar, the menu, two
# toolbar rows, the message bar and the status bar.
WINDOW_SIZES = {"1366x768": (1366, 600), "1920x1080": (1920, 910)}
# What real QGIS 3.22 gives the panel at 1366×768, tabbed beside the Toolbox, and its font (tools/desktop-check's
# report.json: panel height 608 px, "Sans Serif" 9 pt, 15 px lines).
DESKTOP_PANEL_HEIGHT = 608
DESKTOP_FONT = ("Sans Serif", 9)
TOOLBOX_HEIGHT = 190  # what QGIS 3.22 gives the Processing Toolbox above the panel at 1366×768
SHIFTS_WITH_A_NIGHT = "08:00-14:00,14:00-22:00,22:00-02:00"


def pump(seconds=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()


def run_plan(dock, crimes):
    """A week for two units on the Chicago sample, the night shift included."""
    fill_plan_form(dock, crimes, hotspots=20, units=2)
    dock.shifts.setText(SHIFTS_WITH_A_NIGHT)
    assert run_panel(dock) == [True], dock.status.text()


def in_main_window(dock, size):
    """``dock`` on the right of a main window of ``size``, under a Processing Toolbox stand-in, with the
    Browser and Layers panels stand-in on the left, as QGIS docks them."""
    window = QMainWindow()
    window.setCentralWidget(QWidget(window))
    for area, name in ((Qt.DockWidgetArea.LeftDockWidgetArea, "Layers"),
                       (Qt.DockWidgetArea.RightDockWidgetArea, "Processing Toolbox")):
        panel = QDockWidget(name, window)
        tree = QTreeWidget(panel)
        tree.setHeaderHidden(True)
        for number in range(40):
            tree.addTopLevelItem(QTreeWidgetItem([f"Algorithm {number}"]))
        panel.setWidget(tree)
        window.addDockWidget(area, panel)
    tree.setMinimumHeight(TOOLBOX_HEIGHT)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(*size)
    window.show()
    pump()
    assert (window.width(), window.height()) == size  # the panels' minimum sizes fit in it
    return window


def take_out(window, dock):
    """Close ``window``, keeping ``dock`` for its own clean-up."""
    window.removeDockWidget(dock)
    dock.setParent(None)
    window.close()


def text_room(view):
    """The width a cell of ``view`` has for its text: Qt's item views leave a margin on each side, and elide."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)


@pytest.fixture(params=sorted(WINDOW_SIZES))
def planned_in_window(request, make_dock, crimes):
    dock = make_dock()
    window = in_main_window(dock, WINDOW_SIZES[request.param])
    run_plan(dock, crimes)
    pump()
    yield dock
    take_out(window, dock)


def test_every_visit_text_is_whole_beside_the_toolbox(planned_in_window):
    dock = planned_in_window
    table, proxy = dock.table, dock.proxy
    assert dock.tabs.currentIndex() == 1 and table.isVisible()
    metrics, margins = table.fontMetrics(), text_room(table)
    assert table.horizontalScrollBar().maximum() == 0  # every column in sight
    widths = {column: table.columnWidth(column) for column in range(proxy.columnCount())}
    assert sum(widths.values()) <= table.viewport().width()
    longest = {}
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            text = proxy.index(row, column).data()
            longest[column] = max(longest.get(column, 0), metrics.horizontalAdvance(text))
    assert all(longest[column] + margins <= widths[column] for column in widths), (longest, widths)
    # The night shift's visits: their day, start and end in two whole columns.
    times = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert any(text.startswith(("22:", "23:", "00:", "01:")) for text in times)
    header = table.horizontalHeader()
    for column in widths:
        title = proxy.headerData(column, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(title) < header.sectionSize(column)
    # With the toolbox in the same dock area the table still shows six rows, and the page is not squeezed
    # below its minimum height (its widgets would overlap): it scrolls.
    from hotspot_patrol.ui.visits_table import MINIMUM_ROWS
    assert table.viewport().height() >= MINIMUM_ROWS * table.rowHeight(0)
    assert dock.visits_page.height() >= dock.visits_page.minimumSizeHint().height()


def test_tabbed_beside_the_toolbox_the_whole_visits_page_is_in_sight_at_1366x768(make_dock, crimes):
    """As the plugin docks it (a tab beside the Processing Toolbox), the Visits tab needs no scrolling on a
    1366×768 screen: the table, the strip with its legend and the export buttons are all in sight."""
    dock = make_dock()
    dock.setFont(QFont(*DESKTOP_FONT))  # offscreen Qt's default font is a quarter taller
    window = in_main_window(dock, WINDOW_SIZES["1366x768"])
    try:
        toolbox = next(d for d in window.findChildren(QDockWidget) if d.windowTitle() == "Processing Toolbox")
        window.tabifyDockWidget(toolbox, dock)
        dock.raise_()
        pump()
        window.resize(window.width(), window.height() - dock.height() + DESKTOP_PANEL_HEIGHT)
        run_plan(dock, crimes)
        pump()
        assert dock.height() == DESKTOP_PANEL_HEIGHT and dock.fontMetrics().lineSpacing() <= 16
        page = dock.visits_page
        scroll = dock.tabs.currentWidget()
        assert scroll.widget() is page and scroll.verticalScrollBar().maximum() == 0, (
            page.minimumSizeHint().height(), scroll.viewport().height())
        strip_bottom = dock.strip.mapTo(page, dock.strip.rect().bottomLeft()).y()
        assert strip_bottom <= scroll.viewport().height()
        from hotspot_patrol.ui.visits_table import MINIMUM_ROWS
        assert dock.table.viewport().height() >= MINIMUM_ROWS * dock.table.rowHeight(0)
    finally:
        take_out(window, dock)


def test_legend_is_whole(planned_in_window):
    strip = planned_in_window.strip
    metrics = strip.fontMetrics()
    for width in (strip.width(), strip.minimumSizeHint().width()):
        strip.resize(width, strip.height())
        rects = strip.legend_rects()
        texts = dict(zip(("low", "high", "label"), strip.legend_texts()))
        for part, text in texts.items():
            assert metrics.horizontalAdvance(text) <= rects[part].width(), (part, width)
        order = [rects[part] for part in ("low", "bar", "high", "marker", "label")]
        assert all(left.right() <= right.left() for left, right in zip(order, order[1:]))
        assert rects["label"].right() <= width


def test_shifts_with_a_night_shift_are_whole_in_the_form(make_dock, crimes):
    dock = make_dock()
    window = in_main_window(dock, WINDOW_SIZES["1366x768"])
    try:
        dock.tabs.setCurrentIndex(0)
        dock.shifts.setText(SHIFTS_WITH_A_NIGHT)
        pump()
        # A line edit too narrow scrolls its text to keep the cursor in sight: from the first character to
        # after the last, an unscrolled cursor moves by the text's whole width.
        dock.shifts.setCursorPosition(0)
        dock.shifts.grab()
        start = dock.shifts.cursorRect().center().x()
        dock.shifts.setCursorPosition(len(SHIFTS_WITH_A_NIGHT))
        dock.shifts.grab()
        end = dock.shifts.cursorRect().center().x()
        assert end - start == dock.shifts.fontMetrics().horizontalAdvance(SHIFTS_WITH_A_NIGHT)
        assert dock.shifts.cursorRect().right() <= dock.shifts.width()
    finally:
        take_out(window, dock)


def visits_layer(starts):
    """A visits layer as hotspotpatrol:patrolplan writes it: one 20-minute visit to hotspot 1 per start."""
    fields = [("visit_id", "int"), ("hotspot_id", "text"), ("rank", "int"), ("unit", "int"), ("date", "date"),
              ("start", "datetime"), ("start_local", "text"), ("minutes", "int"), ("risk", "double")]
    rows = [[number, "1", 1, 1, QDate.fromString(start_local[:10], Qt.DateFormat.ISODate),
             QDateTime.fromString(start_local, Qt.DateFormat.ISODate), start_local, 20, 1.5]
            for number, start_local in enumerate(starts, start=1)]
    return point_layer([(0.0, 0.0)] * len(starts), fields=fields, rows=rows)


def test_one_planned_visit_is_singular(qgis_app):
    from hotspot_patrol.ui.visits_page import VisitsPage
    page = VisitsPage()
    page.show_plan(visits_layer(["2024-06-03T22:40:00+01:00"]), {"1": [1.0] * 168})
    assert page.strip_title.text() == "Hotspot 1: crime risk by weekday and hour; 1 planned visit"
    assert page.strip.cell_text(0, 22).endswith("\n1 planned visit")
    assert page.model.index(0, 1).data() == "22:40–23:00"
    page.show_plan(visits_layer(["2024-06-03T22:40:00+01:00", "2024-06-03T23:30:00+01:00"]), {"1": [1.0] * 168})
    assert page.strip_title.text() == "Hotspot 1: crime risk by weekday and hour; 2 planned visits"
    assert page.model.index(1, 1).data() == "23:30–23:50"


def test_progress_bar_only_during_a_run(make_dock, crimes):
    dock = make_dock()
    assert dock.progress.isHidden()
    finished = []
    dock.run_finished.connect(lambda ok: finished.append(dock.progress.isHidden()))
    fill_plan_form(dock, crimes, days=3, hotspots=3)
    dock.start_run()
    assert dock.is_running() and not dock.progress.isHidden()
    wait_until_idle(dock)
    assert finished == [True] and dock.progress.isHidden()
