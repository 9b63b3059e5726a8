"""Shared fixtures: the real packaged model and a real Chroma store, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.writer import ensure_builtin_corpus
from rag.offline import configure_offline

configure_offline()


@pytest.fixture(scope="session")
def embedder():
    from rag.index.encoder import Embedder

    return Embedder("cpu")


@pytest.fixture(scope="session")
def settings_for(tmp_path_factory):
    from rag.settings import Settings

    def make(name: str, **overrides) -> Settings:
        return Settings(data_dir=tmp_path_factory.mktemp(name), **overrides)

    return make


@pytest.fixture(scope="session")
def engine(embedder, settings_for):
    """The built-in corpus, ingested once into a temporary store; tests must not modify it."""
    from rag.engine import Engine

    eng = Engine(settings_for("builtin"), embedder=embedder)
    ensure_builtin_corpus(eng, progress=False)
    return eng


@pytest.fixture
def fresh_engine(embedder, settings_for):
    """An empty store of its own, for tests that ingest or change things."""
    from rag.engine import Engine

    return Engine(settings_for("fresh"), embedder=embedder)


@pytest.fixture(scope="module")
def app_url(engine):
    """The real chat page over the built-in corpus, one server per test module."""
    from page_server import served

    with served(engine) as url:
        yield url


@pytest.fixture(scope="module")
def llm_engine(engine, embedder, openai_server):
    """The session's index, answered through the fake endpoint (tests/fake_openai.py) as the model."""
    from rag.engine import Engine
    from rag.settings import LLMSettings

    llm = LLMSettings(base_url=openai_server.url, model="fake-model")
    return Engine(engine.settings.model_copy(update={"llm": llm}), embedder=embedder)


@pytest.fixture(scope="module")
def openai_server():
    """A small OpenAI-protocol server on loopback (tests/fake_openai.py), one per test module."""
    from fake_openai import FakeOpenAI

    fake = FakeOpenAI()
    yield fake
    fake.close()


@pytest.fixture
def write(tmp_path):
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (the Debian package) for the tests that drive the real page; missing is a failure."""
    from ui.headless import MISSING, chromium_path, headless_chromium

    if chromium_path() is None:
        pytest.fail(MISSING)
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser, app_url):
    """The chat page over the built-in corpus in a fresh context: a new reader."""
    from chat_page import open_page

    context, page = open_page(browser, app_url)
    yield page
    context.close()
