"""Figure builders: each takes the frame the chart plots (see `aggregate`) and returns a Plotly figure.

One unit per chart: `indicator_figure` refuses rows in more than one unit,
so 人 is never drawn on the axis of 元. Hover shows what was measured, the
qualifier and the source sentence; the figures never fetch anything (no map
tiles, no topojson), so they render offline and export through Plotly's toolbar.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.geo import MAP_LAT, MAP_LON, Outlines, joined_rings
from dashboard.measures import measure_label
from dashboard.names import pillar_label, pillar_order, pillar_short, qualifier_label
from dashboard.numbers import cn_amount
from extract.resources import pillar_names

# Chinese first: the browser's own CJK font draws the labels (fonts-noto-cjk on Debian).
FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
PILLAR_COLOURS = dict(zip(pillar_order(), [
    "#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2", "#9D755D"]))
QUALIFIER_COLOURS = {"=": "#4C78A8", ">": "#F58518", "<": "#54A24B", "~": "#B279A2"}
QUALIFIER_SYMBOLS = {"=": "circle", ">": "triangle-right", "<": "triangle-left", "~": "diamond"}
ROW_HEIGHT = 30          # pixels per region row (or bundle bar)
LOG_SPREAD = 100         # values spanning more than this factor get a log axis
HOVER_WIDTH = 28         # characters per hover line; Chinese has no spaces to break at
MAX_LABELLED_DOTS = 60   # up to this many dots on a chart carry their label as text


def wrap(text: str, width: int = HOVER_WIDTH, limit: int = 160) -> str:
    """Text broken into <br>-separated lines for a hover box, cut at `limit` characters.

    >>> wrap("一二三四五六", width=4)
    '一二三四<br>五六'
    """
    text = str(text).replace("\n", " ").strip()
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return "<br>".join(text[i:i + width] for i in range(0, len(text), width))


# The toolbar (download, zoom) sits in the top 32 px at the right: the title starts below it,
# so on a phone, where the title runs the full width, the toolbar never covers it.
TOOLBAR_HEIGHT = 32


def figure_of(traces: list, title: str, subtitle: str, height: int, **layout) -> go.Figure:
    """The figure with the shared look: a two-line title (中文, then English) under the toolbar,
    CJK fonts, the legend under the chart; `layout` adds axes and the rest.

    The layout goes to the constructor in one piece: Figure.update_layout and
    update_xaxes walk their arguments path by path, ten times slower, on every rerun.
    """
    return go.Figure(data=traces, layout={
        "title": {"text": f"<b>{title}</b><br><span style='font-size:12px;color:#666'>{subtitle}</span>",
                  "x": 0, "xanchor": "left", "xref": "container", "yref": "container", "y": 1, "yanchor": "top",
                  "pad": {"t": TOOLBAR_HEIGHT, "l": 10}, "font": {"size": 16}},
        "height": height + TOOLBAR_HEIGHT - 16, "font": {"family": FONT_FAMILY, "size": 13},
        "plot_bgcolor": "white", "margin": layout.pop("margin", {"l": 10, "r": 10, "t": 64 + TOOLBAR_HEIGHT, "b": 10}),
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}, "align": "left"},
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left"},
        **layout,
    })


def cn_number(value: float) -> str:
    """A number the way Chinese reports write it: 万 and 亿 for large ones.

    >>> cn_number(37e8), cn_number(12000), cn_number(7430), cn_number(0.5)
    ('37亿', '1.2万', '7430', '0.5')
    """
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.4g}{word}"
    return f"{value:.4g}"


def _require_rows(frame: pd.DataFrame, what: str) -> None:
    if frame.empty:
        raise ValueError(f"nothing to plot: no {what} (the page should say so instead of drawing empty axes)")


def matrix_figure(matrix: pd.DataFrame) -> go.Figure:
    """Heatmap of region × pillar: the number of indicators and bundles found in each."""
    _require_rows(matrix, "mentions")
    regions = list(dict.fromkeys(matrix["region"]))
    pillars = [p for p in pillar_order() if p in set(matrix["pillar"])]
    table = matrix.set_index(["region", "pillar"])
    grid = {c: table[c].unstack("pillar").reindex(index=regions, columns=pillars).fillna(0).astype(int)
            for c in ("mentions", "indicators", "bundles")}
    # Two-character names stay upright and readable at phone width; the full name is in the hover.
    ticks = [pillar_short(p) for p in pillars]
    names = [pillar_label(p) for p in pillars]
    heatmap = go.Heatmap(
        z=grid["mentions"].to_numpy(), x=ticks, y=regions, colorscale="Blues", showscale=False,
        text=grid["mentions"].replace(0, "").astype(str).to_numpy(), texttemplate="%{text}",
        customdata=np.dstack([grid["indicators"].to_numpy(), grid["bundles"].to_numpy(),
                              np.broadcast_to(np.array(names, dtype=object), grid["mentions"].shape)]).tolist(),
        hovertemplate="%{y} · %{customdata[2]}<br>指标 indicators: %{customdata[0]}<br>"
                      "成套举措 bundles: %{customdata[1]}<extra></extra>",
        xgap=2, ygap=2,
    )
    return figure_of([heatmap], "各地区各板块的发现数", "Mentions found, by region and pillar (hover for names)",
                     200 + ROW_HEIGHT * len(regions),
                     xaxis={"side": "bottom", "tickfont": {"size": 12}, "automargin": True, "tickangle": 0},
                     yaxis={"autorange": "reversed", "automargin": True})


def indicator_figure(points: pd.DataFrame) -> go.Figure:
    """Dot plot of one pillar's indicators in one unit: a dot per mention, a row per region.

    A dot's customdata is its row number in `points`, so a click leads back to the row's source.
    """
    _require_rows(points, "indicators")
    units = set(points["unit"])
    if len(units) != 1:
        raise ValueError(f"one unit per chart, got {sorted(units)}")
    unit = units.pop()
    pillar = points["pillar"].iloc[0]
    regions = sorted(set(points["region"]))
    hover = np.array([
        f"<b>{wrap(label)}</b>: {value:,.6g} {unit} ({qualifier})<br>原文 text: {text} · {region}"
        f"<br>{wrap(sentence)}<br><i>《{wrap(title or doc_id)}》 · {doc_id} · mentions: {mentions}</i>"
        for label, value, qualifier, text, region, sentence, doc_id, mentions, title in zip(
            points["label"], points["value"], points["qualifier"], points["text"], points["region"],
            points["sentence"], points["doc_id"], points["mentions"], points.get("doc_title", points["doc_id"]))])
    # Few dots: each carries its label, so what it counts shows without hovering.
    labelled = len(points) <= MAX_LABELLED_DOTS
    traces = []
    for qualifier in dict.fromkeys(points["qualifier"]):
        # Arrays, not lists of tuples: Plotly copies and checks lists element by element on every rerun.
        rows = np.flatnonzero((points["qualifier"] == qualifier).to_numpy())
        traces.append(go.Scatter(
            x=points["value"].to_numpy()[rows], y=points["region"].to_numpy()[rows],
            mode="markers+text" if labelled else "markers", name=qualifier_label(qualifier),
            text=points["label"].to_numpy()[rows] if labelled else None, textposition="top center",
            textfont={"size": 11, "color": "#555"},
            marker={"size": 12, "color": QUALIFIER_COLOURS.get(qualifier, "#888"),
                    "symbol": QUALIFIER_SYMBOLS.get(qualifier, "circle"), "opacity": 0.8,
                    "line": {"width": 1, "color": "white"}},
            hovertext=hover[rows], customdata=rows, hovertemplate="%{hovertext}<extra></extra>",
        ))
    zh, en = pillar_names().get(pillar, (pillar, pillar))
    return figure_of(traces, f"{zh} · {unit}", f"{en}: indicators in {unit}, by region",
                     190 + ROW_HEIGHT * len(regions), xaxis=_value_axis(points["value"], unit),
                     yaxis={"categoryorder": "array", "categoryarray": regions[::-1], "automargin": True,
                            "gridcolor": "#f0f0f0"})


def _value_axis(values: pd.Series, unit: str) -> dict:
    """A log axis when the values span more than LOG_SPREAD, else linear from zero; ticks in 万/亿."""
    positive = values[values > 0]
    log = len(positive) == len(values) and positive.max() / positive.min() > LOG_SPREAD
    title = f"数值 value ({unit})" + ("，对数刻度 log scale" if log else "")
    axis = {"title": {"text": title}, "gridcolor": "#e5e5e5", "zeroline": False, "automargin": True}
    if log:
        powers = range(math.floor(math.log10(positive.min())), math.ceil(math.log10(positive.max())) + 1)
        ticks = [10.0 ** p for p in powers]
        axis.update(type="log", tickvals=ticks, ticktext=[cn_number(t) for t in ticks])
    else:
        top = float(values.max()) if len(values) else 1.0
        ticks = _nice_ticks(max(top, 1e-9))
        axis.update(type="linear", range=[0, ticks[-1] * 1.05], tickvals=ticks, ticktext=[cn_number(t) for t in ticks])
    return axis


def _nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`: 0, 2000, 4000 …

    >>> _nice_ticks(7430)
    [0, 2000, 4000, 6000, 8000]
    """
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def bundle_figure(bundles: pd.DataFrame) -> go.Figure:
    """Bars of programme bundles: one per bundle, grouped by region, as long as its N."""
    _require_rows(bundles, "programme bundles")
    # A first, empty trace lists every (region, bundle) in the frame's order: the axis keeps
    # that order, instead of the order in which the pillar traces happen to name them.
    traces = [go.Bar(x=np.zeros(len(bundles)), y=[bundles["region"].tolist(), bundles["label"].tolist()],
                     orientation="h", showlegend=False, hoverinfo="skip", marker_opacity=0)]
    for pillar in [p for p in pillar_order() if p in set(bundles["pillar"])]:
        rows = bundles[bundles["pillar"] == pillar]
        traces.append(go.Bar(
            x=rows["value"], y=[rows["region"].tolist(), rows["label"].tolist()], orientation="h",
            name=pillar_label(pillar), marker_color=PILLAR_COLOURS.get(pillar),
            text=rows["value"].map(lambda v: f"{v:g}"), textposition="outside", cliponaxis=False,
            customdata=list(zip(rows["label"], rows["unit"], rows["members"].map(lambda m: wrap(m) or "—"),
                                rows["documents"])),
            hovertemplate=("<b>%{customdata[0]}</b> · %{x:g} %{customdata[1]}<br>成员 members: %{customdata[2]}"
                           "<br>documents: %{customdata[3]}<extra></extra>"),
        ))
    # Each bar carries its N as text, so the value axis needs no ticks (which a phone would turn upright).
    top = max(float(bundles["value"].max()), 1.0)
    return figure_of(traces, "各地区的成套举措", "Bundles by region: bar = N, colour = pillar",
                     190 + ROW_HEIGHT * len(bundles), barmode="overlay", bargap=0.3,
                     xaxis={"range": [0, top * 1.15], "showticklabels": False, "showgrid": False,
                            "zeroline": True, "zerolinecolor": "#999"},
                     yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}})


