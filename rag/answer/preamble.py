"""A story told before a question, set aside when the question says all it asks.

Why: researchers thinking aloud tell how the question came up before asking it ("so I was at reading group and
someone went on about Lean ... Which papers prove things in Lean?", "so HCI people keep telling me ML folks never do
user studies. Which papers ran a study with human participants?", "... and it got me wondering which papers use
evolutionary search"). Read whole, the story's words ("HCI", "reading group", "Koza") are taken for what is asked,
words no abstract has get the question refused, and the ask in the second sentence is not found. The ask is read
alone when it says all it asks and the story names nothing the ask does not. A question across papers keeps its
story: there the story is often its topic ("Training data for provers seems scarce. What have people tried?"). When
the ask points back at a scene the asker sets ("Suppose I'm designing an agent acting in browsers. Which papers
evaluate agents in that kind of setting?"), the scene stands in its place, when the abstracts have its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.asks import REFERS_BACK
from rag.answer.list_cues import HERE
from rag.text.letters import REQUEST
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize

_OPENERS = (r"(?:(?:so|ok|okay|anyway|anyways|but|and|well|basically|honestly|really|seriously|then)\b[,\s]*|"
            r"(?:(?:the\s+|my\s+)?ask|question|q|need)\s*[:–—-]\s*|"  # a ticket's "Context: ... Ask: which ..."
            rf"{REQUEST}\s+)*")  # a letter's request: "Could you let me know which papers ..."
# A sentence asking for papers: "Which papers ...", "Which of these papers ...", "Who ran ...".
_LIST = (r"(?:which\s+(?:of\s+(?:these|the|them)\s+)?(?:[\w-]+\s+){0,3}?(?:papers|works|studies|abstracts|ones|"
         r"benchmarks|evals|datasets|systems|methods|models)\b|who\b)")
_ASKS = re.compile(rf"^{_OPENERS}{_LIST}", re.I)
# A scene set before a colon: "Picture a skeptic who only trusts live deployments: which papers ...". A label before
# one is the topic ("automated scientific discovery: which papers, for the related-work para").
_COLON_ASK = re.compile(rf":\s+(?={_LIST})", re.I)
_TOLD = re.compile(r"^(?:(?:so|ok|okay|well)\b[,\s]*)?(?:picture|imagine|suppose|say|assume|consider|context|"
                   r"background)\b|\b(?:i|i['’]m|i['’]ve|we|we['’]re|my|our|me|us)\b", re.I)
# A question across papers after sentences about the asker's own work ("I am drafting a section on reward design.
# For the papers that apply RL to code, could you explain where each gets its reward?"): the work is why they ask.
_ASKS_ACROSS = re.compile(rf"^{_OPENERS}(?:how|what|where|why|for\s+(?:the|these|those)\s+papers|across\s+the\s+papers|"
                          r"could\s+you|can\s+you|would\s+you)\b", re.I)
_OWN_WORK = re.compile(r"^(?:(?:so|ok|okay|well)\b[,\s]*)?(?:i|we|my\s+(?:team|lab|group)|our\s+(?:team|lab|group))"
                       r"(?:\s*['’](?:m|re|ve)|\s+(?:am|are|is|have|has|was|were))?\s+(?:been\s+)?(?:drafting|writing|"
                       r"preparing|putting\s+together|working\s+on|building|designing|planning|teaching|reviewing|"
                       r"assembling|debating|starting)\b", re.I)
# An ask within a sentence, after the story: "... and it got me wondering which papers ...", "... are hyped but I want
# to know which". Not after a scope ("Among the code completion papers I'd like to know which ..." narrows the list).
_ASKED_WITHIN = re.compile(r"\b(?:(?:got|gets|made|makes|left)\s+me\s+(?:wonder(?:ing)?|curious(?:\s+about)?|"
                           r"think(?:ing)?(?:\s+about)?)|but\s+(?:i|we)\s+(?:(?:really\s+)?want|would\s+like|['’]d\s+like)\s+to\s+"
                           rf"know)\s+(?P<ask>{_LIST}.+)$", re.I | re.S)
# The collection, which the ask may point at without pointing back at the story: "which of these papers", "here".
_THE_PAPERS = re.compile(r"\b(?:of\s+)?(?:these|those|the)\s+(?:\w+\s+)?(?:papers|works|studies|abstracts)\b|"
                         rf"\b(?:of\s+)?(?:these|those)\b(?=\s*[?.,]|\s+(?:here|in\s+here)\b)|\b{HERE}\b", re.I)
# Nouns a "that" before them points with: "that ability", "that kind of setting".
_POINTED = (r"(?:ability|capability|kind|sort|type|setting|thing|stuff|idea|problem|question|task|approach|method|"
            r"scenario|case|situation|budget|constraint|area|topic|direction|route|angle|analysis)")
# "a dataset like that", "that ability", "whether that's viable": the story is what it asks about.
_LIKE_THAT = re.compile(rf"\b(?:like\s+(?:that|this|those)|such|similar)\b|\b(?:that|this)(?:['’]s\b|\s+(?:[\w-]+\s+)?"
                        rf"{_POINTED}\b)", re.I)
# A scene the asker sets: "Suppose I'm designing an agent that ...", "Say I need to assemble a set of ...", "I'm
# thinking about agents that ...": what follows the frame is what a "that" after it stands for.
_SCENE = re.compile(r"^(?:so\s+)?(?:(?:suppose|say|imagine|picture|assume)\s+(?:that\s+)?(?:i|we|one|you)|i|we)"
                    r"(?:\s*['’](?:m|re|d)|\s+(?:am|are|is|was|were|had|have|need|needed|want|wanted|must|would))?"
                    r"(?:\s+(?:to|be))?\s+(?:(?:build|building|assemble|assembling|design|designing|make|making|create|"
                    r"creating|get|getting|find|finding|pick|picking|run|running|train|training|thinking|looking|"
                    r"working|know(?:ing)?)\s+(?:about\s+|at\s+|on\s+|whether\s+|if\s+)?)?(?P<scene>\S.{10,})$",
                    re.I | re.S)
# What the scene stands in for: "that kind of setting", "such a model", "that ability".
# Not "a dataset like that": its noun is what the list is of ("built a dataset like <scene>" matched nothing).
_POINTING = re.compile(rf"\b(?:that|this|such\s+an?)\s+(?:kind|sort|type)\s+of\s+[\w-]+|\b(?:that|this)\s+"
                       rf"(?:[\w-]+\s+)?{_POINTED}\b|\bsuch\s+an?\s+[\w-]+", re.I)
# Words any ask has, which say nothing of what it is about: "What are the different strategies used?"
_ASKING_WORDS = frozenset({
    "which", "what", "who", "how", "papers", "paper", "does", "did", "the", "and", "any", "are", "were", "was", "have",
    "has", "different", "various", "main", "strategies", "ways", "approaches", "methods", "techniques", "used", "use",
    "uses", "using", "find", "found", "say", "says", "propose", "proposed", "built", "build", "would", "could",
    "should", "lean", "there", "about", "anything", "something", "stuff", "actually", "really", "right", "one", "ones",
    "out", "kind", "sort", "thing", "things", "evaluation", "read", "cite", "look", "for", "with", "from", "into",
    "this", "that", "those", "these", "them", "they", "all", "exactly", "literally", "best", "good",
    # "which refs back up ...": a citation hunt's words for papers
    "refs", "ref", "references", "reference", "citations", "citation", "cites",
    # "Which papers in the collection fit?": the papers the story describes
    "fit", "fits", "qualify", "qualifies", "count", "counts", "belong", "belongs", "match", "matches", "relevant"})
_SAYS_ENOUGH = 2  # words of its own an ask needs to say what it is about ("use evolutionary search")
_STORY_BEFORE = 6  # words a story within the asking sentence has before "... got me wondering which"


def without_story(question: str, named: Callable[[str], set[str]], known: Callable[[str], bool]) -> str:
    """The list asked alone when a story comes before it, the story names nothing the ask does not (`named`: the
    names the index knows in a text; "CoCoNUT excludes OOP. Which models ...?" is about CoCoNUT) and the ask says
    all it asks; the question otherwise. `known`: whether the abstracts use a word."""
    sentences = [part for sentence in split_sentences(question)
                 for part in (_COLON_ASK.split(sentence) if _TOLD.search(sentence.split(":")[0]) else [sentence])]
    for at, sentence in enumerate(sentences):
        if at and (_ASKS.match(sentence) or (_ASKS_ACROSS.match(sentence) and
                   all(_OWN_WORK.match(said) for said in sentences[:at]) and
                   _restates(" ".join(sentences[:at]), " ".join(sentences[at:])))):
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
                (scene := _SCENE.match(told[0].strip())) and \
                all(known(word) for word in re.findall(r"\b[a-z][a-z-]{3,}\b", scene["scene"])):
            # "Suppose I'm designing an agent acting in browsers. Which papers evaluate agents in that kind of
            # setting?": the scene the asker sets is what "that" stands for, when the abstracts have its words (the
            # asker's "legacy C code" would get the list refused).
            said = scene["scene"].rstrip(" .!")
            return ask.replace(first, f"{first[:pointing.start()]}{said}{first[pointing.end():]}", 1)
        story = " ".join(told)
        if not says_all(ask) or named(story) - named(ask):
            return question
        return ask
    return question


# The frame of the asker's work, which names no topic: "drafting a section on", "a lecture on", "our lab".
_FRAME_WORDS = (
    "drafting writing preparing putting together working building designing planning teaching reviewing assembling "
    "debating starting section chapter lecture course survey thesis talk report review proposal piece position team "
    "group lab project experiments reading list student students month week year new short long right currently")


def _restates(story: str, ask: str) -> bool:
    """Whether the ask says again what the asker's work is on ("a section on reward design" ... "what the reward
    is"): then the work adds nothing; a topic only the story names ("a lecture on formal theorem proving. How do the
    papers get their data?") is the question's."""
    return bool((set(tokenize(story)) - set(tokenize(_FRAME_WORDS))) & set(tokenize(ask)))


