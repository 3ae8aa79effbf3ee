"""The dashboard in a real browser: filter, watch the chart change, download its CSV, share the URL.

Runs the real `streamlit run` server on the bundled reports and drives Debian's
headless chromium through Playwright. Every wait is on something the page shows
(expect / wait_for), never a fixed sleep. The region picked is one the chart
shows, so the test holds however the extraction's numbers change.
"""
import csv
import io
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .server import PAGE_TIMEOUT_MS, wait_until_idle

pytestmark = pytest.mark.e2e
BOM = b"\xef\xbb\xbf"


def chart_regions(page):
    """The region names on the indicator chart's category axis."""
    return page.locator('[data-testid="stPlotlyChart"] .yaxislayer-above .ytick text')


def open_indicators(page, url: str) -> list[str]:
    """Open the indicators page; the regions its chart shows once drawn."""
    page.goto(url)
    wait_until_idle(page)
    expect(chart_regions(page).first).to_be_visible()
    return chart_regions(page).all_text_contents()   # SVG text has no innerText


def pick_region(page, region: str) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="地区 Region")
    box.locator("input").click()
    box.locator("input").fill(region)
    page.get_by_role("option", name=region, exact=True).click()
    page.keyboard.press("Escape")


def test_pick_a_region_chart_updates_and_its_csv_downloads(page, app_url):
    region = open_indicators(page, f"{app_url}/indicators")[-1]

    pick_region(page, region)
    expect(page).to_have_url(re.compile(r"region=" + re.escape(quote(region))))
    expect(chart_regions(page)).to_have_text([region])
    wait_until_idle(page)     # the rerun redraws the button after the chart: click the final one

    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Chart data")).click()
    data = open(download_info.value.path(), "rb").read()
    assert data.startswith(BOM), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))
    assert rows and {row["region"] for row in rows} == {region}
    assert all(re.search(r"[\u4e00-\u9fff]", row["sentence"]) for row in rows), "Chinese survives the trip"


def test_a_filtered_url_reopens_the_same_view(page, browser, app_url):
    region = open_indicators(page, f"{app_url}/indicators")[0]
    pick_region(page, region)
    expect(chart_regions(page)).to_have_text([region])
    shared = page.url

    other = browser.new_page()
    other.set_default_timeout(PAGE_TIMEOUT_MS)
    open_indicators(other, shared)
    expect(other.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first).to_contain_text(region)
    expect(chart_regions(other)).to_have_text([region])
    other.close()


def test_a_chart_point_leads_to_its_sentence(page, app_url):
    open_indicators(page, f"{app_url}/indicators")
    # Plotly listens on the drag layer above its points: click where the point is, as a person does.
    point = page.locator('[data-testid="stPlotlyChart"] .scatterlayer .point').first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    link = page.get_by_role("link", name=re.compile("查看原句 Open the sentence"))
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/sources\?.*at=\d+-\d+"))
    expect(page.get_by_text("所选提及 Selected mention")).to_be_visible()
    expect(page.locator("mark#selected-mention")).to_be_in_viewport()   # scrolled to, in its box


def test_upload_shows_per_file_errors_and_the_good_file_loads(page, app_url, tmp_path):
    good = tmp_path / "上传报告.txt"
    good.write_text("吉林市组织工作\n今年发展党员500名，引进高校毕业生3000余人。", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    page.goto(f"{app_url}/upload")
    wait_until_idle(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([str(good), str(broken)])
    expect(page.get_by_text(re.compile(r"^broken\.pdf: "))).to_be_visible()
    expect(page.get_by_text(re.compile(r"rows from 1 documents"))).to_be_visible()
    expect(page.get_by_text("仅上传 Uploaded only")).to_be_visible()


def test_an_oversized_upload_gets_our_message(page, app_url, tmp_path):
    big = tmp_path / "太大.txt"
    big.write_bytes("蓬江区培训干部800人次。\n".encode() * (21 * 1024 * 1024 // 35))   # just over 20 MB
    page.goto(f"{app_url}/upload")
    wait_until_idle(page)
    expect(page.get_by_text("每个文件不超过 20 MB")).to_be_visible()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(big))
    expect(page.get_by_text(re.compile(r"^太大\.txt: .* MB is over the limit of 20 MB per file"))).to_be_visible()


def test_the_filter_follows_the_user_to_another_page(page, app_url):
    region = open_indicators(page, f"{app_url}/indicators")[0]
    page.goto(app_url)
    wait_until_idle(page)
    pick_region(page, region)
    expect(page).to_have_url(re.compile(r"region=" + re.escape(quote(region))))
    page.get_by_role("link", name="其他指标 Other indicators").click()
    expect(page).to_have_url(re.compile(r"/indicators\?region=" + re.escape(quote(region))))
    expect(chart_regions(page)).to_have_text([region])
