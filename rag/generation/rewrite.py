"""Follow-up questions made standalone by the model, when one is configured.

The rule-based rewrite (rag/answer/followups.py) handles "it"/"they" next to a name; a model also resolves "the second
one" or "that benchmark". Its rewrite is only a search query, shown to the user, and is checked for shape: an
empty, multi-paragraph or overlong reply falls back to the rule-based rewrite.
"""

from __future__ import annotations

from collections.abc import Sequence

from rag.generation.base import Generator, complete

SYSTEM = (
    "Rewrite the user's last question so it can be understood without the conversation: replace words such as "
    "'it', 'they', 'this method' with what they refer to in the earlier questions. Keep everything else. Reply "
    "with the rewritten question only, on one line."
)


def condense_with_model(question: str, history: Sequence[str], generator: Generator, fallback: str,
                        max_chars: int) -> str:
    earlier = "\n".join(f"{i}. {' '.join(h.split())}" for i, h in enumerate(history[-4:], start=1))
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Earlier questions:\n{earlier}\n\nLast question: {' '.join(question.split())}"},
    ]
    reply = complete(generator, messages).strip()
    line = next((ln.strip() for ln in reply.splitlines() if ln.strip()), "")
    for prefix in ("Rewritten question:", "Standalone question:", "Question:"):
        if line.lower().startswith(prefix.lower()):
            line = line[len(prefix):].strip()
    line = line.strip("\"'“”` ")
    if not line or len(line) > max_chars or len(line) > 3 * len(question) + 200:
        return fallback
    return line
