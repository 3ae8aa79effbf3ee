"""Start the real dashboard server for browser tests and screenshots, and find Debian's chromium.

Browsers cannot be downloaded on these machines, so Playwright drives the
system `chromium` (installed by scripts/install-system-deps.sh). The flags turn
off the background services that otherwise try the closed network and make
Chromium refuse connections.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 90       # seconds for the server to answer its health check
PAGE_TIMEOUT_MS = 60_000  # a first load extracts the bundled reports


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = START_TIMEOUT) -> None:
    """Poll the server's health endpoint until it answers (this is the server starting, not UI)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer its health check within {timeout} s")


@contextlib.contextmanager
def running_app(env: dict[str, str] | None = None, log: Path | None = None) -> Iterator[str]:
    """`streamlit run streamlit_app.py` on a free localhost port; yields its URL, stops it after."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    output = open(log, "wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=REPO, env={**os.environ, **(env or {})},
                               stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for_health(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            output.close()


def wait_until_idle(page, timeout: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until the app has run the page script and drawn its charts and tables.

    Every page has a title, so an h1 in the main block means the page script has
    started drawing; a script state of notRunning alone can be the state before it ran.
    """
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                   .every(chart => chart.querySelector('.main-svg'))
              && [...document.querySelectorAll('[data-testid="stDataFrame"]')]
                   .filter(table => table.getBoundingClientRect().height > 80)
                   .every(table => table.querySelector('canvas'))
              && !document.querySelector('[data-testid="stSkeleton"]')""", timeout=timeout)
