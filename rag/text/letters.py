"""A question written as a letter, read without the letter's greeting and sign-off.

Why: researchers write to the chatbot the way they write email: "Hi paperchat, ... Could you let me know which papers
use Lean? Thanks in advance, Maria", "Dear all, ... Best, M.", "... P.S. only Lean 4 counts". Read whole, the sign-off
is taken for part of what is asked ("which papers use Lean? thanks!" was refused: no abstract says "thanks"), and the
greeting runs into the first sentence. The greeting and the sign-off go, with the name signed after it; a P.S. is
kept as a sentence of the question, since what it adds is often what counts ("P.S. only open-source models").
"""

from __future__ import annotations

import re

# A letter's polite request wrapped round its ask: "Could you let me know which papers ...", "I was wondering which
# ...", "Would you happen to know ...", "I'd be grateful if you could tell me ...". Read as the ask it wraps
# (rag/answer/plan.py) and as the start of an ask after a story (rag/answer/preamble.py). "I was wondering" only
# before a question word: "I was wondering whether the dataset is released" is a yes/no question of its own.
REQUEST = (r"(?:(?:before\s+we\s+start|first(?:\s+of\s+all)?|also|specifically|concretely)\s*,\s*)?"
           r"(?:(?:could|can|would|will)\s+(?:you|u)\s+(?:please\s+|possibly\s+)?(?:be\s+able\s+to\s+)?"
           r"(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|check|help\s+(?:me|us)\s+(?:find|figure\s+out|see))|"
           r"(?:i|we)\s*(?:was|were|am|are|['’]m|['’]re)\s+(?:wondering|curious)(?=\s+(?:which|what|how|who|where|why|"
           r"(?:whether|if)\s+any)\b)|(?:i|we)\s*(?:was|were|am|are|['’]m|['’]re)\s+hoping\s+you\s+could\s+tell\s+(?:me|us)|"
           r"(?:would|do)\s+you\s+(?:happen\s+to\s+)?know|(?:i|we)\s*['’]d\s+(?:like|love)\s+to\s+know|"
           r"(?:i|we)\s*(?:['’]d|\s+would)\s+(?:be\s+(?:very\s+|most\s+|really\s+)?(?:grateful|glad|thankful|happy)|"
           r"appreciate\s+it)\s+if\s+you\s+could\s+(?:tell\s+(?:me|us)|let\s+(?:me|us)\s+know)|"
           r"any\s+chance\s+you\s+could\s+tell\s+(?:me|us)|let\s+(?:me|us)\s+know)")
# "Hi paperchat,", "Dear all,", "Hello there!", "Hi Maria,": a greeting and whom it greets, before a stop. Not a name
# of the index's with it ("Dear GitChameleon authors,", "Hi Isabelle users:" ask about them).
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|heya|howdy|greetings|dear|good\s+(?:morning|afternoon|evening|day))\b"
    r"(?:[ \t]+(?:there|all|everyone|everybody|folks|team|friends|colleagues|paper-?chat|bot|assistant|again))*"
    r"(?:[ \t]+[A-Z][a-z]+)?"
    r"(?:\s*[,!:;.—–]+|\s+-+|[ \t]*\n)\s*(?=\S)", re.I)
# "P.S.", "PS:", "P.P.S.", "PS -": what follows is part of the question (not "PS" alone, PostScript, nor "PS-Bench").
_PS = r"(?:\bp\.\s?(?:p\.\s?)?s\b\.?|\bp{1,2}s(?:\s*[:,]|\s+-+))[:,-]?"
# Thanks, which may say what for ("Thanks in advance for any pointers, Maria"); not "thanks to" (because of).
_THANKS = (r"(?:(?:many|big|huge)\s+)?(?:thanks|thank\s+you|thx|thnx|tia|ty)(?:\s+(?:so|very)\s+much|\s+a\s+lot)?"
           r"(?!\s+to\b)")
# Closings that end a letter with the name signed at most: "Best, M.", "Cheers, Tom", "Kind regards". "Best if they
# include IMO problems" says which papers are best.
_CLOSING = (r"(?:cheers|best|best\s+wishes|all\s+the\s+best|(?:kind|warm|best)\s+regards|regards|sincerely|"
            r"yours(?:\s+(?:sincerely|truly))?|much\s+appreciated|appreciate\s+it|appreciated|br|bw|ciao)")
_SIGNED = r"(?:\s*[,.!]*\s*(?:[A-Z][\w'’.-]*\.?(?:\s+[A-Z][\w'’.-]*\.?){0,2})?)?[.!]*"
# A sign-off as a sentence of its own after the question, up to the end or a P.S.: no question in it, short; thanks
# after a comma or a dash too ("..., thanks", "— thanks!"). A signature after "--" on its own line.
_SIGN_OFF = re.compile(rf"(?:(?<=[.?!)\]])|(?<=\n)|^)\s*(?:{_THANKS}\b(?P<rest>[^?]{{0,80}}?)|{_CLOSING}\b{_SIGNED})"
                       rf"(?=\s*(?:{_PS}|$))|(?:\s*,|\s+[-–—]+)\s*{_THANKS}\b[.!]*\s*$|\n\s*--+\s*\n[^?]*$", re.I)
# Thanks before the question as a sentence of its own: "Thanks in advance! Which papers ...".
_THANKS_FIRST = re.compile(rf"^\s*{_THANKS}\b[^?.!\n]{{0,60}}[.!\n]+\s*(?=\S)", re.I)
_POSTSCRIPT = re.compile(rf"(?:(?<=[.?!]\s)|(?<=[.?!])|(?<=\n)|^){_PS}\s*", re.I)
_REST_WORDS = 12  # words thanks may have after them ("Thanks in advance for any pointers, Maria")


def without_letter(question: str) -> str:
    """The question without a letter's greeting, its thanks before or after the question and the name signed; a
    P.S. read as a sentence of the question."""
    text = _GREETING.sub("", question, count=1)
    text = _THANKS_FIRST.sub("", text, count=1)
    for closing in reversed(list(_SIGN_OFF.finditer(text))):
        if text[:closing.start()].strip() and len((closing["rest"] or "").split()) <= _REST_WORDS:
            text = text[:closing.start()] + text[closing.end():]
    if "p" in text.lower():
        text = _POSTSCRIPT.sub(lambda m: "" if not text[:m.start()].strip() else " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text if re.search(r"\w", text) else question.strip()
