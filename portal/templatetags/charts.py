"""Accessible horizontal bar charts drawn as server-side SVG, each with its data table.

The geometry is computed here, not in the template: bars scaled to the largest value, labels
wrapped above their bar (Indonesian agency and sector names are long), value labels at the end of
each bar. The SVG has a viewBox and width 100%, so it shrinks to a 390px phone; it needs no
JavaScript and no chart library. The same rows fill the data table, with percentages and a total.
"""

import textwrap
from dataclasses import dataclass, field

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

WIDTH = 400  # viewBox units; about the width of a 390px phone, so text stays near its nominal size
FONT_SIZE = 14
LINE_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 12
VALUE_SPACE = 56  # room right of the longest bar for its value label
INDENT = 16
LABEL_CHARACTERS = 46  # a label line wraps after about this many characters at FONT_SIZE in WIDTH
# Bar fills, one per group, each at least 3:1 against white (WCAG 1.4.11): #0b5394 7.8:1, #9a3412 7.3:1.
BAR_COLOURS = ("#0b5394", "#9a3412")
TEXT_COLOUR = "#1a1a1a"  # 17:1 against white


@dataclass(frozen=True)
class ChartRow:
    """One category of a chart: its label, its count, and a catalogue link showing those agreements."""

    label: str
    value: int
    url: str = ""
    group: str = ""  # rows of one group sit under a common heading (e.g. "Masih berlaku")
    within: bool = False  # a part of the rows above it ("di antaranya Akan Berakhir"): not added to any total


@dataclass(frozen=True)
class SvgText:
    x: float
    y: float
    text: str
    bold: bool = False


@dataclass(frozen=True)
class SvgBar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    value_x: float
    value_y: float
    value_text: str


@dataclass(frozen=True)
class TableRow:
    label: str
    url: str
    value_text: str
    percent_text: str
    within: bool = False


@dataclass
class TableGroup:
    """A `<tbody>`; `label` is empty for a chart without groups, else the group's subtotal row."""

    label: str = ""
    value_text: str = ""
    percent_text: str = ""
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class BarChart:
    width: int
    height: float
    texts: list[SvgText]
    bars: list[SvgBar]
    groups: list[TableGroup]
    summary: str
    total_text: str
    text_colour: str = TEXT_COLOUR


def format_count(value: int) -> str:
    return number_format(value, force_grouping=True)


def format_percent(value: int, total: int) -> str:
    share = round(value * 100 / total, 1) if total else 0
    return f"{number_format(share, 1)}%"


def wrap_label(label: str) -> list[str]:
    return textwrap.wrap(label, LABEL_CHARACTERS, break_long_words=True) or [""]


def build_bar_chart(rows: list[ChartRow], *, title: str, total: int | None = None) -> BarChart:
    """Lay out a horizontal bar chart and its table; percentages are of `total` (default: the sum of rows).

    Pass `total` when one agreement can count in several rows (sectors, provinces), so the
    percentages stay "share of all published agreements" rather than shares of a double count.
    """
    total = sum(row.value for row in rows if not row.within) if total is None else total
    largest = max((row.value for row in rows), default=0)
    bar_space = WIDTH - VALUE_SPACE - 2
    group_colours: dict[str, str] = {}
    texts: list[SvgText] = []
    bars: list[SvgBar] = []
    groups: list[TableGroup] = []
    y = 4.0
    for row in rows:
        if not groups or groups[-1].label != row.group:
            group_colours.setdefault(row.group, BAR_COLOURS[len(group_colours) % len(BAR_COLOURS)])
            subtotal = sum(other.value for other in rows if other.group == row.group and not other.within)
            groups.append(
                TableGroup(
                    label=row.group,
                    value_text=format_count(subtotal),
                    percent_text=format_percent(subtotal, total),
                )
            )
            if row.group:
                heading = f"{row.group}: {format_count(subtotal)}"
                texts.append(SvgText(x=2, y=y + FONT_SIZE, text=heading, bold=True))
                y += LINE_HEIGHT + 4
        indent = INDENT if row.within else 0  # a part's label sits indented under what it is part of
        for line in wrap_label(row.label):
            texts.append(SvgText(x=2 + indent, y=y + FONT_SIZE - 1, text=line))
            y += LINE_HEIGHT
        width = round(bar_space * row.value / largest, 1) if largest else 0
        if row.value and width < 2:
            width = 2  # a tiny non-zero count stays visible
        bars.append(
            SvgBar(
                x=2,
                y=y,
                width=width,
                height=BAR_HEIGHT,
                fill=group_colours[row.group],
                value_x=2 + width + 6,
                value_y=y + BAR_HEIGHT - 3,
                value_text=format_count(row.value),
            )
        )
        y += BAR_HEIGHT + ROW_GAP
        groups[-1].rows.append(
            TableRow(
                label=row.label,
                url=row.url,
                value_text=format_count(row.value),
                percent_text=format_percent(row.value, total),
                within=row.within,
            )
        )
    return BarChart(
        width=WIDTH,
        height=round(y, 1),
        texts=texts,
        bars=bars,
        groups=groups,
        summary=chart_summary(rows, title=title),
        total_text=format_count(total),
    )


def chart_summary(rows: list[ChartRow], *, title: str) -> str:
    """What the chart shows, in words, for people who cannot see it (the SVG's <desc>)."""
    if not rows:
        return _("Belum ada data.")
    highest = max(rows, key=lambda row: row.value)
    parts = [
        ngettext(
            "Diagram batang %(title)s dengan %(count)s kategori.",
            "Diagram batang %(title)s dengan %(count)s kategori.",
            len(rows),
        )
        % {"title": title, "count": len(rows)},
        ngettext("Terbanyak: %(label)s, %(value)s naskah.", "Terbanyak: %(label)s, %(value)s naskah.", highest.value)
        % {"label": highest.label, "value": format_count(highest.value)},
        _("Angka lengkap ada pada tabel data."),
    ]
    return " ".join(parts)


@register.inclusion_tag("portal/includes/bar_chart.html")
def bar_chart(
    rows: list[ChartRow],
    *,
    chart_id: str,
    title: str,
    caption: str = "",
    row_heading: str = "",
    total: int | None = None,
    total_label: str = "",
    note: str = "",
) -> dict:
    """`{% bar_chart rows chart_id="tahun" title=_("…") row_heading=_("Tahun") %}`: a figure, its SVG and table."""
    return {
        "chart_id": chart_id,
        "title": title,
        "caption": caption,
        "row_heading": row_heading or _("Kategori"),
        "total_label": total_label or _("Jumlah"),
        "note": note,
        "has_rows": any(row.value for row in rows),
        "chart": build_bar_chart(list(rows), title=title, total=total),
    }
