"""A list asked in fragments around its topic: "LLM tool use — all the papers please, frameworks included", "can u
list papers that use test cases ...", "what've we got on AutoML", "infilling. FIM counts. all of em".

The planner's list shapes each read one way of asking. Typed in a hurry between meetings, the ask is a few words
that only ask for papers (all of them, the full list, any paper, list em) set anywhere around the topic, with asides
about what counts and who it is for. This reads those words, and what is left, less the asides, is the topic. The
planner asks it after its list shapes, comparisons and aggregations, so a question one of them reads keeps that
reading.
"""

from __future__ import annotations

import re

from rag.answer.asks import REFERS_BACK

# The collection itself, as askers name it: "in here", "in this corpus", "in this colection" (typed so).
COLLECTION = r"(?:coll?ections?|corpus|index|set|library|pool|batch|pile)"
HERE = rf"(?:here|in\s+here|in\s+(?:this|the|your)\s+{COLLECTION})"
# "I'm looking for X", "hunting for X", "after X": who wants it, before what is wanted.
_ASKER = r"(?:(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+)?"
LOOKS_FOR = rf"{_ASKER}(?:looking|searching|hunting)\s+for"
LOOKING_FOR = rf"^(?:{LOOKS_FOR}|{_ASKER}after)\s+"

# "which papers make that case?": papers for what was said before.
MAKE_THAT_CASE = r"(?:make|argue|back|support)s?\s+(?:that|this)(?:\s+(?:case|point|claim|argument|up))?"

