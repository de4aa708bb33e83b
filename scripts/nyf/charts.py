"""The charts of the statistics tables: where each bar, dot and label goes.

The shapes are drawn by templates/stat-table.html (inline SVG, no JavaScript, colours from CSS).
viewBox units are about CSS pixels on a phone (the chart is as wide as the text, at most 24rem,
see assets/css/40-stats.css), so 14-unit text shows at about 13 px on a 375 px screen.
"""
from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 360
PAD = 4
FONT = 14
LINE_GAP = 17
BAR_H = 15
VALUE_ROOM = 68


@dataclass
class Chart:
    kind: str  # "bar" or "line"
    height: int
    shapes: list[dict] = field(default_factory=list)
    width: int = WIDTH


def n(x: float) -> str:
    """A coordinate as short text: 12.0 -> '12', 12.25 -> '12.2'."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str) -> float:
    """Rough width in viewBox units: CJK characters are square, Latin ones about half as wide."""
    width = 0.0
    for ch in text:
        if ord(ch) >= 0x1100:
            width += FONT
        elif ch in "il.,:;'|!()[] ":
            width += FONT * 0.32
        elif ch.isupper() or ch in "mwMW%":
            width += FONT * 0.72
        else:
            width += FONT * 0.56
    return width


def wrap(text: str, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and text_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def _label(x, y, text, anchor=None):
    return {"kind": "text", "x": n(x), "y": n(y), "text": text, "class": "nyf-chart__label", "anchor": anchor}


def _value(x, y, text, anchor=None):
    return {"kind": "text", "x": n(x), "y": n(y), "text": text, "class": "nyf-chart__value", "bold": True, "anchor": anchor}


def bar(items: list[tuple[str, float, str]], top: float) -> Chart:
    """items: (label, value, value as text). Labels above their bars; values after them."""
    room = WIDTH - 2 * PAD - VALUE_ROOM
    shapes, y = [], PAD
    for label, value, shown in items:
        lines = wrap(label, WIDTH - 2 * PAD)
        for i, line in enumerate(lines):
            shapes.append(_label(PAD, y + FONT + i * LINE_GAP, line))
        bar_y = y + FONT + (len(lines) - 1) * LINE_GAP + 6
        width = room * value / top
        if value and width < 1:
            width = 1
        shapes.append({"kind": "rect", "x": n(PAD), "y": n(bar_y), "width": n(width), "height": BAR_H, "class": "nyf-chart__bar"})
        shapes.append(_value(PAD + width + 6, bar_y + BAR_H - 2, shown))
        y = bar_y + BAR_H + 12
    return Chart("bar", int(round(y - 12 + PAD + 4)), shapes)


def line(items: list[tuple[str, float, str]], top: float) -> Chart:
    """The line shows the trend; each value sits under its year, where no line crosses it."""
    side, top_room, plot_h = 34, 8, 150
    base = top_room + plot_h
    count = len(items)
    step = (WIDTH - 2 * side) / (count - 1) if count > 1 else 0
    points = [(side + i * step if count > 1 else WIDTH / 2, base - plot_h * value / top, label, shown)
              for i, (label, value, shown) in enumerate(items)]
    shapes = [{"kind": "line", "x1": PAD, "y1": base, "x2": WIDTH - PAD, "y2": base, "class": "nyf-chart__axis"}]
    if count > 1:
        shapes.append({"kind": "polyline", "points": " ".join(f"{n(x)},{n(y)}" for x, y, _, _ in points), "class": "nyf-chart__line"})
    for x, y, label, shown in points:
        shapes.append({"kind": "circle", "cx": n(x), "cy": n(y), "r": 4, "class": "nyf-chart__dot"})
        shapes.append(_label(x, base + 18, label, "middle"))
        shapes.append(_value(x, base + 35, shown, "middle"))
    return Chart("line", base + 35 + PAD + 4, shapes)
