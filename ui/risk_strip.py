"""A day × hour strip: one hotspot's crime risk by hour of the week, and its planned visits."""

import numpy as np
from qgis.PyQt.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core.temporal import HOURS_PER_WEEK

# Light to dark orange-red (ColorBrewer OrRd): low to high risk, readable with the visit markers on top.
RAMP = ((0.0, QColor("#fff7ec")), (0.25, QColor("#fdd49e")), (0.5, QColor("#fc8d59")),
        (0.75, QColor("#d7301f")), (1.0, QColor("#7f0000")))
MARKER = QColor("#08306b")
BAR_WIDTHS = (24, 90)  # the legend's gradient bar: narrowest and widest
MINIMUM_HEIGHT = 130  # seven rows of cells tall enough to hover, the hours and the legend


def ramp_colour(fraction):
    """The ramp's colour at ``fraction`` (0 to 1), linearly between its stops."""
    fraction = min(max(float(fraction), 0.0), 1.0)
    for (low, low_colour), (high, high_colour) in zip(RAMP, RAMP[1:]):
        if fraction <= high:
            t = (fraction - low) / (high - low)
            return QColor(*(round(a + t * (b - a)) for a, b in zip(low_colour.getRgb()[:3], high_colour.getRgb()[:3])))
    return QColor(RAMP[-1][1])


