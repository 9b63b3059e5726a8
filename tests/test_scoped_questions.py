"""'Ask in the chat' from the Papers tab (issue 18, F24): the answer comes from that paper alone, whatever the
conversation asked before."""

from __future__ import annotations

import pytest

from ui.conversation import Conversation, Turn


def paper_id(engine, title_start: str) -> str:
    return next(p.paper_id for p in engine.papers.values() if p.title.startswith(title_start))


@pytest.mark.parametrize("question", [
    "What does this paper propose?",
    "What does it find?",
    "Which benchmarks does it use?",
])
def test_a_scoped_question_after_another_papers_question_cites_only_the_chosen_paper(engine, question):
    dotamath = paper_id(engine, "DotaMath")
    answer = engine.ask(question, history=["How does RLCoder retrieve code for repository-level completion?"],
                        paper_ids=[dotamath])
    assert answer.citations and {c.paper_id for c in answer.citations} == {dotamath}
    assert "RLCoder" not in answer.searched_query


def test_ask_in_the_chat_scopes_the_one_question_it_sends(engine):
    from ui.app import ChatPage
    from ui.papers_view import question_about

    page = ChatPage(engine)
    conversation = Conversation()
    conversation.turns.append(page.ask("How does RLCoder retrieve code for repository-level completion?",
                                       conversation, "hybrid", 6))
    dotamath = engine.papers[paper_id(engine, "DotaMath")]
    text, _, scope = page.question_for_paper(dotamath.paper_id, "What does it find?")
    assert text == question_about(dotamath, "What does it find?") and scope == [dotamath.paper_id]
    turn: Turn = page.ask(text, conversation, "hybrid", 6, scope)
    assert turn.answer is not None and {c.paper_id for c in turn.answer.citations} == {dotamath.paper_id}


def test_bytes_that_are_not_text_leave_the_page_session_usable(engine, tmp_path):
    """A lone surrogate in a question (issue 18, F11): the turn says what is wrong, and the conversation, its
    exports and the next question still work."""
    import json

    from ui.app import ChatPage, _messages
    from ui.export import write_exports

    page = ChatPage(engine)
    conversation = Conversation()
    conversation.turns.append(page.ask("What does RLCoder \udcff propose?", conversation, "hybrid", 6))
    assert "bytes that are not text" in conversation.turns[-1].error
    json.dumps(_messages(conversation), ensure_ascii=False).encode("utf-8")  # what the browser is sent
    conversation.turns.append(page.ask("What does RLCoder propose?", conversation, "hybrid", 6))
    assert conversation.turns[-1].answer is not None and not conversation.turns[-1].answer.refused
    write_exports(conversation, engine.papers, tmp_path)