# Words that only ask for papers and say nothing of what they are about; one of them must be there for the question to
# be a list at all. A bare "which ones" or "all of them" asks so only as a fragment of its own ("humaneval — who
# evaluates on it, full list"), not inside a question ("which ones, and how did the models fare?", "across all of
# them"); nor does "anything on" inside one ("did it solve anything on FIMO").
# "hpc code models / which papers??": a slash between spaces before the ask breaks off as a dash does; between
# alternatives ("synthesis / completion") it is "or".
_SLASH_ASK = r"\s+/\s+(?=(?:so\s+)?(?:which|what|who|list|any)\b)"
_START = r"(?:^|(?<=[.;!?,:—–→])\s*|(?<=[-–—→])\s+|(?<=\s/)\s+(?=(?:so\s+)?(?:which|what|who|list|any)\b))"
_END = r"(?=\s*(?:[.;!?,:—–→]|\s-+\s|$))"
_PAPERS = r"(?:papers?|ones|works?|studies)"
_ASKS_FOR_PAPERS = re.compile(
    r"\b(?:(?:i\s+would\s+be\s+grateful|it\s+would\s+help)\s+if\s+you\s+(?:could|would|can)\s+|"
    r"(?:can|could|would|will)\s+(?:u|you)\s+(?:pls\s+|please\s+)?|(?:want|need|would\s+like)\s+to\s+)?"
    r"(?:list|name|show|give|find|get|pull\s+up|dig\s+up|round\s+up)(?:\s+(?:me|us))?\s+"
    r"(?:(?:em|'em|them)(?:\s+all)?|"
    r"(?:all|every)(?:thing|\s*one)?(?:\s+(?:of\s+)?(?:(?:the\s+)?" + _PAPERS + r"|em|'em|them))?|"
    r"(?:(?:all\s+)?the\s+)?" + _PAPERS + r"(?:\s+(?:please|pls|plz))?)"
    r"(?:\s+(?:here|in\s+(?:this|the)\s+\w+))?(?:\s+(?:that|which|where|in\s+which|on|about|with)\b)?|"
    + _START + r"(?:(?:and|so|but)\s+)?(?:(?:i\s+|we\s+)?(?:really\s+)?need\s+)?"
    r"all\s+of\s+(?:em|'em|them|it)" + _END + "|"
    r"\b(?:(?:i\s+|we\s+)?(?:really\s+)?need\s+)?(?:em|'em|them)\s+all" + _END + "|"
    r"(?<!across )(?<!among )(?<!in )(?<!of )(?<!from )(?<!over )\b(?:all|every)\s+(?:the\s+)?"
    r"(?:(?:relevant|related|matching|qualifying|such)\s+)?" + _PAPERS
    + r"(?:\s+(?:please|pls|plz))?(?:\s+(?:that|which|where|on|about))?\b|"
    r"\b(?:the\s+)?(?:full|whole|complete)\s+list" + _END + "|"
    r"\b(?:looking|hunting|searching)\s+for\s+(?:all\s+of\s+it|every\s+(?:paper|work|study)\s+(?:that|which|where|on|"
    r"about))\b|"
    r"\b(?:i\s+|we\s+)?(?:need|want)\s+the\s+(?:papers|works|studies)\s+(?:that|which|where|on|about)\b|"
    r"\bis\s+there\s+a\s+list\s+of(?:\s+the)?\b|"
    # "There must be a few papers that use ...": the asker's guess that some do, and the list asked of it
    r"\bthere\s+(?:must|should|might|may|could)\s+be\s+(?:a\s+few|some|several|a\s+couple(?:\s+of)?)\s+" + _PAPERS
    + r"\s+(?:that|which|where|on|about)\b|"
    + _START + r"(?:so\s+)?which\s+(?:of\s+(?:these|the|our)\s+)?" + _PAPERS
    + r"(?:\s+(?:(?:do|does|did)\s+(?:that|this|so)|belong(?:\s+there)?|fit|qualify|count|"
    + MAKE_THAT_CASE + r"))?(?=\s*(?:[.;!?]|$))|"
    # "show me the github copilot papers": the kind of papers is the topic
    r"\b(?:show|give|find|get)(?:\s+(?:me|us))?\s+(?:all\s+)?the\s+(?P<kind>(?:[\w-]+\s+){1,3}?)(?:papers|works|studies)"
    + _END + "|"
    + _START + r"(?:(?:show|give|find|get)\s+me\s+)?anything\s+(?=(?:[a-z]+ing|on|about|with)\b|"
    r"(?:explicitly|specifically|actually|really|properly|truly)\s+\S)|"
    # "who ran an actual user study with human participants?": the papers doing it
    # Not a superlative ("who evaluated the most models?", "who performs the best?"): one paper is asked for.
    + _START + r"who\s+(?=(?:ran|runs?|conduct(?:s|ed)?|carrie[sd]\s+out|used?|uses|evaluat(?:es|ed)|"
    r"train(?:s|ed)?|test(?:s|ed)|releas(?:es|ed)|buil(?:t|ds)|studie[sd]|"
    r"look(?:s|ed)\s+at)\s+(?:an?|any|the|some|their|its|own|actual|real)\b"
    r"(?!\s+(?:most|best|largest|biggest|highest|fewest|least|first|top)\b))|"
    r"\b(?:covered|discussed|studied)\s+(?:by|in)\s+any\w*" + _END + "|"
    r"\b(?:does|do)\s+any\s*(?:papers?|works?|one|body)\s+(?:go\s+there|cover\s+(?:it|that|this)|touch\s+(?:on\s+)?"
    r"(?:it|that|this))" + _END + "|"
    + _START + r"what\s*(?:['’]ve|\s+have|['’]s)?\s+(?:we|you|u)\s+(?:got|have)\s+(?:on|about|for)\b",
    re.I)
# Said to the one answering, not of the topic: "re:", "remind me", "for the perf team:", "pls".
_CHATTER = re.compile(r"^\s*(?:re|fyi|btw|q)\s*:\s*|\bremind\s+me\s+(?=which|what|who)|"
                      r"^\s*for\s+(?:the|my|our|a)\s+[\w /-]{1,30}?\s*:\s*|\b(?:pls|plz|please)\b", re.I)
