"""Screenshots of every dashboard page at a desktop and a phone width, for a person to look at.

    .venv/bin/python scripts/screenshots.py [--out bench/out/screenshots] [--table TABLE]

Starts `streamlit run streamlit_app.py` on a free port (ORGWORK_TABLE=TABLE when
given), opens each page in Debian's headless chromium through Playwright, waits
until the page has finished running, and writes full-page PNGs named
<page>-<width>.png. The output folder is not committed (bench/out/ is ignored).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, running_app, wait_until_idle  # noqa: E402

PAGES = ["overview", "compare", "profile", "indicators", "programmes", "sources", "upload", "method"]
WIDTHS = {"desktop": 1440, "phone": 390}


def capture(out: Path, table: str | None, query: str = "") -> list[Path]:
    from playwright.sync_api import sync_playwright

    env = {"ORGWORK_TABLE": table} if table else {}
    written = []
    with running_app(env) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
            for name in PAGES:
                address = f"{url}/{'' if name == PAGES[0] else name}{query}"
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(address)
                wait_until_idle(page)
                # The app scrolls inside its main block, not the document: load the page again in a
                # window as tall as its content, so the full-page shot has every chart drawn.
                height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                page.set_viewport_size({"width": width, "height": min(max(height, 900), 12000)})
                page.goto(address)
                wait_until_idle(page)
                path = out / f"{name}-{width_name}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
            page.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "bench" / "out" / "screenshots"))
    parser.add_argument("--table", default=os.environ.get("ORGWORK_TABLE"))
    parser.add_argument("--query", default="", help="query string added to every page, e.g. '?region=蓬江区'")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for path in capture(out, args.table, args.query):
        print(path)


if __name__ == "__main__":
    main()
