"""A question written as a letter, read without the letter's greeting and sign-off.

Why: researchers write to the chatbot the way they write email: "Hi paperchat, ... Could you let me know which papers
use Lean? Thanks in advance, Maria", "Dear all, ... Best, M.", "... P.S. only Lean 4 counts". Read whole, the sign-off
is taken for part of what is asked ("which papers use Lean? thanks!" was refused: no abstract says "thanks"), and the
greeting runs into the first sentence. The greeting and the sign-off go, with the name signed after it; a P.S. is
kept as a sentence of the question, since what it adds is often what counts ("P.S. only open-source models").
"""

from __future__ import annotations

import re

# "Hi paperchat,", "Dear all,", "Hello there!", "Good morning team -": a greeting and whom it greets, before a stop.
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|heya|howdy|greetings|dear|good\s+(?:morning|afternoon|evening|day))\b"
    r"(?:[ \t]+(?:there|all|everyone|everybody|folks|team|friends|colleagues|paper-?chat|bot|assistant|"
    r"[A-Z][\w.-]*)){0,3}"
    r"(?:\s*[,!:;.—–]+|\s+-+|[ \t]*\n)\s*(?=\S)", re.I)
# "P.S.", "PS:", "P.P.S.": what follows is part of the question (not "PS" alone: PostScript).
_PS = r"(?:\bp\.\s?(?:p\.\s?)?s\b\.?|\bp{1,2}s\s*[:,-])[:,-]?"
# Thanks and closings a letter ends with: "Thanks in advance, Maria", "Best, M.", "Cheers", "Kind regards".
_CLOSING = (r"(?:many\s+|thanks\s+(?:so\s+|very\s+)?much\s+|thank\s+you\s+(?:so\s+|very\s+)?much\s+)?"
            r"(?:thanks|thank\s+you|thx|thnx|tia|ty|cheers|best|best\s+wishes|all\s+the\s+best|(?:kind|warm|best)"
            r"\s+regards|regards|sincerely|yours(?:\s+(?:sincerely|truly))?|much\s+appreciated|appreciate\s+it|"
            r"appreciated|br|bw|ciao)")
# A closing as a sentence of its own after the question, up to the end or a P.S.: no question in it, short.
_SIGN_OFF = re.compile(rf"(?:(?<=[.?!)\]])|(?<=\n)|^)\s*{_CLOSING}\b(?P<rest>[^?]{{0,80}}?)"
                       rf"(?=\s*(?:{_PS}|$))", re.I)
# Thanks before the question as a sentence of its own: "Thanks in advance! Which papers ...".
_THANKS_FIRST = re.compile(rf"^\s*{_CLOSING}\b[^?.!\n]{{0,60}}[.!\n]+\s*(?=\S)", re.I)
_POSTSCRIPT = re.compile(rf"(?:(?<=[\s.?!])|^){_PS}\s*", re.I)
_REST_WORDS = 12  # words a closing may have after its first ("Thanks in advance for any pointers, Maria")


def without_letter(question: str) -> str:
    """The question without a letter's greeting, its thanks before or after the question and the name signed; a
    P.S. read as a sentence of the question."""
    text = _GREETING.sub("", question, count=1)
    text = _THANKS_FIRST.sub("", text, count=1)
    for closing in reversed(list(_SIGN_OFF.finditer(text))):
        if text[:closing.start()].strip() and len(closing["rest"].split()) <= _REST_WORDS:
            text = text[:closing.start()] + text[closing.end():]
    if "p" in text.lower():
        text = _POSTSCRIPT.sub(lambda m: "" if not text[:m.start()].strip() else " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if re.search(r"\w", text) else question.strip()
