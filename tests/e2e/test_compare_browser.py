"""Compare in a real browser: pick a measure, one bar per locality, table, map, the CSV read back by
LibreOffice, and a bar that opens the locality's profile.

Runs `streamlit run` on the dashboard tests' fixture table (three localities whose
indicators carry measure codes, with their documents), driven by Debian's
chromium through Playwright. Every wait is on something the page shows.
"""
import csv
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import expect

from extract.table import rows_to_frame, write_table
from tests.dashboard.conftest import TEXTS, fixture_rows

from .server import running_app, wait_until_idle

pytestmark = pytest.mark.e2e
BOM = b"\xef\xbb\xbf"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fixture")
    write_table(rows_to_frame(fixture_rows()), folder / "table.parquet")
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    env = {"ORGWORK_TABLE": str(folder / "table.parquet"), "ORGWORK_DOCS": str(folder)}
    with running_app(env, log=folder / "streamlit.log") as url:
        yield url


def bar_regions(page):
    """The locality names on the bar chart's axis (the first chart: the other tabs' charts are drawn too)."""
    return page.locator('[data-testid="stPlotlyChart"]').first.locator(".yaxislayer-above .ytick text")


def pick_measure(page, typed: str, option: re.Pattern) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="指标 Measure")
    box.locator("input").click()
    box.locator("input").fill(typed)                     # the picker is searchable
    page.get_by_role("option", name=option).click()


def libreoffice_cells(csv_path: Path, out: Path) -> list[list[str]]:
    """The CSV opened by LibreOffice (UTF-8, comma, as a user's import would) and saved as HTML: its cells."""
    profile = out / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "html",
                    "--infilter=CSV:44,34,76,1", "--outdir", str(out), str(csv_path)],
                   check=True, capture_output=True, timeout=120)
    tree = lxml.html.parse(str(out / (csv_path.stem + ".html")))
    return [[cell.text_content().strip() for cell in row.xpath("./td")] for row in tree.xpath("//table//tr")]


def test_compare_a_measure_as_chart_table_map_csv_and_profile(browser, fixture_url, tmp_path):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page.goto(f"{fixture_url}/compare")
    wait_until_idle(page)
    pick_measure(page, "干部培训", re.compile("干部培训人次"))
    expect(page).to_have_url(re.compile(r"measure=cadre_training_attendance"))      # the code, in the URL
    # One bar per locality, each named with the year of the value shown.
    expect(bar_regions(page)).to_have_text(["蓬江区 · 2023", "新疆生产建设兵团第十一师 · 2022"])
    expect(page.locator(".bartext", has_text="1.2万余人次")).to_be_visible()      # as the report writes it
    expect(page.get_by_text(re.compile("来源 Source: 《蓬江区党建工作报告》")).first).to_be_visible()

    page.get_by_role("tab", name="表 Table").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Table data")).click()
    path = Path(download_info.value.path())
    data = path.read_bytes()
    assert data.startswith(BOM), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))
    assert [(r["region"], r["value_text"], r["qualifier"]) for r in rows] == [
        ("蓬江区", "1.2万余人次", ">"), ("蓬江区", "9000人次", "="), ("蓬江区", "300人次", "="),
        ("新疆生产建设兵团第十一师", "约800人次", "~")]

    saved = tmp_path / "compare.csv"
    shutil.copy(path, saved)
    cells = libreoffice_cells(saved, tmp_path)
    header = cells[0]
    qualifiers = [row[header.index("qualifier")] for row in cells[1:]]
    assert qualifiers == [">", "=", "=", "~"], "LibreOffice reads the codes back as written"
    assert [row[header.index("region")] for row in cells[1:]][-1] == "新疆生产建设兵团第十一师"

    page.get_by_role("tab", name="地图 Map").click()
    expect(page.get_by_text("干部培训人次 · 人次 · 地图")).to_be_visible()

    page.get_by_role("tab", name="图 Chart").click()
    bar = page.locator('[data-testid="stPlotlyChart"] .barlayer .point').first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    link = page.get_by_role("link", name=re.compile("Open the profile of"))
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/profile\?profile="))
    expect(page.get_by_role("heading", name="地区概况 Region profile")).to_be_visible()
    page.close()


def test_the_csv_of_every_qualifier_reads_back_in_libreoffice(browser, fixture_url, tmp_path):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page.goto(fixture_url)
    wait_until_idle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Filtered table")).click()
    saved = tmp_path / "table.csv"
    shutil.copy(download_info.value.path(), saved)
    cells = libreoffice_cells(saved, tmp_path)
    column = cells[0].index("qualifier")
    assert {row[column] for row in cells[1:]} == {"=", ">", "<", "~"}
    page.close()


@pytest.mark.parametrize("path", ["overview", "compare", "profile", "indicators", "programmes", "sources", "method"])
def test_each_page_opens_at_its_own_path(browser, fixture_url, path):
    page = browser.new_page()
    page.goto(f"{fixture_url}/{path}")
    wait_until_idle(page)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.close()


def test_an_unknown_region_in_the_link_is_named(browser, fixture_url):
    page = browser.new_page()
    page.goto(f"{fixture_url}/compare?region=不存在")
    wait_until_idle(page)
    expect(page.get_by_text(re.compile("region=不存在"))).to_be_visible()
    page.close()


def test_the_pillar_is_a_code_in_the_url_and_follows_to_compare(browser, fixture_url):
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(fixture_url)
    wait_until_idle(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="板块 Pillar")
    box.locator("input").click()
    page.get_by_role("option", name=re.compile("人才工作")).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"pillar=talent"))
    page.get_by_role("link", name="比较 Compare").click()
    expect(page).to_have_url(re.compile(r"/compare\?.*pillar=talent"))
    # Only talent measures are offered now: the first, 引进人才人数, is charted.
    expect(page.locator('[data-testid="stPlotlyChart"] .gtitle').first).to_contain_text("引进人才人数")
    page.close()