MAP_ASPECT = 1 / math.cos(math.radians(35))   # equirectangular, true to scale near 35°N


def map_figure(points: pd.DataFrame, outlines: Outlines) -> go.Figure:
    """China's provinces, those with reports shaded, and a dot per placed region sized by mentions."""
    traces = _china_traces(set(points["province"]), outlines)
    placed = points[points["placed"] != ""]
    if not placed.empty:
        # Dots shrink as regions multiply, so hundreds of them still leave the map visible.
        biggest = max(8.0, 30 * min(1.0, (10 / len(placed)) ** 0.5))
        size = 6 + (biggest - 6) * (placed["mentions"] / max(int(placed["mentions"].max()), 1)) ** 0.5
        traces.append(go.Scatter(
            x=placed["longitude"].to_numpy(), y=placed["latitude"].to_numpy(), mode="markers", showlegend=False,
            marker={"size": size.to_numpy(), "color": "#c0392b", "opacity": 0.8, "line": {"width": 1, "color": "white"}},
            hovertext=np.array([f"<b>{r}</b> · {p}<br>documents: {d} · mentions: {m}<br><i>placed by {how}</i>"
                                for r, p, d, m, how in zip(placed["region"], placed["province"], placed["documents"],
                                                           placed["mentions"], placed["placed"])]),
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    return figure_of(traces, "报告地区", "Reporting localities, sized by mentions", 480, **MAP_AXES)


def _shown_hover(shown: pd.DataFrame) -> np.ndarray:
    """A hover per shown value: locality, value as written, year, label, the document named, the sentence."""
    return np.array([
        f"<b>{region}</b> · {text} ({year})<br>{wrap(label)}<br>《{wrap(title or doc_id)}》{' · ' + publisher if publisher else ''}"
        f"<br>{wrap(sentence)}" + (f"<br><i>{statements} statements in {documents} documents; this is the latest "
                                   f"document's first</i>" if statements > 1 else "")
        for region, text, year, label, title, doc_id, publisher, sentence, statements, documents in zip(
            shown["region"], shown["value_text"], shown["year"].astype(str).replace("<NA>", "?"), shown["label"],
            shown["doc_title"], shown["doc_id"], shown["doc_publisher"], shown["sentence"], shown["statements"],
            shown["documents"])])


def compare_figure(shown: pd.DataFrame, measure: str) -> go.Figure:
    """One bar per locality, largest first, labelled with the value as written (余/近/约) and its year.

    One unit per chart; a bar's customdata is its row in `shown`, so a click can open the locality.
    """
    _require_rows(shown, "values of this measure")
    units = set(shown["unit"])
    if len(units) != 1:
        raise ValueError(f"one unit per chart, got {sorted(units)}")
    unit = units.pop()
    hover = _shown_hover(shown)
    # The year goes beside the locality's name, the value as written on its bar: short enough for a phone.
    years = shown["year"].astype(str).replace("<NA>", "")
    labels = shown["value_text"].to_numpy()
    ticks = [f"{region} · {year}" if year else region for region, year in zip(shown["region"], years)]
    traces = []
    for qualifier in dict.fromkeys(shown["qualifier"]):
        rows = np.flatnonzero((shown["qualifier"] == qualifier).to_numpy())
        traces.append(go.Bar(
            x=shown["value"].to_numpy()[rows], y=shown["region"].to_numpy()[rows], orientation="h",
            name=qualifier_label(qualifier), marker_color=QUALIFIER_COLOURS.get(qualifier, "#888"),
            # Written from the bar's start, dark on a light bar, never shrunk: it runs on past a short bar
            # and never off the right edge of a phone's narrow chart.
            text=labels[rows], textposition="inside", insidetextanchor="start", constraintext="none",
            textfont={"size": 12, "color": "#1f2937"}, marker_opacity=0.55, cliponaxis=False,
            hovertext=hover[rows], customdata=rows, hovertemplate="%{hovertext}<extra></extra>"))
    zh, _, en = measure_label(measure).partition(" (")
    top = float(shown["value"].max())
    axis = _value_axis(shown["value"], unit)
    if axis["type"] == "linear":
        axis["range"] = [0, max(top, 1e-9) * 1.05]
    return figure_of(traces, f"{zh} · {unit}", f"{en.rstrip(')')}: the latest value each locality reports",
                     190 + ROW_HEIGHT * len(shown), barmode="overlay", bargap=0.35,
                     legend={"orientation": "h", "yref": "paper", "y": 1.0, "yanchor": "bottom", "x": 0},
                     xaxis=axis, yaxis={"categoryorder": "array", "categoryarray": list(shown["region"])[::-1],
                                        "tickvals": list(shown["region"]), "ticktext": ticks, "automargin": True})


def time_figure(series: pd.DataFrame, measure: str) -> go.Figure:
    """A line per locality over the years of its reports."""
    _require_rows(series, "localities with values in more than one year")
    unit = series["unit"].iloc[0]
    traces = [go.Scatter(x=rows["year"], y=rows["value"], mode="lines+markers+text", name=region,
                         text=rows["value_text"], textposition="top center",
                         hovertext=[f"<b>{region}</b> {year}: {text}<br>《{title}》" for year, text, title in
                                    zip(rows["year"], rows["value_text"], rows["doc_title"])],
                         hovertemplate="%{hovertext}<extra></extra>")
              for region, rows in series.groupby("region", sort=True)]
    zh, _, en = measure_label(measure).partition(" (")
    years = sorted(set(series["year"]))
    axis = _value_axis(series["value"], unit)
    axis["range"] = [0, axis["range"][1] * 1.15] if axis["type"] == "linear" else None
    return figure_of(traces, f"{zh} · {unit} · 历年", f"{en.rstrip(')')} over the years, one line per locality",
                     420, xaxis={"tickvals": years, "ticktext": [str(y) for y in years],
                                                "title": {"text": "年份 year"}, "gridcolor": "#f0f0f0"},
                     yaxis=axis)


def _china_traces(reporting: set[str], outlines: Outlines) -> list:
    """The provinces (those in `reporting` shaded), boundary lines and the South China Sea inset."""
    traces = []
    for polygons, lines in ((outlines.polygons, outlines.lines), (outlines.inset_polygons, outlines.inset_lines)):
        for shaded, colour in ((False, "#f2f2f2"), (True, "#cfe0ef")):
            xs, ys = joined_rings([ring for name, rings in polygons.items() if (name in reporting) == shaded
                                   for ring in rings])
            traces.append(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour,
                                     line={"color": "#a8a8a8", "width": 0.6}, hoverinfo="skip", showlegend=False))
        xs, ys = joined_rings(lines)
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#8a8a8a", "width": 0.8},
                                 hoverinfo="skip", showlegend=False))
    xs, ys = outlines.inset_frame
    traces.append(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#8a8a8a", "width": 1},
                             hoverinfo="skip", showlegend=False))
    return traces


