"""`paperchat chat`: the same engine, turn after turn, with the conversation's questions as history."""

from __future__ import annotations

from rag.engine import Engine, QuestionError
from rag.generation.base import GenerationError
from rag.text.controls import strip_controls
from ui.render_text import answer_as_text


def run_chat(engine: Engine) -> int:
    history: list[str] = []
    print("Ask about the indexed papers. An empty line or Ctrl-D ends the chat.")
    while True:
        try:
            question = input("\n> ").strip()
        except EOFError:
            print()
            return 0
        if not question:
            return 0
        try:
            answer = engine.ask(question, history=history)
        except QuestionError as exc:  # the conversation goes on: only this question is refused
            print(strip_controls(str(exc)))
            continue
        except GenerationError as exc:  # the model failed this turn; the conversation goes on
            print(strip_controls(str(exc)))
            print("(Ask again, or restart with --backend extractive for answers without a model.)")
            continue
        print(answer_as_text(answer))
        history.append(question)
