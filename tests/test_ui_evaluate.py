"""The Evaluate tab runs with the session's settings and says which (issue 15), and its charts are readable at
1366 px: nothing covers their titles."""

from __future__ import annotations

import json

import pytest
from chat_page import open_page

from ui.evaluate_tab import evaluate
from ui.session_settings import SessionEngine

QUESTIONS = [
    {"id": "p3", "type": "factoid", "question": "What share of the P3 test puzzles can Codex solve with a single try?",
     "expected_titles": ["Programming Puzzles"], "expected_facts": ["18%"]},
    {"id": "wmt", "type": "unanswerable", "question": "What BLEU score does the best model reach on WMT14?"},
]


class Recording:
    """The real engine, noting the retrieval settings each question was asked with."""

    def __init__(self, engine) -> None:
        self.engine, self.settings, self.papers = engine, engine.settings, engine.papers
        self.asked: list[tuple[str, int]] = []

    def ask(self, question, history=(), retrieval=None, **options):
        self.asked.append((retrieval.retriever, retrieval.top_papers))
        return self.engine.ask(question, history=history, retrieval=retrieval, **options)


def test_a_run_asks_with_the_sessions_settings_and_says_which(engine, write, tmp_path):
    path = write("two.jsonl", "\n".join(json.dumps(q) for q in QUESTIONS))
    recording = Recording(engine)
    view = evaluate(SessionEngine(recording, "bm25", 2, "extractive"), None, str(path), out_root=tmp_path)
    assert recording.asked == [("bm25", 2), ("bm25", 2)]
    settings = view.run.summary["settings"]
    assert (settings["retrieval"]["retriever"], settings["retrieval"]["top_papers"]) == ("bm25", 2)
    assert view.run.summary["settings_hash"] != engine.settings.settings_hash()  # not the server's defaults
    assert "Run with this session's settings: BM25 retrieval · 2 papers per answer · Extractive answers" in view.status


@pytest.mark.browser
def test_the_tab_runs_with_the_settings_chosen_and_its_charts_titles_show_at_1366(app_url, write):
    from ui.headless import MISSING, chromium_path, headless_chromium

    if chromium_path() is None:
        pytest.fail(MISSING)
    path = write("two.jsonl", "\n".join(json.dumps(q) for q in QUESTIONS))
    with headless_chromium() as browser:
        context, page = open_page(browser, app_url, 1366, 768)
        page.get_by_role("tab", name="Settings").click()
        page.locator("#retriever").get_by_text("BM25").click()
        page.get_by_role("tab", name="Evaluate").click()
        page.locator("#eval-upload input[type=file]").set_input_files(str(path))
        page.locator("#eval-run").click()
        page.locator("#eval-status").get_by_text("Run with this session's settings: BM25 retrieval").wait_for(
            timeout=120_000)
        for chart in ("#metrics-chart img", "#latency-chart img"):
            image = page.locator(chart)
            image.wait_for()
            image.scroll_into_view_if_needed()
            box = image.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1366 and box["width"] >= 450, box
            # Where the chart draws its title, the chart itself is on top: no label covers it.
            on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).tagName",
                                   [box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.06])
            assert on_top == "IMG", chart
        context.close()
