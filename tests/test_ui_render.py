"""Fast tests of how answers and sources become HTML/Markdown: links, highlights, marks and escaping."""

from __future__ import annotations

import itertools
import re

import pytest
from rendered_markdown import ATTACKS, live_markup, shown_text, to_html

from rag.types import Answer, AnswerSentence, Citation, Evidence, Paper
from ui.answer_view import answer_markdown, error_markdown, source_anchor, stream_prefixes
from ui.conversation import Conversation, Turn
from ui.inert_markdown import as_typed
from ui.papers_view import paper_columns, paper_rows, question_about
from ui.sources_view import EMPTY, highlighted_abstract, quote_spans, sources_html
from ui.table_cells import key_phrase

HOSTILE = "We show <script>alert('x')</script> and <img src=x onerror=alert(1)> beat baselines by 5%."
PAPER = Paper(
    paper_id="2401.00001", title="Tool <b>Bold</b> Agents",
    abstract=f"Agents are hard. {HOSTILE} Code is available.",
)


def _answer(**overrides) -> Answer:
    fields = dict(
        query="Who wins?", searched_query="Who wins?",
        answer=f"{HOSTILE} [1]",
        citations=[Citation(n=1, paper_id=PAPER.paper_id, title=PAPER.title, quote=HOSTILE, support=0.61)],
        sentences=[AnswerSentence(text=HOSTILE, citations=[1])],
        evidence=[Evidence(paper_id=PAPER.paper_id, title=PAPER.title, text="", dense=0.7, lexical=3.2,
                           fused=0.03, rank=0)],
        timings_ms={"total": 420.0},
    )
    fields.update(overrides)
    return Answer(**fields)


def test_answer_text_is_escaped_and_markers_link_to_their_source():
    message = answer_markdown(_answer(), turn=3)
    assert "<script>" not in message and "<img" not in message
    assert "&lt;script&gt;" in message and "&lt;img src=x onerror=alert(1)&gt;" in message
    assert f'href="#{source_anchor(3, 1)}"' in message
    assert 'title="Tool &lt;b&gt;Bold&lt;/b&gt; Agents"' in message
    assert "1/1 sentences verified" in message and "0.42 s" in message


def test_markers_that_cite_nothing_stay_text():
    message = answer_markdown(_answer(answer="Plain claim [7]. Cited [1]."), turn=1)
    assert "[7]" in message and "#src-1-7" not in message
    assert 'href="#src-1-1"' in message


def test_grouped_markers_become_one_link_each():
    citations = [Citation(1, "a", "A", "qa"), Citation(2, "b", "B", "qb")]
    message = answer_markdown(_answer(answer="Both agree [1, 2].", citations=citations, sentences=[]), turn=2)
    assert 'href="#src-2-1"' in message and 'href="#src-2-2"' in message


def test_searched_query_is_shown_only_for_follow_ups():
    assert "Searching for" not in answer_markdown(_answer(), 1)
    message = answer_markdown(_answer(query="And its data?", searched_query="What data does <X> use?"), 1)
    assert "Searching for: What data does &lt;X&gt; use?" in message


def test_unsupported_sentences_are_marked_with_their_reason():
    sentences = [AnswerSentence(text=HOSTILE, citations=[1], verified=False, reason="the number 5% is not in [1]")]
    message = answer_markdown(_answer(sentences=sentences), 1)
    assert 'class="unsupported"' in message and "⚠ unsupported" in message
    assert 'title="Not supported: the number 5% is not in [1]">' in message  # no link inside the attribute
    assert '— the number 5% is not in <a class="cite" href="#src-1-1"' in message  # the note below links it
    assert "0/1 sentences verified" in message


def test_table_rows_render_when_the_text_has_no_table():
    rows = [{"paper": "A|B", "result": "<b>90%</b>"}, {"paper": "C", "result": None}]
    message = answer_markdown(_answer(answer="Compared below.", kind="comparative", table=rows, sentences=[]), 1)
    assert "| paper | result |" in message and "A\\|B" in message and "&lt;b&gt;90%&lt;/b&gt;" in message
    with_table = answer_markdown(_answer(answer="| a | b |\n|---|---|\n| 1 | 2 |", table=rows, sentences=[]), 1)
    assert "| paper | result |" not in with_table