def says_all(ask: str) -> bool:
    """Whether an ask says what it is about in words of its own, pointing back at nothing said before it."""
    # The ask's first clause: a remark after it ("... frameworks... just those, not single agents") may point back.
    # ", whether they report numbers on it or ...", ", be it for ...": examples of what the ask said
    first = re.split(r"\.\.\.|…|[;(—–]|,\s+(?:just|only|not|but|so|like|whether|be\s+it|either|e\.g\.|i\.e\.|such\s+as|"
                     r"including|ideally|rather\s+than)\b", split_sentences(ask)[0])[0]
    # "which papers built their new benchmark": "their" are the papers asked for
    first = re.sub(r"\b((?:papers|works|studies|abstracts|ones)\b.*?)\b(?:their|they|them|themselves|its)\b", r"\1",
                   first)
    # "For the papers that apply RL to code, where does each one get its reward?": each of the papers it names
    first = re.sub(r"(\bpapers\b.*?)\beach(?:\s+(?:one|paper|of\s+them))?\b", r"\1", first)
    own = _THE_PAPERS.sub(" ", first)
    # a name is no asking word ("which papers use Lean", not "would I lean on"); the first word is capitalised anyway
    words = [w for at, w in enumerate(re.findall(r"[A-Za-z][\w-]{2,}", own))
             if w.lower() not in _ASKING_WORDS or (at and not w.islower())]
    return len(words) >= _SAYS_ENOUGH and not REFERS_BACK.search(own) and not _LIKE_THAT.search(own)