MAP_AXES = {
    # constrain="domain": a narrow screen shrinks the map instead of showing more sea around it.
    "xaxis": {"visible": False, "range": list(MAP_LON), "constrain": "domain"},
    "yaxis": {"visible": False, "range": list(MAP_LAT), "scaleanchor": "x", "scaleratio": MAP_ASPECT,
              "constrain": "domain", "constraintoward": "top"},
}


def value_map_figure(shown: pd.DataFrame, outlines: Outlines, measure: str) -> go.Figure:
    """The shown values on the map: a dot per placed locality, coloured by value (log colours for wide spreads)."""
    _require_rows(shown, "values of this measure")
    unit = shown["unit"].iloc[0]
    traces = _china_traces(set(shown["province"]), outlines)
    placed = shown[shown["placed"] != ""]
    if not placed.empty:
        values = placed["value"].to_numpy(dtype=float)
        log = bool((values > 0).all() and values.max() / values.min() > LOG_SPREAD)
        colour = np.log10(values) if log else values
        ticks = _nice_ticks(max(float(values.max()), 1e-9)) if not log else [
            10.0 ** p for p in range(math.floor(colour.min()), math.ceil(colour.max()) + 1)]
        traces.append(go.Scatter(
            x=placed["longitude"].to_numpy(), y=placed["latitude"].to_numpy(), mode="markers", showlegend=False,
            marker={"size": 16, "color": colour, "colorscale": "Viridis", "reversescale": True, "opacity": 0.9,
                    "line": {"width": 1, "color": "white"},
                    "colorbar": {"title": {"text": unit}, "thickness": 12, "len": 0.6,
                                 "tickvals": np.log10(ticks) if log else ticks,
                                 "ticktext": [cn_number(t) for t in ticks]}},
            hovertext=_shown_hover(placed)
            + np.array([f"<br><i>placed by {how}</i>" for how in placed["placed"]], dtype=object),
            hovertemplate="%{hovertext}<extra></extra>"))
    zh, _, en = measure_label(measure).partition(" (")
    return figure_of(traces, f"{zh} · {unit} · 地图", f"{en.rstrip(')')} by locality, colour = value", 480,
                     **MAP_AXES)