def test_stream_grows_to_the_whole_message_without_cutting_tags():
    message = answer_markdown(_answer(answer="First claim [1] second claim [1]\n\n| a | b |\n|---|---|\n| 1 | 2 |"), 1)
    prefixes = list(stream_prefixes(message))
    assert prefixes[-1] == message and len(prefixes) >= 4
    assert all(message.startswith(p) for p in prefixes)
    assert all(len(a) < len(b) for a, b in itertools.pairwise(prefixes))
    for prefix in prefixes:
        assert prefix.count("<a ") == prefix.count("</a>")
        assert not prefix.rstrip().endswith("| a | b |")  # the header never shows without its separator


def test_errors_read_as_messages():
    assert error_markdown("bad <input>\n  here") == '<span class="chat-error">⚠ bad &lt;input&gt; here</span>'


def test_quote_is_found_despite_whitespace_and_highlighted_escaped():
    abstract = "One.  Two\nwords here. Three."
    assert quote_spans(abstract, "Two words here. … Three.") == [(6, 21), (22, 28)]
    html = highlighted_abstract(PAPER.abstract, HOSTILE)
    assert html.startswith("Agents are hard. <mark")
    assert "<script>" not in html and "&lt;script&gt;" in html
    lost = highlighted_abstract("Nothing matches.", "<i>lost</i>")
    assert lost == '<mark class="quoted">&lt;i&gt;lost&lt;/i&gt;</mark>'


def test_sources_panel_shows_title_quote_scores_and_escapes():
    conversation = Conversation([Turn("q1", _answer()), Turn("broken", error="x"), Turn("q3", _answer())])
    html = sources_html(conversation, {PAPER.paper_id: PAPER})
    assert html.index('id="turn-3" open') < html.index('id="turn-1"')  # newest first, open
    assert 'id="turn-1">' in html  # older turns folded
    assert 'id="src-3-1"' in html and 'id="src-1-1"' in html
    assert "<script>" not in html and "<b>Bold</b>" not in html and "Tool &lt;b&gt;Bold&lt;/b&gt; Agents" in html
    for score in ("0.61", "0.700", "3.20", "0.0300"):
        assert f"<td>{score}</td>" in html
    assert sources_html(Conversation(), {}) == EMPTY


def test_refused_answers_say_no_source_supports_them():
    refused = _answer(answer="The indexed abstracts do not answer this question.", citations=[], sentences=[],
                      refused=True)
    html = sources_html(Conversation([Turn("q", refused)]), {})
    assert "No abstract supports an answer" in html
    assert "no supporting sentence found" in answer_markdown(refused, 1)


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_part_of_an_answer_message_lets_data_make_a_link_image_or_html(attack):
    data = " ".join(attack.split())
    answer = _answer(
        query="And its data?", searched_query=f"What data does {attack} use?",
        answer=f"- **Evil {data}** [1]: it works {data}.\n\n{attack} [1]",
        citations=[Citation(1, "evil", f"Evil {attack}", attack)],
        sentences=[AnswerSentence(f"it works {data}.", [1], verified=False, reason=f"{attack} is not in [1]")],
        table=[{"paper": attack, "result": attack}],
    )
    message = answer_markdown(answer, turn=2)
    assert live_markup(message) == []
    html = to_html(message)
    assert '<a class="cite" href="#src-2-1"' in html and "<strong>Evil" in html  # our own markup still renders
    assert f"Searching for: What data does {data} use?" in shown_text(message)  # the rewrite, as typed


@pytest.mark.parametrize("attack", ATTACKS)
def test_an_error_message_shows_as_typed(attack):
    message = error_markdown(f"The model said: {attack}")
    assert live_markup(message) == []
    assert shown_text(message) == "⚠ The model said: " + " ".join(attack.split())


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_question_about_a_hostile_paper_shows_as_typed_in_the_chat(attack):
    """The Papers tab's "Ask in the chat" writes the title into the question, which the chat shows through
    `as_typed` (ui/app.py `_user_message`)."""
    question = question_about(Paper("evil", f"Evil {attack}", "abs"), "What does it find?")
    assert live_markup(as_typed(question)) == []
    assert shown_text(as_typed(question)) == " ".join(question.split())


def test_the_chat_shows_a_hostile_papers_question_as_typed():
    from ui.app import _user_message

    question = question_about(Paper("evil", "Evil ![x](http://evil.example/leak)", "abs"), "")
    assert live_markup(_user_message(question)["content"]) == []


def test_a_column_empty_for_every_paper_is_left_out():
    undated = [Paper("a", "A", "abs"), Paper("b", "B", "abs")]
    assert paper_columns(undated) == ["Title", "Paper id"]
    assert paper_rows(undated, paper_columns(undated)) == [["A", "a"], ["B", "b"]]
    dated = [*undated, Paper("c", "C", "abs", year=2024)]
    assert paper_columns(dated) == ["Title", "Year", "Paper id"]
    assert paper_rows(dated, paper_columns(dated))[2] == ["C", "2024", "c"]


