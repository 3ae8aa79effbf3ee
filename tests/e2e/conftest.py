"""The real server and Debian's headless chromium, shared by the browser tests."""
import os

import pytest
from playwright.sync_api import expect

from .server import CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, running_app


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """`streamlit run streamlit_app.py` on the bundled reports, on a free localhost port."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: run scripts/install-system-deps.sh (make test does) to install chromium")
    env = {"ORGWORK_TABLE": "", "ORGWORK_DOCS": ""}   # what a user gets: the bundled reports, extracted on load
    with running_app(env, log=tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


# A rerun after a click is quick, but CI machines are slow: give expect() room before it fails.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    yield page
    context.close()