# A fragment saying what counts or who it is for: "frameworks included", "FIM counts", "training sets dont count",
# "skip anything about training cost", "not general LLM serving", "for the grant app so ...", "incl. the X one".
_ASIDE = re.compile(r"^(?:[\w/+-]+\s+){0,4}?(?:included|count(?:s)?(?:\s+too)?|don['’]?t\s+count|dont\s+count|"
                    r"(?:do\s+)?not\s+count|are\s+fine|is\s+fine|welcome)$|"
                    r"^(?:but\s+|and\s+)?(?:skip|leave\s+out|leaving\s+out|exclud\w*|except|not|no|without|incl\.?|"
                    r"including|for\s+(?:the|my|our|a)\s+\w+|so\s+(?:i|we)\b|(?:i|we)\s+(?:really\s+)?need|"
                    r"\w+\s+side\s+only$|(?:i|we)\s+mean\b|even\s+if\b|instead\s+of|rather\s+than|as\s+opposed\s+to|"
                    # another question: "and how did the models fare on them"
                    r"(?:how(?!\s+many\s+(?:papers|works|studies))|why|when|where|what|which|who)\b)", re.I)
# Where a fragment ends: a sentence end, a dash, an arrow, a colon; a comma before an aside or a new ask.
_CLAUSE_BREAK = re.compile(r"[.;!?]+(?=\s|$)|\s+[-–—→]+\s+|\s*[—–→]\s*|:\s+|\(|\)|" + _SLASH_ASK + "|"
                           r"\s+(?=(?:incl\.|including|excluding)\s)|"
                           r",\s*(?=(?:and\s+|but\s+)?(?:(?:[\w/+-]+\s+){0,4}?(?:included|counts?)\b|incl\b|skip|not\b|no\b|"
                           r"except|excluding|leave|for\s+the|so\s+(?:i|we)\b|(?:i|we)\s+(?:really\s+)?need|need\b|"
                           r"want\b|(?:i|we)\s+want|which|what|who|list|even\s+if))", re.I)
# "I'd like to cite studies that ran ...": the papers the asker wants, then what they did.
TO_CITE_PAPERS = (r"to\s+(?:cite|read|find|see|include|cover)\s+(?:the\s+)?(?:papers|studies|works|ones)\s+"
                  r"(?:that|which|where|on|about)\s+")
# Words that open a fragment and say nothing of its topic: "so", "Looking for", "is there", "does anything here".
_LEADING = re.compile(r"^(?:(?:so(?!\s+(?:i|we)\b)|and|but|then|ok|okay|right)\b[\s,]*)+|"
                      rf"{LOOKING_FOR}|"
                      # "Need every paper on", "I'd like to cite studies that ...": who wants them, not what on.
                      rf"^(?:(?:i|we)\s+)?(?:really\s+)?(?:need|want|['’]d\s+like|would\s+like)\s+(?:{TO_CITE_PAPERS})?|"
                      # "my section 3 is about X": what it is about
                      r"^(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:is|are)\s+(?:all\s+)?(?:about|on)\s+", re.I)
_ASKING = re.compile(r"^(?:how\s+many\s+(?:papers|works|studies)\s+(?:are|do|did|have)\s+|"
                     r"(?:is|are)\s+there\s+(?:any\s+)?|(?:can|do|does|did|is|are|has|have)\s+(?=\w))?"
                     r"(?:(?:any\s*(?:one|body|thing)|any\s+(?:papers?|works?)|any\s+of\s+(?:these|the|them)"
                     r"(?:\s+(?:papers|works|studies))?(?:\s+(?:do|does|that))?)\s+)?"
                     r"(?:(?:in\s+)?here\s+|in\s+(?:this|the)\s+\w+\s+)?(?:basically|really|actually|explicitly)?\s*",
                     re.I)
