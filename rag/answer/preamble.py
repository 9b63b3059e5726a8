"""A story told before a question, set aside when the question says all it asks.

Why: researchers thinking aloud tell how the question came up before asking it ("so I was at reading group and
someone went on about Lean ... Which papers prove things in Lean?", "Say cost per task is my binding constraint.
What dollar costs do the agentic systems report?", "... and it got me wondering which papers use evolutionary
search"). Read whole, the story's words ("HCI", "reading group", "binding constraint") are taken for what is asked,
words no abstract has get the question refused, and the ask in the second sentence is not found. The ask is read
alone when it says all it asks and the story names nothing the ask does not. A question across papers keeps a
story whose words the abstracts use: there the story is its topic ("Training data for provers seems scarce. What
have people tried?"). When the ask points back at a scene the asker sets ("Say I need X. Which papers built a
dataset like that?"), the scene stands in its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.asks import REFERS_BACK
from rag.text.sentences import split_sentences

_OPENERS = (r"(?:(?:so|ok|okay|anyway|anyways|but|and|well|basically|honestly|really|seriously|then)\b[,\s]*|"
            r"(?:(?:the\s+|my\s+)?ask|question|q|need)\s*[:–—-]\s*)*")  # a ticket's "Context: ... Ask: which ..."
# A sentence asking for papers: "Which papers ...", "Which of these papers ...", "Who ran ...".
_LIST = (r"(?:which\s+(?:of\s+(?:these|the|them)\s+)?(?:[\w-]+\s+){0,3}?(?:papers|works|studies|abstracts|ones|"
         r"benchmarks|evals|datasets|systems|methods|models)\b|who\b)")
_ASKS = re.compile(rf"^{_OPENERS}{_LIST}", re.I)
# A question across papers: "What do the papers propose for ...", "How do the benchmark papers here ...".
_ACROSS = re.compile(rf"^{_OPENERS}(?:what|how)\s+(?:[\w-]+\s+){{0,5}}?(?:papers|works|studies|systems|approaches|"
                     r"methods)\b", re.I)
# A scene set before a colon: "Picture a skeptic who only trusts live deployments: which papers ...".
_COLON_ASK = re.compile(rf":\s+(?={_LIST})", re.I)
# An ask within a sentence, after the story: "... and it got me wondering which papers ...", "I want to know which".
_ASKED_WITHIN = re.compile(r"\b(?:wonder(?:ing|ed)?|know|curious|ask(?:ing)?|tell\s+me|figure\s+out|find\s+out)\s+"
                           rf"(?:about\s+)?(?P<ask>{_LIST}.+)$", re.I | re.S)
# The collection, which the ask may point at without pointing back at the story: "which of these papers", "here".
_THE_PAPERS = re.compile(r"\b(?:of\s+)?(?:these|those|the)\s+(?:\w+\s+)?(?:papers|works|studies|abstracts)\b|"
                         r"\b(?:of\s+)?(?:these|those)\b(?=\s*[?.,]|\s+(?:here|in\s+here)\b)|\bin\s+here\b|\bhere\b",
                         re.I)
# "a dataset like that", "that ability", "whether that's viable": the story is what it asks about.
_LIKE_THAT = re.compile(r"\b(?:like\s+(?:that|this|those)|such|similar)\b|\b(?:that|this)(?:['’]s\b|\s+(?:[\w-]+\s+)?"
                        r"(?:ability|capability|kind|sort|type|setting|thing|stuff|idea|problem|question|task|approach|"
                        r"method|scenario|case|situation|budget|constraint|area|topic|direction|route|angle|analysis)\b)",
                        re.I)
# A scene the asker sets: "Suppose I'm designing an agent that ...", "Say I need to assemble a set of ...", "I'm
# thinking about agents that ...": what follows the frame is what a "that" after it stands for.
_SCENE = re.compile(r"^(?:so\s+)?(?:(?:suppose|say|imagine|picture|assume)\s+(?:that\s+)?(?:i|we|one|you)|i|we)"
                    r"(?:\s*['’](?:m|re|d)|\s+(?:am|are|is|was|were|had|have|need|needed|want|wanted|must|would))?"
                    r"(?:\s+(?:to|be))?\s+(?:(?:build|building|assemble|assembling|design|designing|make|making|create|"
                    r"creating|get|getting|find|finding|pick|picking|run|running|train|training|thinking|looking|"
                    r"working|know(?:ing)?)\s+(?:about\s+|at\s+|on\s+|whether\s+|if\s+)?)?(?P<scene>\S.{10,})$",
                    re.I | re.S)
# What the scene stands in for: "a dataset like that", "that kind of setting", "such a model", "that ability".
_POINTING = re.compile(r"\b(?:(?:a|an|the|one)\s+)?(?:[\w-]+\s+){0,2}?(?:like\s+(?:that|this)|of\s+that\s+(?:kind|sort|"
                       r"type))\b|\b(?:that|this|such\s+an?)\s+(?:kind|sort|type)\s+of\s+[\w-]+|\b(?:that|this)\s+"
                       r"(?:[\w-]+\s+)?(?:ability|capability|setting|thing|stuff|idea|problem|task|approach|method|"
                       r"scenario|case|situation)\b|\bsuch\s+an?\s+[\w-]+", re.I)
# Words any ask has, which say nothing of what it is about: "What are the different strategies used?"
_ASKING_WORDS = frozenset({
    "which", "what", "who", "how", "papers", "paper", "does", "did", "the", "and", "any", "are", "were", "was", "have",
    "has", "different", "various", "main", "strategies", "ways", "approaches", "methods", "techniques", "used", "use",
    "uses", "using", "find", "found", "say", "says", "propose", "proposed", "built", "build", "would", "could",
    "should", "there", "about", "anything", "something", "stuff", "actually", "really", "right", "one", "ones",
    "out", "kind", "sort", "thing", "things", "evaluation", "read", "cite", "look", "for", "with", "from", "into",
    "this", "that", "those", "these", "them", "they", "all", "exactly", "literally", "best", "good"})
_SAYS_ENOUGH = 3  # words of its own an ask needs to say what it is about
_CONTENT = re.compile(r"\b[a-z][a-z-]{3,}\b")  # a story's words to look up (lower case: no names)
_STORY_BEFORE = 6  # words a story within the asking sentence has before "... got me wondering which"


def without_story(question: str, named: Callable[[str], set[str]], known: Callable[[str], bool]) -> str:
    """The ask alone when a story comes before it, the story names nothing the ask does not (`named`: the names
    the index knows in a text; "CoCoNUT excludes OOP. Which models ...?" is about CoCoNUT) and the ask says all it
    asks; for a question across papers, only when the story has words the abstracts lack (`known`: whether they
    use a word). The question otherwise."""
    sentences = [part for sentence in split_sentences(question) for part in _COLON_ASK.split(sentence)]
    for at, sentence in enumerate(sentences):
        if at and (_ASKS.match(sentence) or _ACROSS.match(sentence)):
            told, ask = sentences[:at], " ".join(sentences[at:])
        elif (within := _ASKED_WITHIN.search(sentence)) and not _ASKS.match(sentence) and \
                len(sentence[:within.start()].split()) >= _STORY_BEFORE:
            told = [*sentences[:at], sentence[:within.start("ask")]]
            ask = " ".join([within["ask"], *sentences[at + 1:]])
        else:
            continue
        if any("?" in said for said in told):
            return question
        if (pointing := _POINTING.search(first := split_sentences(ask)[0])) and len(told) == 1 and \
                (scene := _SCENE.match(told[0].strip())):
            # "Say I need a math set whose solutions are programs. Which papers have built a dataset like that?":
            # the scene the asker sets is what "that" stands for.
            said = scene["scene"].rstrip(" .!")
            return ask.replace(first, f"{first[:pointing.start()]}{said}{first[pointing.end():]}", 1)
        story = " ".join(told)
        if not _says_all(ask) or named(story) - named(ask):
            return question
        if not _ASKS.match(ask) and all(known(word) for word in _CONTENT.findall(story)):
            return question  # the story of a question across papers is its topic
        return ask
    return question


def _says_all(ask: str) -> bool:
    # The ask's first clause: a remark after it ("... frameworks... just those, not single agents") may point back.
    first = re.split(r"\.\.\.|…|[;(—–]|,\s+(?:just|only|not|but|so|like)\b", split_sentences(ask)[0])[0]
    # "which papers built their new benchmark": "their" are the papers asked for
    first = re.sub(r"\b((?:papers|works|studies|abstracts|ones)\b.*?)\b(?:their|they|them|themselves|its)\b", r"\1",
                   first)
    own = _THE_PAPERS.sub(" ", first)
    words = [w for w in re.findall(r"[a-z][\w-]{2,}", own.lower()) if w not in _ASKING_WORDS]
    return len(words) >= _SAYS_ENOUGH and not REFERS_BACK.search(own) and not _LIKE_THAT.search(own)


# "What does it stand for?", "what is its pass@1?": an ask whose "it" is the one thing named before it.
# Not a list ("Codex gets talked about. Where does it appear?") nor a pick among things ("Which of those was its
# weakest?"), whose "it" the plan reads itself.
_ASKS_OF_IT = re.compile(rf"^{_OPENERS}(?:what|how|does|did|is|was)\b(?=.*\bits?\b)", re.I)
# "it" of no thing: "is it true that", "it seems", "make it", "how is it that".
_IT_OF_NOTHING = re.compile(r"\bit\s+(?:true|seems?|looks?|possible|the\s+case|that)\b|\b(?:make|makes|made)\s+it\b",
                            re.I)


def it_named(question: str, named: Callable[[str], list[str]]) -> str:
    """The ask's "it" and "its" as the one thing the sentences before it name ("ENAMEL is an odd acronym. What does
    it stand for?" asks what ENAMEL stands for), when the ask names nothing itself (`named`: the names the index
    knows in a text); the question otherwise."""
    sentences = split_sentences(question)
    if len(sentences) < 2 or not _ASKS_OF_IT.match(ask := sentences[-1]) or named(ask) or _IT_OF_NOTHING.search(ask):
        return question
    said = {name.lower(): name for sentence in sentences[:-1] for name in named(sentence)}
    if len(said) != 1:
        return question
    name = next(iter(said.values()))
    ask = re.sub(r"\bits\b", f"{name}'s", re.sub(r"\bit\b", name, ask))
    return " ".join([*sentences[:-1], ask])