class RiskStrip(QWidget):
    """Seven rows (Monday to Sunday) of 24 hours, shaded by relative risk, with a dot per planned visit.

    ``risk`` is the hotspot's 168 relative risks (Monday 00:00 first; 1 is its
    average hour), ``visit_counts`` the number of planned visits starting in
    each hour of the week, ``highlight`` the hour of the week of the chosen
    visit (outlined).  Each cell's tooltip tells weekday, hour, risk and visits.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.risk = None
        self.visit_counts = np.zeros(HOURS_PER_WEEK, dtype=int)
        self.highlight = None
        self.setMouseTracking(True)
        # Shrinks towards its minimum height only when the visits table above it needs the room.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def set_data(self, risk, visit_hours=(), highlight=None):
        """Show ``risk`` (168 values or None) and visits starting at ``visit_hours`` (hours of the week)."""
        self.risk = None if risk is None else np.asarray(risk, dtype=float).reshape(HOURS_PER_WEEK)
        self.visit_counts = np.bincount(np.asarray(list(visit_hours), dtype=int), minlength=HOURS_PER_WEEK)
        self.highlight = highlight
        self.update()

    def clear(self):
        self.set_data(None)

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(360, 170)

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        """Wide enough for the day names and the whole legend with its narrowest bar."""
        metrics = self.fontMetrics()
        low, _, label = self.legend_texts()
        widest_high = metrics.horizontalAdvance("000.0")
        return QSize(self._day_names_width() + self._legend_width(metrics, low, widest_high, label, BAR_WIDTHS[0]) + 2,
                     MINIMUM_HEIGHT)

    # --- geometry ---------------------------------------------------------------------

    def _day_name(self, day):
        return QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat)

    def _day_names_width(self):
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(self._day_name(day)) for day in range(7)) + 6

    def _grid(self):
        """The rectangle of the 7 × 24 cells."""
        metrics = self.fontMetrics()
        left = self._day_names_width()
        top = metrics.height() + 2
        bottom = metrics.height() + 8  # the legend
        return QRectF(left, top, max(self.width() - left - 2, 24), max(self.height() - top - bottom, 7))

    def cell_rect(self, day, hour):
        grid = self._grid()
        width, height = grid.width() / 24, grid.height() / 7
        return QRectF(grid.left() + hour * width, grid.top() + day * height, width, height)

    def cell_at(self, position):
        """``(day, hour)`` under a widget position, or None outside the cells."""
        grid = self._grid()
        if not grid.contains(QPointF(position)):
            return None
        hour = min(int((position.x() - grid.left()) / grid.width() * 24), 23)
        day = min(int((position.y() - grid.top()) / grid.height() * 7), 6)
        return day, hour

    def cell_text(self, day, hour):
        """The tooltip of one cell: weekday, hour, risk and planned visits."""
        index = day * 24 + hour
        risk = self.tr("risk {:.2f} (1 = the hotspot's average hour)").format(
            self.risk[index]) if self.risk is not None else self.tr("no risk profile")
        count = int(self.visit_counts[index])
        visits = self.tr("1 planned visit") if count == 1 else self.tr("{} planned visits").format(count)
        weekday = QLocale().dayName(day + 1, QLocale.FormatType.LongFormat)
        return f"{weekday} {hour:02d}:00–{(hour + 1) % 24:02d}:00\n{risk}\n{visits}"

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(*cell), self)
            return True
        return super().event(event)

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grid = self._grid()
        text = self.palette().color(self.foregroundRole())
        top = self._darkest_risk()
        empty = self.palette().color(self.backgroundRole()).darker(108)
        for day in range(7):
            for hour in range(24):
                rect = self.cell_rect(day, hour)
                colour = ramp_colour(self.risk[day * 24 + hour] / top) if self.risk is not None else empty
                painter.fillRect(rect.adjusted(0, 0, -1, -1), colour)
        self._paint_visits(painter)
        painter.setPen(text)
        for day in range(7):
            rect = self.cell_rect(day, 0)
            painter.drawText(QRectF(0, rect.top(), grid.left() - 4, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._day_name(day))
        for hour in range(0, 24, 3):
            rect = self.cell_rect(0, hour)
            painter.drawText(QRectF(rect.left(), 0, rect.width() * 3, grid.top()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, f"{hour:02d}")
        self._paint_legend(painter, text)
        painter.end()

    def _paint_visits(self, painter):
        for index in np.flatnonzero(self.visit_counts).tolist():
            rect = self.cell_rect(index // 24, index % 24)
            radius = max(2.0, min(rect.width(), rect.height()) / 2 - 2)
            painter.setPen(QPen(QColor("white"), 1.2))
            painter.setBrush(MARKER)
            painter.drawEllipse(rect.center(), radius, radius)
            if self.visit_counts[index] > 1 and radius >= 5:
                count_font = QFont(self.font())
                count_font.setPixelSize(max(int(radius * 1.5), 6))
                count_font.setBold(True)
                painter.setFont(count_font)
                painter.setPen(QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(int(self.visit_counts[index])))
                painter.setFont(self.font())
        if self.highlight is not None:
            rect = self.cell_rect(self.highlight // 24, self.highlight % 24)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#00bfff"), 2.5))
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))

    # --- the legend -------------------------------------------------------------------

    def _darkest_risk(self):
        """The risk shaded with the ramp's darkest colour: the highest."""
        return self.risk.max() if self.risk is not None and self.risk.max() > 0 else 1.0

    def legend_texts(self):
        """The legend's low end, high end (the highest risk shown) and marker label."""
        high = self.tr("{:.1f}").format(self._darkest_risk()) if self.risk is not None else ""
        return self.tr("risk 0"), high, self.tr("planned visits")

    @staticmethod
    def _legend_width(metrics, low, high_width, label, bar_width):
        """The legend's width with a ``bar_width`` gradient bar and a ``high_width`` high end."""
        marker = metrics.height() - 4
        return (metrics.horizontalAdvance(low) + 4 + bar_width + 4 + high_width + 16 + marker + 4
                + metrics.horizontalAdvance(label) + 2)

    def legend_rects(self):
        """Where the legend draws, left to right: ``{"low", "bar", "high", "marker", "label"}`` (QRectF).

        The gradient bar narrows (down to its narrowest) so that every text of the legend stays whole.
        """
        metrics = self.fontMetrics()
        grid = self._grid()
        low, high, label = self.legend_texts()
        y, height = grid.bottom() + 5, metrics.height() - 2
        high_width = metrics.horizontalAdvance(high)
        room = grid.width() - self._legend_width(metrics, low, high_width, label, 0)
        bar_width = min(max(room, BAR_WIDTHS[0]), BAR_WIDTHS[1])
        rects = {"low": QRectF(grid.left(), y, metrics.horizontalAdvance(low) + 4, height)}
        rects["bar"] = QRectF(rects["low"].right(), y + 2, bar_width, height - 4)
        rects["high"] = QRectF(rects["bar"].right() + 4, y, high_width + 4, height)
        rects["marker"] = QRectF(rects["high"].right() + 12, y + 1, height - 2, height - 2)
        rects["label"] = QRectF(rects["marker"].right() + 4, y, metrics.horizontalAdvance(label) + 2, height)
        return rects

    def _paint_legend(self, painter, text):
        low, high, label = self.legend_texts()
        rects = self.legend_rects()
        painter.setPen(text)
        painter.drawText(rects["low"], Qt.AlignmentFlag.AlignVCenter, low)
        gradient = QLinearGradient(rects["bar"].topLeft(), rects["bar"].topRight())
        for stop, colour in RAMP:
            gradient.setColorAt(stop, colour)
        painter.fillRect(rects["bar"], QBrush(gradient))
        painter.drawText(rects["high"], Qt.AlignmentFlag.AlignVCenter, high)
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(MARKER)
        painter.drawEllipse(rects["marker"])
        painter.setPen(text)
        painter.drawText(rects["label"], Qt.AlignmentFlag.AlignVCenter, label)