# The collection itself, which no word pointing back stands for: "in this colection", "here".
_THE_COLLECTION = re.compile(rf"\b(?:{HERE}|(?:this|the)\s+{COLLECTION})\b", re.I)
# Words of a fragment that say nothing of a topic: "need", "want to", "in what papers".
_EMPTY = frozenset({"need", "want", "would", "like", "know", "list", "show", "papers", "paper", "ones", "every", "just",
                    "really", "also", "them", "those", "these", "this", "that", "please", "thanks", "could", "should",
                    "what", "which", "who", "where", "how", "any", "all"})
# "X or a variant of it", "or some version of them": the words pointing back within a fragment, not before it.
_VARIANT_OF_IT = re.compile(r"\bor\s+(?:a|an|some|any)\s+(?:[\w-]+\s+){0,2}?of\s+(?:it|them)\b", re.I)
_SAYS_ENOUGH = 4  # words of its own a fragment pointing back needs to say what papers are on by itself
_BROKEN_OFF = re.compile(r"(?:[,.;!?—–→:(]\s*(?:(?:so|and|but|then)\s+)?|\s-+\s*)$", re.I)


def without_asking(fragment: str) -> str:
    """A fragment without the words asking whether anything is on it: "does anything here actually work with
    Isabelle" -> "work with Isabelle", "are there position papers" -> "position papers"."""
    return _ASKING.sub("", fragment).strip()


def fragment_topic(text: str) -> str:
    """What a list asked in fragments is about ("LLM tool use or API calling"), or "" when no words ask for papers
    or nothing is left once they and the asides are cut. Words asking inside an aside ("skip anything about
    training cost") ask nothing. An aside in brackets is what the topic is like, said after it ("HPC code (MPI calls,
    OpenMP pragmas, that kind of thing)"); it is the topic only when nothing else is."""
    unbracketed = re.sub(r"\s*\([^()]*\)", "", text)
    return _fragment_topic(unbracketed) or (_fragment_topic(text) if unbracketed != text else "")


def _fragment_topic(text: str) -> str:
    for cue in _ASKS_FOR_PAPERS.finditer(text):
        before, after = _CHATTER.sub(" ", text[:cue.start()]), _CHATTER.sub(" ", text[cue.end():])
        said = [_lead_cut(p) for p in _CLAUSE_BREAK.split(before)]
        heard = [_lead_cut(p) for p in _CLAUSE_BREAK.split(after)]
        # The fragment holding the ask comes first ("can u list papers that use test cases ..."); when the ask was
        # all it said ("— which ones") or points back ("Looking for every paper that tests or uses this"), the
        # nearest fragment before it with words of its own, then the one after.
        own_before = said.pop() if said and not _BROKEN_OFF.search(before) else ""
        own_after = heard.pop(0) if heard and not _CLAUSE_BREAK.match(after) else ""
        if _ASIDE.search(own_before):
            continue
        joined = " ".join(part for part in (own_before, (cue["kind"] or "").strip(), own_after) if part).strip()
        for fragment in [joined, *reversed(said), *heard]:
            if _topical(fragment):
                return fragment
        return ""
    return ""


def _lead_cut(fragment: str) -> str:
    return _LEADING.sub("", fragment.strip(" ,-/"))


def _topical(fragment: str) -> bool:
    """Whether a fragment says what papers are on: words of its own, no aside, and not a few words pointing back
    ("tests or uses this", "who evaluates on it"); "rank programs by running them" says enough itself."""
    words = [w for w in re.findall(r"[a-z][\w-]*", fragment.lower()) if len(w) >= 3 and w not in _EMPTY]
    # "X or a variant of it": "it" is X, said in the fragment itself.
    within = _VARIANT_OF_IT.sub(" ", _THE_COLLECTION.sub(" ", fragment))
    return bool(words) and not _ASIDE.search(fragment) and \
        (len(words) >= _SAYS_ENOUGH or not REFERS_BACK.search(within))
