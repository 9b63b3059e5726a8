"""The page under `--auth` (issue 18, F2): without signing in, nothing but the login form is served; signed in,
the page and its API work as usual."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from page_server import served

USER = ("reader", "s3cret-pass")

# Every route a browser or a script could use; Gradio left the first four open before the login gate.
GUARDED = [
    ("POST", "/gradio_api/cancel"), ("POST", "/gradio_api/reset"), ("GET", "/gradio_api/heartbeat/anyone"),
    ("GET", "/openapi.json"), ("GET", "/docs"), ("GET", "/gradio_api/info"), ("GET", "/config"),
    ("GET", "/gradio_api/token"), ("GET", "/gradio_api/user"), ("GET", "/gradio_api/app_id"),
    ("POST", "/gradio_api/queue/join"), ("GET", "/gradio_api/queue/data?session_hash=x"),
    ("POST", "/gradio_api/upload"), ("GET", "/gradio_api/file=/etc/passwd"), ("GET", "/monitoring"),
]
CANCEL_BODY = {"session_hash": "victim", "fn_index": 0, "event_id": "e1"}


@pytest.fixture(scope="module")
def signed_url(engine) -> Iterator[str]:
    with served(engine, auth=USER) as url:
        yield url


@pytest.mark.parametrize(("method", "path"), GUARDED)
def test_without_signing_in_every_route_answers_401(signed_url, method, path):
    response = httpx.request(method, signed_url + path, json=CANCEL_BODY if method == "POST" else None, timeout=10)
    assert response.status_code == 401


def test_the_login_form_and_its_files_are_served(signed_url):
    page = httpx.get(signed_url + "/", timeout=10)
    assert page.status_code == 200 and httpx.get(signed_url + "/theme.css", timeout=10).status_code == 200


def test_a_wrong_password_signs_nobody_in(signed_url):
    with httpx.Client(base_url=signed_url, timeout=10) as client:
        client.post("/login", data={"username": USER[0], "password": "wrong"})
        assert client.get("/config").status_code == 401
        assert client.post("/gradio_api/cancel", json=CANCEL_BODY).status_code == 401


def test_signed_in_the_page_and_its_api_work(signed_url):
    from gradio_client import Client

    with httpx.Client(base_url=signed_url, timeout=10) as client:
        assert client.post("/login", data={"username": USER[0], "password": USER[1]}).status_code == 200
        assert client.get("/config").status_code == 200
        assert client.post("/gradio_api/cancel", json=CANCEL_BODY).status_code == 200
    reply = Client(signed_url, auth=USER, verbose=False).predict("What does RLCoder propose?", api_name="/ask")
    assert "RLCoder" in str(reply[1])


@pytest.mark.browser
def test_a_reader_signs_in_and_asks_in_chromium(signed_url):
    from ui.headless import MISSING, chromium_path, headless_chromium

    if chromium_path() is None:
        pytest.fail(MISSING)
    with headless_chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(signed_url, wait_until="domcontentloaded")
        page.locator("input[type=password]").wait_for(state="visible")
        page.locator("input[type=text]").first.fill(USER[0])
        page.locator("input[type=password]").fill(USER[1])
        page.keyboard.press("Enter")
        box = page.locator("#question textarea")
        box.wait_for(state="visible", timeout=60_000)
        box.fill("What does RLCoder propose?")
        box.press("Enter")
        page.wait_for_function("() => document.querySelectorAll('#chat .answer-meta').length >= 1", timeout=90_000)
        assert "RLCoder" in page.locator("#chat [data-testid=bot]").last.inner_text()