def test_each_marker_names_the_quoted_sentence_behind_it():
    quote = "Agents are hard. … Code is available."
    answer = _answer(answer="Agents are hard indeed [1]. Code is available [1]. Both [1].",
                     citations=[Citation(1, PAPER.paper_id, PAPER.title, quote)], sentences=[])
    links = re.findall(r'<a class="cite"[^>]*>', answer_markdown(answer, 1))
    assert ['rel="q0"' in links[0], 'rel="q1"' in links[1], "rel=" in links[2]] == [True, True, False]
    html = sources_html(Conversation([Turn("q", answer)]), {PAPER.paper_id: PAPER})
    assert '<mark class="quoted" data-q="0">Agents are hard.</mark>' in html
    assert '<mark class="quoted" data-q="1">Code is available.</mark>' in html


COMPARED = ("Large language models have made impressive progress in handling simple math problems, yet they still "
            "struggle with more challenging and complex mathematical tasks.")


def test_a_comparison_table_shows_key_phrases_and_no_in_short_list():
    text = (f"| Paper | Problem |\n|---|---|\n| **DotaMath** [1] | {COMPARED} [1] |\n\n"
            f"In short:\n- **DotaMath**: {COMPARED} [1]")
    message = answer_markdown(_answer(answer=text, kind="comparative", sentences=[],
                                      citations=[Citation(1, "d", "DotaMath", COMPARED)]), 1)
    assert "In short" not in message and message.count(COMPARED) == 2  # the cell's expansion and its title
    assert '<span class="cell-key">They still struggle with more challenging and…</span>' in message
    html = to_html(message)
    assert "<td><strong>DotaMath</strong>" in html and live_markup(message) == []


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("In this paper, we introduce InfinityMATH, a scalable instruction tuning dataset for programmatic reasoning.",
     "InfinityMATH, a scalable instruction tuning dataset for programmatic reasoning."),
    ("Notably, DotaMath-deepseek-7B showcases an outstanding performance of 64.8% on the competitive MATH dataset.",
     "…outstanding performance of 64.8% on the competitive…"),
    ("We generate an instruction fine-tuning dataset called DotaMathQA with 574K query-response pairs.",
     "…called DotaMathQA with 574K query-response pairs."),
    ("A short sentence stays whole.", "A short sentence stays whole."),
])
def test_a_key_phrase_is_the_telling_part_of_a_sentence(sentence, phrase):
    assert key_phrase(sentence) == phrase


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_long_hostile_cell_stays_inert_when_made_compact(attack):
    long = f"{attack} and many more words follow here so that the cell is long enough to be made compact"
    answer = _answer(answer="Compared below.", kind="comparative", sentences=[], table=[{"paper": "X", "cell": long}])
    message = answer_markdown(answer, 1)
    assert 'class="cell"' in message and live_markup(message) == []


def test_a_refusals_closest_papers_open_their_abstracts_in_the_panel():
    refused = _answer(answer="The indexed abstracts do not answer this question.\nClosest papers (not evidence for "
                             f"an answer):\n- {PAPER.title}\n- Not a paper of the evidence", citations=[],
                      sentences=[], refused=True)
    message = answer_markdown(refused, 2)
    assert '- <span class="paper-link near-2-1" title="Open its abstract">Tool &lt;b&gt;Bold&lt;/b&gt; Agents</span>' \
        in message and "- Not a paper of the evidence" in message and live_markup(message) == []
    html = sources_html(Conversation([Turn("q1", _answer()), Turn("q2", refused)]), {PAPER.paper_id: PAPER})
    assert 'id="near-2-1"' in html and "Agents are hard." in html and 'data-paper="2401.00001"' in html


def test_a_scoped_answer_names_its_papers_and_a_stopped_one_says_so():
    from ui.answer_view import stopped_markdown

    message = answer_markdown(_answer(), 1, scope=["Evil ![x](http://evil.example/)"])
    assert shown_text(message).startswith("Asked within: “Evil ![x](http://evil.example/)”")
    assert live_markup(message) == [] and "Stopped before the answer was finished" in stopped_markdown()


def test_a_generated_answer_shows_its_token_counts_in_the_footer():
    counted = answer_markdown(_answer(mode="openai:fake-model", tokens={"prompt": 1234, "completion": 56}), 1)
    assert "1,234 prompt + 56 completion tokens" in shown_text(counted)
    assert "tokens" not in shown_text(answer_markdown(_answer(), 1))  # extractive answers use no model
