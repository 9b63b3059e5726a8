"""Reads the shape of a question: a comparison of named things, a request for a list of papers, or a factoid.

The mentions decide first (rag/answer/mentions.py): two or more named papers are a comparison whatever the
wording, and the rest of the question is what to compare them on; one named paper is a question about that
paper. Cue words then tell lists and yes/no questions apart, and the whole-sentence patterns below are the
weakest signal, kept for comparisons of things named only by description. Rules, not a model: a rule that
misfires is easy to see and fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rag.answer.alternatives import offered_names
from rag.answer.asides import (
    bracket_after,
    bracketed_after_paper,
    in_spans,
    likened_spans,
    makers,
    options_in_brackets,
)
from rag.answer.asks import (
    ENDS_POINTING_BACK,
    REFERS_BACK,
    SETTING_ASIDE,
    SHOT,
    TOPIC_REFERS_BACK,
    YES_NO_TAIL,
    asks_for_figure,
    asks_yes_no,
    bare_label,
)
from rag.answer.described import DESCRIBING
from rag.answer.evaluated_models import asks_evaluated_models
from rag.answer.list_cues import (
    COLLECTION,
    HERE,
    LOOKING_FOR,
    LOOKS_FOR,
    MAKE_THAT_CASE,
    TO_CITE_PAPERS,
    fragment_topic,
    without_asking,
)
from rag.answer.mentions import KIND_WORDS, Lexicon, Mention, key, name_like, paper_ids_of
from rag.answer.metric_names import asks_metrics
from rag.answer.paper_filters import split_filters, with_filters, years_up_front
from rag.answer.quoted_titles import labelled_paper, quoted_papers, quoted_title_spans, without_quoted_titles
from rag.answer.released import HUGGING_FACE
from rag.answer.tuned_models import asks_tuned_models
from rag.text.chatter import CHATTER
from rag.text.letters import REQUEST
from rag.text.names import is_generic, key_names, names_in
from rag.text.sentences import split_sentences
from rag.text.spoken import PAUSE_SOUNDS
from rag.text.tokens import long_words, tokenize

_COMPARE_PATTERNS = [
    re.compile(r"^(?:please\s+)?(?:compare|contrast)\s+(?P<sides>.+?)(?:\s+(?:in terms of|regarding|on)\s+.+)?$", re.I),
    re.compile(r"^(?:what(?:'s| is| are)\s+)?(?:the\s+)?(?:differences?|comparison)\s+(?:between|of)\s+(?P<sides>.+?)"
               r"(?:\s+in terms of\s+.+)?$", re.I),
    re.compile(r"^how\s+(?:do|does|did)\s+(?P<sides>.+?\s+(?:differ|compare)\s+(?:from|with|to)\s+.+?)"
               r"(?:\s+(?:in terms of|on|regarding)\s+.+)?$", re.I),
    re.compile(r"^how\s+(?:do|does|did)\s+(?P<sides>.+?)\s+(?:differ|compare)(?:\s+.*)?$", re.I),
    re.compile(r"^(?P<sides>.+?\s+(?:vs\.?|versus)\s+.+?)$", re.I),
]
_SIDE_SPLIT = re.compile(
    r"\s*(?:,(?!\d{3}\b)\s*(?:and\s+)?|\s+and\s+|\s+(?:differs?|compares?)\s+(?:from|with|to)\s+|\s+with\s+|\s+to\s+|"
    r"\s+from\s+|\s+vs\.?\s+|\s+versus\s+)\s*",
    re.I,
)
# The same without the joiners a name may hold ("C to Rust", "from scratch"): tried first.
_STRONG_SIDE_SPLIT = re.compile(
    r"\s*(?:,(?!\d{3}\b)\s*(?:and\s+)?|\s+and\s+|\s+(?:differs?|compares?)\s+(?:from|with|to)\s+|\s+with\s+|\s+vs\.?\s+|"
    r"\s+versus\s+)\s*",
    re.I,
)
_LIST_PATTERN = re.compile(
    r"^(?:(?:which|what|(?:list|name|find)(?:\s+(?:all|every|each|any))?(?:\s+the)?|are there(?:\s+any)?)\s+"
    # "which works, if any, have ...": the hedge is no part of the topic.
    # "which of the submitted papers ...": words for the collection itself describe no kind of paper.
    r"(?:of the\s+(?:(?:submitted|indexed|listed|included|selected|available|collected|corpus|collection|cited)\s+)?)?"
    # a patent examiner's "which references / documents / of the cited art"
    r"(?:papers?|works?|studies|articles|abstracts|approaches|methods|systems|ones|manuscripts|"
    # (not "which references does AlphaCode compare against": its own references)
    r"submissions|preprints|(?:references|documents|publications)(?!\s+(?:do|does|did)\b)|(?:cited|prior)\s+art)"
    # "which papers, other than position papers, evaluate ...": what is set aside is no part of it either.
    r"(?:\s*,?\s+if\s+any\s*,?|\s*,\s*(?:other\s+than|apart\s+from|aside\s+from|(?:leaving|setting)\s+aside|"
    r"except(?:\s+for)?|besides|excluding|not\s+counting|ignoring)\b[^,]*,)?|"
    # "show me all the papers using Lean": papers, not "show me the methods RLCoder compares against".
    r"(?:show|give)(?:\s+me)?(?:\s+(?:all|every|each|any))?(?:\s+the)?\s+(?:papers?|works?|studies|articles))\s+"
    r"(?P<topic>.+?)\??$",
    re.I,
)
# "Which code completion papers ...": what kind of papers, said before the noun; it narrows the topic.
_MODIFIED_LIST = re.compile(r"^(?P<head>which|what)\s+(?P<kind>(?!of\b)(?:(?!(?:do|does|did|are|is|was|were|have|has|"
                            r"can|in|on|for|across|from|by|with|the|these|those)\b)[\w-]+\s+){1,3}?)"
                            r"(?:papers|works|studies|articles|references|documents|publications)\s+(?P<topic>.+)$",
                            re.I)
_NOT_A_KIND = {"recent", "other", "cited", "these", "those", "the", "indexed", "kind", "kinds", "type", "types", "of",
               "new", "existing", "published", "different", "specific", "particular", "research", "prior", "previous",
               "earlier", "past", "several", "some", "many", "few", "good", "a", "couple", "two", "three", "four",
               "five", "all", "any", "more"}
_LIST_LEAD = re.compile(
    r"^(?:in the corpus\s+|here\s+)?(?:(?:that|which)\s+)?(?:do\s+|does\s+|are\s+(?=\w+ing\b))?"
    # "which papers here even touch miniF2F?": how the asker stresses the deed
    r"(?:(?:even|ever|actually|really|explicitly|directly|specifically)\s+)?"
    r"(?:report(?:s|ed)?(?:\s+(?:results|numbers|scores|experiments))?(?:\s+(?:on|for|with))?|"
    r"evaluate[sd]?(?:\s+(?:on|with|using))?|are evaluated on|use[sd]?|using|rel(?:y|ies) on|employ(?:s)?|"
    r"appl(?:y|ies)|propose[sd]?|introduce[sd]?|present(?:s)?|stud(?:y|ies)|address(?:es)?|mention(?:s)?|"
    r"talk(?:s)? about|bring(?:s)? up|"
    r"discuss(?:es)?|are about|about|on|involve[sd]?|focus(?:es)? on|deal(?:s)? with|tackle[sd]?|include[sd]?|"
    r"treat(?:s)?|"
    r"benchmark(?:s)?(?:\s+on)?|tested on|test on|(?:works?|working) (?:on|with)|target(?:s)?|build on|are based on|"
    r"leverage[sd]?|touch(?:es|ing)?(?:\s+on)?|involving|regarding|concerning|covering|related to|"
    r"tr(?:y|ies|ied)(?:\s+out)?|"
    # "what approaches are out there for math reasoning with an interpreter": the topic is after "for".
    r"(?:are|is|exists?)\s+(?:(?:out\s+)?there|available)\s+(?:for|to|in|on)(?=\s))\s+",
    re.I,
)


# Where a comparison side ends and what it is compared on begins ("FVEL in what it verifies").
_ASPECT_CUT = re.compile(r"\s(?:in|on|regarding|with respect to|in terms of|when|for)\s.*$", re.I)
_CUT = re.compile(r"\s*(?::|,|;|\?|\s[-–—]\s|\s(?:for|on|in|at|regarding|with respect to|when|across|using|to)\s).*$",
                  re.I)  # "Agentless on SWE-bench-lite - which resolves more?": Agentless


@dataclass
class Plan:
    kind: str  # factoid | comparative | list | multi (one line per paper) | aggregate (named things) | clarify
    sides: list[str] = field(default_factory=list)  # comparison sides no mention resolved, as written
    topic: str = ""  # what a list question asks papers to have
    papers: list[str] = field(default_factory=list)  # ids of the papers the question names, in order
    terms: list[Mention] = field(default_factory=list)  # benchmarks, models, metrics ... the question names
    aspect: str = ""  # what a comparison is about ("" = compare them on everything)
    # Comparison sides named by description, to look up; for one paper found by its description, that description.
    described: list[str] = field(default_factory=list)
    yes_no: bool = False  # "Does X reduce Y?": answered by a finding
    besides: list[str] = field(default_factory=list)  # papers a list leaves out: "anything else like DotaMath?"
    search: str = ""  # a search string the list runs as typed: "(ChatGPT OR GPT-4) AND mathemat*"


MAX_COMPARED = 6
# The nouns a question calls a paper (or what it made) by: "the C-to-safe-Rust paper", "the FunCoder one".
_PAPER_NOUN = r"(?:paper|method|approach|model|system|work|study|technique|framework|benchmark|dataset|agent|one)"
_DESCRIBED_SIDE = re.compile(rf"\b(?:the|that|this)\s+(?P<side>(?:[\w+*-]+\s+){{0,6}}?{_PAPER_NOUN})\b", re.I)
# Or by what it does, after the noun: "the paper comparing devs with ChatGPT", "the study on Copilot's limits".
_SIDE_DOING = re.compile(r"\b(?:the|that)\s+(?P<side>(?:paper|work|study|one)\s+(?:comparing|that\s+compares|on|about|"
                         r"introducing|proposing|evaluating|studying|testing|benchmarking|showing|measuring)\s+"
                         r"(?:(?!(?:and|or|vs|versus)\b)[\w'’+*/-]+\s*){1,6}?)(?=\s+(?:and|or|vs\.?|versus)\s|\s*[-–—,;:?]|$)",
                         re.I)
_JOINERS = re.compile(r"\b(?:or|and|vs\.?|versus|compared (?:with|to)|than|differ\w*\s+(?:from|to|with))\b", re.I)
# "the same benchmark", "the other model": words that point at no paper.
_NOT_A_SIDE = re.compile(rf"^(?:same|other|best|first|second|third|last|next|previous|following|former|latter|whole|"
                         r"entire|original|underlying|base|proposed|resulting|final|main|own|trained|fine-tuned|"
                         # "... and what's the released dataset called?": the paper's own, no other paper
                         r"released|introduced|collected|curated|created|constructed|accompanying|"
                         # "the top model Gemini", "are those the numbers for the 7B model?": a paper's own model
                         r"top|top-performing|best-performing|strongest|numbers?|figures?|scores?|results?|their|its|"
                         rf"our|my|{SHOT}|"
                         # "what's the name of the dataset they released?": a thing of the paper asked about
                         r"(?:name|size|kind|type|version)s?\s+of|"
                         r"\d+(?:\.\d+)?[BM])\b", re.I)
# "the key ingredients that made it work", "the game (in the paper": a clause, or a bracket the side breaks off in,
# before the noun: no paper described by the words before it.
_CLAUSE_IN_SIDE = re.compile(r"(?<![\w-])(?:that|which|who|it|they|them|is|are|was|were|made|makes?|did|does|do)"
                             r"(?![\w-])|\([^)]*$", re.I)
# "what is the biggest model and how does it rank": a paper's own model, unless it says whose ("the largest few-shot
# model from the original MBPP paper").
_SUPERLATIVE = re.compile(r"^(?:biggest|largest|smallest)\s+[\w-]+$", re.I)  # "the latest Lean framework" is a side
_WHOSE_AFTER = re.compile(r"\s+(?:from|in|of|by)\s", re.I)
# Words that say how to compare, not what on: left out of a comparison's aspect.
_NOT_ASPECT = re.compile(
    r"\b(?:how|what|which|who|does|do|did|is|are|was|were|the|a|an|of|and|or|vs|versus|between|both|each|either|"
    r"one|ones|them|they|their|its|it|way|ways|differ\w*|difference\w*|compare\w*|comparison|contrast|paper\w*|"
    r"method\w*|approach\w*|work|works|study|model|models|system|systems|in|on|to|from|with|their|actually|"
    r"exactly|aimed|at|than|same|similar|respect|regarding|terms|vs\.|s|whats|actual|really|just|case|cases|"
    r"taken|together|but|so|any|some|thing|things|stuff|kind|sort|two|three|roughly|much|many|original|by|"
    r"seems?|seemed|that|this|these|those|get|gets|got|also)\b",
    re.I)
# "Which is better / higher / larger / faster": each side's figure is what is asked.
_WHICH_BETTER = re.compile(r"\b(?:better|best|higher|highest|larger|largest|bigger|more|fewer|faster|stronger|"
                           r"outperform\w*|beat\w*|win\w*|jump|gain\w*)\b", re.I)
_PRONOUN_ONLY = re.compile(r"\b(?:it|its|they|them|their|this paper|that paper|this method|that method|"
                           r"the paper|the method|those|these)\b", re.I)


# A label before the question about who asks or why ("for my survey:", "reviewer here:", "quick sanity check:"): it
# says nothing about what is asked, and its words ("reviewer") would find papers about them. The whole label must be
# such words: "Question about AlphaCode:", "For the theorem proving papers:" say what is asked.
_LEAD_IN = re.compile(r"^(?P<label>[^:?]{1,60}):\s+(?=\S)")
# "FunCoder — +9.8% over SOTA. how much does StableCode-3b beat GPT-3.5 by?": a label set off by a dash.
_DASHED_LABEL = re.compile(r"^(?P<label>[^:?—–]{1,40}?)\s*(?:\s[—–-]{1,2}\s|[—–])\s*(?=\S)")
# "In the FunCoder paper (divide-and-conquer ...), ...", "per FunCoder's abstract: ...": the paper the rest is in.
_SCOPED_TO = re.compile(r"^\s*(?:in|within|per|according to)\s+(?:the\s+)?(?P<label>[^,:?()]{1,40}?)(?:['’]s)?\s+"
                        r"(?:paper|abstract|study|work)(?:\s*\([^)]*\))?\s*(?:,|:|\s[—–-]{1,2})\s*(?=\S)", re.I)
_ASKER = re.compile(r"(?:for (?:my|our|a) (?:[\w-]+ ){0,2}(?:survey|thesis|review|paper|section|group|talk|project|"
                    r"course|class|notes)|reviewer(?: here| question)?|as an? [\w-]+(?: [\w-]+)?|"
                    r"(?:an? )?(?:quick|odd|weird|silly|dumb|strange|basic|naive|last) "
                    r"(?:question|one|check|sanity check|q)|sanity check|question|q|(?:(?:a )?bit of )?a random "
                    r"(?:one|question)|random (?:one|question)|fyi|btw|side note|curious|follow-?up|ok(?:ay)?|so|hi|"
                    r"hey|hello|eli5|explain like i['’]?m (?:five|5)|"
                    # "following up on a discussion in our department: how have ..."
                    r"following up(?: on (?:a|an|the|our|my|your|this) (?:[\w-]+ ){0,2}(?:discussion|conversation|"
                    r"chat|meeting|question|email|thread|call|talk|seminar)(?: (?:in|with|at|from) (?:[\w-]+ ){0,3}"
                    r"[\w-]+)?)?|"
                    # a ticket's labels: "TL;DR needed:", "Ask:"
                    r"tl;?\s?dr(?: (?:needed|please|pls|version))?|(?:the |my |quick )?ask|"
                    # "True or false: ...": how the asker wants it answered, no alternatives to choose between.
                    r"true or false|true/false|yes or no|yes/no)"
                    # "Quick sanity check before I write this line": when the asker needs it
                    # (of a thing of the asker's: "before I cite alphacode" names what is asked about)
                    r"(?:\s+(?:before|while|since|as)\s+(?:i|we)\s+[a-z]+\s+(?:this|that|my|our|the|a|an|it)\b"
                    r"(?:\s+(?:line|draft|slide|slides|section|post|piece|paragraph|sentence|table|report|talk|email|"
                    r"article|story|box|review|summary|note|notes))?)?", re.I)
# How the answer is to be put, not what it is about: "for a general audience", "in plain language", "Plain-language
# gist please". Its words ("audience", "plain") are in no abstract's sentence on the topic.
# Only set apart by punctuation or the question's ends: "a plain-language summary of the proof", "in plain English
# versus formal Lean" and "for a general audience of non-programmers" say what is asked about.
_PRESENTATION = re.compile(r"(?:^|(?<=[,.;:?!])|\s*,)\s*(?:(?:for|to)\s+(?:a\s+|the\s+)?(?:general|lay|non-?expert|"
                           r"non-?specialist|non-?technical|wider|broad|popular)\s+(?:audience|readers?|readership|public)|"
                           r"for\s+non-?(?:experts|specialists)|"
                           r"in\s+(?:plain|simple|everyday)\s+(?:english|language|words|terms)|"
                           r"in\s+(?:layman['’]?s|lay(?:person['’]s)?)\s+terms|"
                           r"(?:in\s+)?(?:a\s+)?plain[-\s]language\s+(?:gist|summary|version|terms)(?:\s+(?:please|pls))?)"
                           r"(?:\s+(?:please|pls))?\s*(?:,|(?=[.;:?!])|$)|"
                           # "ELI5 how does PRIME work?", "Plain English please: ...": a lead word
                           r"^\s*(?:eli5|(?:in\s+)?plain\s+english(?:\s+(?:please|pls))?)\s*[:,-]?\s+|"
                           # "What does STP do in plain English?": said last
                           r"\s+in\s+(?:plain|simple|everyday)\s+(?:english|language|words|terms)(?=\s*[?.!]*$)", re.I)


# "Describe how ...", "Walk me through how A and B each ...", "Tell me which ...", and the asker musing ("I wonder
# which ...", "It would be useful to know how ...", "One might ask which ...", "Curious whether ..."): a request or a
# musing wrapped round a question.
# "I would be obliged to know which ...", "It would assist my taxonomy to know which ...": a request, said formally.
_FORMAL_ASK = (r"(?:i|we)(?:\s+(?:would|should)|['’]d)\s+be\s+(?:(?:very|most|really|so)\s+)?(?:grateful|obliged|glad|"
               r"keen)\s+to\s+(?:know|learn|hear)|"
               r"it\s+would\s+(?:(?:greatly|really)\s+)?(?:assist|help|serve)\s+(?:me|us|(?:my|our)\s+[\w-]+(?:\s+[\w-]+)?)"
               r"(?:\s+greatly)?\s+to\s+(?:know|learn)")
_TELL_ME = re.compile(r"^(?:please\s+|pls\s+|now\s+)?"
                      r"(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?=describe|explain|tell|walk|outline|spell|help|summari|sum\s+up))?"
                      r"(?:describe|explain|summari[sz]e|sum\s+up|tell\s+(?:me|us)|walk\s+(?:me|us)\s+through|"
                      r"outline|spell\s+out|give\s+(?:me|us)\s+a\s+sense\s+of|i['’]d\s+like\s+to\s+know|"
                      r"i\s+want\s+to\s+(?:know|understand)|help\s+(?:me|us)\s+understand|"
                      rf"{_FORMAL_ASK}|"
                      rf"{REQUEST}|i\s+(?:do\s+)?wonder|i['’]m\s+wondering|it\s+would\s+be\s+(?:useful|good|helpful|nice|interesting)\s+"
                      r"to\s+(?:know|learn|see|understand)|one\s+might\s+(?:ask|wonder)|(?:i['’]m\s+|i\s+am\s+)?curious(?:\s+to\s+"
                      r"know)?|(?:i['’]m\s+)?trying\s+to\s+(?:find\s+out|figure\s+out|understand|work\s+out)|"
                      # "I'm after an overview of how ...", "Need a rundown of what ..."
                      r"(?:(?:i['’]m|we['’]re)\s+after|(?:(?:i|we)\s+)?(?:need|want))\s+(?:an?\s+)?(?:overview|rundown|"
                      r"summary|picture|sense)\s+of)\s*,?\s+"
                      r"(?=(?:how|what|which|why|whether|where|who|if)\b|the\s+(?:various\s+|different\s+|main\s+)?(?:ways|"
                      r"approaches|methods|techniques|strategies)\b)", re.I)


# A question said inside a request without its "do": "how the provers get their data", "how different papers build".
_EMBEDDED_HOW = re.compile(r"^how\s+(?=(?:the|these|those|different|various|other|most|some|people|researchers|papers|"
                           r"authors|folks|groups|teams)\b)", re.I)
# The words of a request: "please give me", "pls show us".
_PLEASE = r"^(?:please\s+|pls\s+)?"
_GIVE_ME = r"(?:give|show|tell)\s+(?:me|us)\s+"
# "Give me the different tricks people use to ...", "Give me the evidence in here that ...": the ways or the evidence
# asked for, as "what are the ways ..." and "what evidence is there ..." ask.
_GIVE_ME_WAYS = re.compile(_PLEASE + _GIVE_ME + r"(?:all\s+)?(?:the\s+)?"
                           r"(?=(?:different\s+|various\s+|main\s+)?(?:ways|tricks|approaches|techniques|strategies|"
                           r"methods|ideas|options)\s+(?!(?:in|from|of)\s+(?:this|the|these)\b|(?:that|which|using|with|"
                           r"where)\b)\w)", re.I)
_GIVE_ME_EVIDENCE = re.compile(_PLEASE + _GIVE_ME + r"(?:the\s+|any\s+)?evidence\s+"
                               r"(?:(?:in\s+)?here\s+|in\s+(?:this|the)\s+\w+\s+)?(?=(?:that|on|for|about)\b)", re.I)


_PICK_ONE = re.compile(r"^which\s+(?:paper|one|work|study|model|method|approach|system|of\s+(?:the|these|them))\b"
                       r"(?!\s+(?:of\s+the\s+)?papers)", re.I)


# "Need a comparison of A, B and C in terms of X", "give me a side-by-side comparison between A and B": compare them.
_COMPARISON_ASKED = re.compile(_PLEASE + r"(?:(?:(?:i|we)\s+)?(?:need|want|would\s+like)\s+|"
                               r"(?:i|we)['’]d\s+like\s+|" + _GIVE_ME + r")an?\s+"
                               r"(?:quick\s+|short\s+|brief\s+|side-by-side\s+)?"
                               r"comparison\s+(?:of|between)\s+", re.I)


# A leading clause saying what the asker keeps to ("Suppose I restrict myself to Lean and nothing else: ...", "If I only
# care about Lean 4, ...", "Provided I stick to math solved with a code interpreter, ...", "If we care about STP,
# DeepSeek-Prover and MA-LoT, ..."), up to the question it leads into.
_KEEPING_TO = re.compile(
    r"^(?:(?:suppose|supposing|provided|assuming|given)(?:\s+that)?|if|say|since|as|before|because)\s+(?:that\s+)?"
    r"(?:i|we)(?:['’]m|\s+am|\s+are)?\s+(?:only\s+|just\s+|mainly\s+|mostly\s+)?"
    r"(?P<verb>(?:restrict|limit)(?:ing)?\s+(?:myself|ourselves)\s+to|stick(?:ing)?\s+to|care\s+about|"
    r"focus(?:ing)?\s+on|(?:am\s+|are\s+)?interested\s+in|(?:want|need)\s+to\s+(?:cite|read|cover|compare|pick|choose)|"
    r"pick(?:ing)?|choos(?:e|ing)|read(?:ing)?\s+(?:up\s+)?(?:on|about)|work(?:ing)?\s+on)\s+"
    r"(?P<object>.{2,100}?)(?:\s+and\s+nothing\s+else|\s+only)?\s*[:,;—–]\s*"
    r"(?P<asked>(?:which|what|how|who|where|when|why|do|does|did|is|are|was|were|can|could|should|would|any|list|name|"
    r"give|show)\b.*)$", re.I)
# What points back to that object: "it" or "them" anywhere ("do any papers evaluate it on SWE-bench?"), "that" or
# "those" last ("which of these papers actually work with that?").
_POINTS_BACK = re.compile(r"\b(?:it|them)\b|\b(?:that|those)(?=\s*[?.!]*\s*$)", re.I)
_EVERY_ONE = re.compile(r"^(?:every|each|all(?:\s+the)?)\s+(?P<head>.+?)s?"
                        r"(?P<rest>(?:\s+(?:in|from|of|across|among|used|that)\b.*)?)$", re.I)
# A list asked with no topic of its own: "which papers should be on my list?", "what should I read?".
_NO_TOPIC_LIST = re.compile(r"^(?:so\s+)?(?:(?:which|what)\s+(?:of\s+(?:these|the)\s+)?(?:papers|works|studies|ones)\s+"
                            r"(?:here\s+)?(?:should\s+(?:be\s+on\s+my\s+(?:list|radar)|(?:i|we)\s+(?:read|look\s+at|cite|"
                            r"start\s+with|include))|are\s+(?:relevant|worth\s+reading|for\s+(?:me|us))|"
                            r"are\s+relevant\s+to\s+(?:me|us)|matter|count)|"
                            r"what\s+should\s+(?:i|we)\s+(?:read|cite|look\s+at))\s*[?.!]*$", re.I)


# A lead taking a paper's claim on trust: "Provided the Only-IF paper holds up, what do its authors say ...?". Only of a
# name or a paper's work ("If the code is correct, is it also efficient?" asks about the condition; "If my memory is
# right, ..." is the asker's).
_ON_TRUST = re.compile(r"^(?:provided|assuming|if|given)(?:\s+that)?\s+(?!(?:my|our)\b)(?P<subject>[^,;:?]{3,60}?)\s+"
                       r"(?:holds?\s+up|(?:is|are)\s+(?:right|correct|sound|true)|checks?\s+out|replicates?)\s*"
                       r"[,;:—–]\s*(?P<asked>\S.*)$", re.I)
_WORK_OF_A_PAPER = re.compile(r"[A-Z]|\b(?:paper|results?|claims?|findings?|numbers|study|work)$")


def _kept_to(question: str) -> str:
    """The question with a lead saying what the asker keeps to read into it: what points back to the lead, or
    the lead as the label of a question without a topic of its own ("If I'm interested in CodeTree, what is its
    pass@1?"). Only a lead about picking something the question names is set aside ("Before I pick a prover: is
    DeepSeek-Prover or STP stronger?")."""
    if (trusted := _ON_TRUST.match(question)) and _WORK_OF_A_PAPER.search(trusted["subject"]):
        # What it says is asked of it: "its authors" are the paper's.
        subject = re.sub(r"^the\s+", "", trusted["subject"], flags=re.I)
        owned = re.subn(r"\b(?:its|their)\b", f"{subject}'s", trusted["asked"], count=1, flags=re.I)
        return owned[0] if owned[1] else f"{subject}: {trusted['asked']}"
    if not (lead := _KEEPING_TO.match(question)):
        return question
    asked = lead["asked"]
    # "picking between RLCoder and PyCoder": the choices.
    kept = re.sub(r"^(?:between|among|from)\s+", "", lead["object"].strip(), flags=re.I)
    if _NO_TOPIC_LIST.match(asked):
        return f"Which papers are about {kept}?"
    if re.match(r"before\b", question, re.I) and re.search(r"\b(?:pick|choos)\w*$", lead["verb"], re.I) and \
            not re.search(r"[A-Z]", kept):
        return asked  # "Before I pick a prover": what is picked is named in the question itself
    if _POINTS_BACK.search(asked):
        return _POINTS_BACK.sub(kept, asked, count=1)
    if re.search(r"\bthey\b", asked, re.I):
        # "..., which datasets do they train on?": the theorem provers; "which benchmarks do they use?" after
        # "repository-level completion": the papers on it.
        doers = kept if re.search(r"s\b", kept.split()[-1]) else f"the {kept} papers"
        return re.sub(r"\bthey\b", doers, asked, count=1, flags=re.I)
    if re.search(r"\btheir\s+names\b", asked, re.I) and (every := _EVERY_ONE.match(kept)):
        # "If I want to cite every code generation benchmark in this collection, what are their names?"
        return f"Which {every['head']}s are there{every['rest']}?"
    if (owned := re.subn(r"\b(?:its|their)\b", f"{kept}'s", asked, count=1, flags=re.I))[1]:
        return owned[0]  # "what is its pass@1?": CodeTree's
    return f"{kept}: {asked}"


# A claim, then whether it holds: "evolutionary search with no math knowledge beating classical approximations —
# real?".
# Not "..., right?" nor a claim with figures: those are put up to be confirmed (asks.py's _CONFIRM).
_CLAIM_THEN_REAL = re.compile(r"^(?!.*(?<![\w.-])\d+(?:\.\d+)?\s*(?:%|percent|x)?(?![\w.-]))"
                              r"(?P<claim>[^?]{10,}?)\s*(?:[—–:]|\s-+)\s*(?:is\s+(?:that|this|it)\s+)?"
                              r"(?:real|true|legit|for\s+real|a\s+thing)\s*\?+\s*$", re.I)
# Named things, then the ask for them: "models evaluated across the code-reasoning benchmark papers — names",
# "baseline models named across the search papers — which?".
_THINGS_THEN_WHICH = re.compile(r"^(?!(?:what|which|compare|who|how)\b)(?![^—–:]*\bvs\.?\s)"
                                r"(?P<things>(?:[\w-]+\s+){0,2}(?:models|benchmarks|datasets|metrics|baselines|llms|"
                                r"eval(?:uation)?\s+sets)\b[^?—–:]*?)\s*(?:[—–:]|\s-+)\s*(?:which(?:\s+ones)?|names?|"
                                r"list(?:\s+them)?)\s*[?.!]*\s*$", re.I)


# A group of papers, then which of them: "Among the papers on formal proofs, which ones compare against GPT-4?".
# Only "which (ones)" with what they do: "what datasets do they use?" asks across them, "which one reports the
# highest" picks one.
_AMONG_THEN_WHICH = re.compile(r"^(?:among|of|from|out\s+of)\s+(?:all\s+)?(?:the|these|those)\s+"
                               r"(?P<group>[^?]*?\b(?:papers|works|studies|abstracts)\b[^?]*?),?\s+which\s+"
                               r"(?:ones\s+|of\s+them\s+|papers\s+)?(?P<rest>(?!(?:of|one|is|was)\b)"
                               r"(?![^?]*\b(?:highest|lowest|best|worst|most|least|largest|smallest|top|strongest)\b)"
                               r"[^?]+\??)\s*$", re.I)
# A group that says where the papers were named, not what they are about: "the papers above", "the papers you
# listed", "the papers from 2024" (a year is a filter, read where filters are).
_GROUP_POINTS = re.compile(r"\b(?:above|below|listed|list|gave|given|mentioned|cited|shown|you|we|i|me|just|earlier|"
                           r"previous|before|these|those|here|\d{4})\b", re.I)


_EACH_PAPER_DOES = re.compile(r"\bhow\s+(?:each|every)\s+(?:paper|work|study)\s+"
                              r"(?P<verb>(?!(?:is|was|has|does)\b)[a-z]+s)\b|"
                              # "how does each one do the decomposition" (not "each of them": the papers before)
                              r"\bhow\s+does\s+each\s+(?:one|paper|work|study)\s+"
                              r"(?P<bare>(?!(?:is|was|has|have|get|got)\b)[a-z]+)\b", re.I)


def _uninflected(verb: str) -> str:
    """"splits" -> "split", "approaches" -> "approach", "uses" -> "use": the verb after "do"."""
    return verb[:-2] if re.search(r"(?:ss|sh|ch|x|z)es$", verb) else verb[:-1]


def _presented_aside(question: str) -> str:
    """The question without how its answer is to be put (see _PRESENTATION)."""
    if (kept := _PRESENTATION.sub(" ", question)) == question:
        return question
    kept = re.sub(r"\s+([?.!,;:])", r"\1", re.sub(r"\s*([?.!])(?:\s*[.!])+$", r"\1", re.sub(r"\s{2,}", " ", kept)))
    return kept.strip().lstrip(",;: ")


# A label about the asker said before a comma rather than a colon (see _ASKER): "Odd one, but which papers ...",
# "Quick q, so what ...".
_COMMA_LEAD_IN = re.compile(r"^(?P<label>[^,:?]{1,30}),\s*(?:(?:but|so|then)\s+)?"
                            r"(?=(?:which|what|how|who|does|do|is|are|can|could|did)\b)", re.I)
# "which 2 or 3 papers?", "which two papers": how many the asker expects, no part of the ask; not a year ("which 2023
# papers").
_HOW_MANY_EXPECTED = re.compile(r"\b(which|what)\s+(?:\d{1,2}|one|two|three|four|five)"
                                r"(?:\s*(?:or|-|to)\s*(?:\d{1,2}|two|three|four|five|six))?\s+(papers|works|studies)\b",
                                re.I)


# "(instead of, or on top of, Lean)": what the asked thing is set against, in brackets; no part of the ask.
_AGAINST_IN_BRACKETS = re.compile(r"\s*\((?:instead\s+of|rather\s+than|as\s+opposed\s+to)\b[^()]*\)|"
                                  # "Isabelle rather than (or in addition to) Lean": whether or not with Lean
                                  r"\s+(?:rather\s+than|instead\s+of)\s+\((?:or\s+)?(?:in\s+addition\s+to|as\s+well\s+as|"
                                  r"on\s+top\s+of|alongside|along\s+with)\)\s+[^,;:?!()]+?(?=\s*(?:[,;:?!()]|$))", re.I)


def _as_label(question: str) -> str:
    """A frame said first (see _FRAME_FIRST) as the label it is: "efficiency of the resulting software: which
    papers ...", without the words framing it ("insofar as", "is concerned"), which no abstract has."""
    return _FRAME_FIRST.sub(lambda m: f"{(m['frame'] or m['about']).strip()}: ", question)


def asked_part(question: str) -> str:
    """The question without a lead-in label about the asker ("for my survey: how do papers ..." -> "how do papers
    ..."), nor a request wrapped round it ("Describe how papers ..."); a label that names what is asked
    ("GitChameleon: what's GPT-4o's pass@1?") stays."""
    question = _kept_to(_presented_aside(_as_label(question)))
    if (lead := _COMMA_LEAD_IN.match(question)) and _ASKER.fullmatch(lead["label"].strip()):
        question = question[lead.end():]
    question = _HOW_MANY_EXPECTED.sub(r"\1 \2", question)
    question = _AGAINST_IN_BRACKETS.sub("", question)
    question = re.sub(r"\b(which|what|how\s+many)\s+of\s+(papers|works|studies)\b", r"\1 of the \2", question,
                      flags=re.I)  # "Which of papers is making ...": the article a second-language asker left out
    # "how handled across works", "how each paper splits the roles": asked across the papers, as "how do the papers".
    question = re.sub(r"\bacross\s+(papers|works|studies)\b", r"across the \1", question, flags=re.I)
    question = _EACH_PAPER_DOES.sub(lambda m: f"how do the papers {m['bare'] or _uninflected(m['verb'])}", question)
    if claim := _CLAIM_THEN_REAL.match(question):
        question = f"Is it true that {claim['claim']}?"
    elif things := _THINGS_THEN_WHICH.match(question):
        question = f"Which {things['things']}?"
    elif (among := _AMONG_THEN_WHICH.match(question)) and not _GROUP_POINTS.search(among["group"]) and \
            (kind := list_topic(f"which {among['group']}") or (
            (modified := re.fullmatch(r"(?P<kind>(?:[\w-]+\s+){1,3}?)(?:papers|works|studies)", among["group"], re.I))
            and _paper_kind(modified["kind"]))):
        # "Among the papers on formal proofs, which ones compare against GPT-4?": the first list narrowed by the
        # second, as a follow-up "which of them ..." narrows one.
        question = f"{list_question(kind)}{NARROWING}{among['rest']}"
    match = _LEAD_IN.match(question)
    asked = question[match.end():] if match and _ASKER.fullmatch(match["label"].strip()) else question
    asked = _GIVE_ME_EVIDENCE.sub("what evidence is there ", _GIVE_ME_WAYS.sub("what are the ", asked, count=1),
                                  count=1)
    asked = _COMPARISON_ASKED.sub("Compare ", asked, count=1)
    if (told := _TELL_ME.sub("", asked, count=1)) != asked:
        # "I wonder if X helps": whether it does; "(Describe) how the provers get data": how do they, as asked outright.
        told = re.sub(r"^if\b", "whether", told)
        # "I was wondering whether any of the papers report X": whether any do, asked outright
        told = re.sub(r"^whether\s+(?=any\s+(?:of\s+the\s+)?(?:papers|works|studies|abstracts)\b)", "do ", told,
                      flags=re.I)
        return _EMBEDDED_HOW.sub("how do ", told, count=1)
    return asked


# A closing clause leaving something out, after the ask: "..., apart from FVEL?", "? -- leave out ... like FVEL".
# "... besides CodeTree?", "... apart from Stable Code": papers set aside at the very end of a question.
_BESIDES_LAST = re.compile(r"\s+(?:besides|apart\s+from|aside\s+from|except(?:\s+for)?)\s+[^,;:?!()]{1,60}?[?.!]*$",
                           re.I)
_SET_ASIDE_TAIL = re.compile(rf"(?:[?.;,]|\s[-–—]+)\s*(?:(?:but|and|please)\s+)?(?:(?:leave|leaving)\s+out|exclud\w*|"
                             rf"ignor\w*|skip\w*|{SETTING_ASIDE})\b[^?]*[?.!]*$|"
                             # "... webarena itself aside": the name, then set aside
                             r"(?:[?.;,]|\s[-–—]+)\s*[^?.;,]{1,40}?\s+(?:itself\s+)?aside\s*[?.!]*$|"
                             # "which papers use HumanEval besides CodeTree?": said last, no comma before it
                             + _BESIDES_LAST.pattern, re.I)


# "the paper that originally introduced", "the one who first proposed": its maker, right before a name.
_MADE_BY_BEFORE = re.compile(r"\b(?:paper|one|work|study)\s+(?:that|which|who)\s+(?:\w+ly\s+)?(?:introduced|proposed|"
                             r"made|created|released|built|presented)\s+(?:the\s+)?$", re.I)


def understand(question: str, lexicon: Lexicon, has_history: bool = False) -> Plan:
    """The plan of a standalone question (follow-ups are condensed first; `has_history`: a pronoun may refer
    to an earlier turn, so it is no reason to ask back)."""
    mentions = _with_paired_names(question, lexicon.paired_lower_case(question, lexicon.find(question)), lexicon)
    left_out: list[str] = []
    if aside := _SET_ASIDE_TAIL.search(question):
        # "which benchmarks do the theorem-proving papers use? -- leave out program-verification stuff like FVEL": a
        # paper the question ends by leaving out is not what it asks about, nor part of an answer across papers.
        left_out = paper_ids_of([m for m in mentions if m.kind == "paper" and m.start >= aside.start()])
        # "Leave out the paper that originally introduced MBPP": the paper that made the benchmark named.
        left_out += [made for m in mentions if m.kind == "term" and m.start >= aside.start() and
                     _MADE_BY_BEFORE.search(question, aside.start(), m.start) and
                     (made := lexicon.defined_by.get(key(m.text))) and made not in left_out]
        mentions = [m for m in mentions if m.kind != "paper" or m.start < aside.start()]
    plan = _planned(question, lexicon, has_history, mentions)
    if left_out and plan.kind in ("list", "multi", "aggregate") and not plan.besides:
        return replace(plan, besides=left_out)
    return plan


# After a question across papers, papers named as what the asker knows or leaves out, or set against each other
# ("not RLCoder, I already know that one", "skip it", "AlphaCode vs CodeTree"), not as examples of the ways.
_NOT_EXAMPLES = re.compile(r"\b(?:not|no|skip\w*|already|except|besides|apart|ignor\w*|exclud\w*|leav\w*|vs\.?|"
                           r"versus|or|compar\w*|against)\b|n['’]t\b", re.I)


# "deepseek models used anywhere? which papers — base models and provers both count": the papers are asked for, the
# models are what they are about.
_PAPERS_ASKED = re.compile(r"(?:^|[.?!:;,—–-]\s*)(?:so\s+)?which\s+(?:papers|works|studies)\s*(?:[.?!:;,—–-]|$)|"
                           # "Any paper here where ... base model ...?": the papers, not the models
                           r"(?:^|[.?!:;]\s*)(?:is\s+there\s+)?any\s+(?:paper|work|study)s?\s+(?:(?:in\s+)?here\s+)?"
                           r"(?:that|which|where|in\s+which)\b|"
                           # "need every paper that has GPT-4o numbers or uses GPT-4o as the base model"
                           r"(?:^|[.?!:;]\s*)(?:(?:i\s+)?(?:need|want)\s+|(?:list|give\s+me|show\s+me|find)\s+)?"
                           r"(?:every|all(?:\s+the)?|each)\s+(?:paper|work|study|studie)s?\s+(?:(?:in\s+)?here\s+)?"
                           r"(?:that|which|where|in\s+which)\b|"
                           # "please list the papers where GPT-4o is used, as base model or for evaluation"
                           r"(?:^|[.?!:;]\s*)(?:please\s+)?(?:list|name|give\s+me|show\s+me)\s+(?:all\s+)?the\s+"
                           r"(?:papers|works|studies)\s+(?:that|which|where|in\s+which)\b", re.I)


def _planned(question: str, lexicon: Lexicon, has_history: bool, mentions: list[Mention]) -> Plan:
    named = paper_ids_of(mentions)[:MAX_COMPARED] or _model_of_one_paper(mentions, lexicon)
    named = _within_labelled(question, named, mentions, lexicon)
    if on_benchmark := _scored_on_benchmark(question, named, mentions, lexicon):
        # "what does RLCoder score on ExecRepoBench?": one paper's figure on a benchmark another paper made.
        mentions = [replace(m, kind="term") if m.kind == "paper" and m.paper_ids[0] == on_benchmark else m
                    for m in mentions]
        named = [pid for pid in named if pid != on_benchmark]
    if used := _model_used_by(question, named, mentions, lexicon):
        # "with FunCoder, did StableCode-3b beat GPT-3.5?": the model FunCoder ran, not the Stable Code paper.
        mentions = [replace(m, kind="term") if m is used else m for m in mentions]
        named = [pid for pid in named if pid != used.paper_ids[0]]
    # A title quoted loosely names its paper, beside other papers one more side ("AlphaCode, P3 and the 'Program
    # Synthesis with LLMs' paper"), alone the paper asked about ("in the 'LMs as compilers' paper, how many tasks?").
    quoted = [pid for pid in quoted_papers(question, lexicon.papers.values()) if pid not in named]
    named += quoted[:MAX_COMPARED - len(named)]
    if not named and (labelled := labelled_paper(question, lexicon.papers.values())):
        named = [labelled]  # "Scaling test-time compute w/o verification or RL — which base LLMs ...?"
    # "DeepMind's AlphaCode": who made the paper, not what is asked of it.
    terms = [m for m in mentions if m.kind == "term" and m not in makers(question, mentions)]
    # Nor are names inside a named paper's quoted title ("... (in the paper “Describe, Explain, Plan and Select:
    # Interactive Planning with Large Language Models ...”)": no Large Language Models figure is asked).
    titled = [span for pid in named if pid in lexicon.papers
              for span in quoted_title_spans(question, lexicon.papers[pid].title)]
    terms = [t for t in terms if not any(a <= t.start < b for a, b in titled)]
    if described := DESCRIBING.match(question):
        # "the minecraft planning paper w/ the goal selector -- how many tasks ...": names that say which paper are
        # not what is asked of it.
        terms = [t for t in terms if t.start >= described.end()]
    text = question.strip().rstrip("?.! ")
    if not named and NARROWING not in text and \
            (asks_tuned_models(text) or asks_metrics(text) or asks_evaluated_models(text)) and \
            not (terms and _LIST_PATTERN.match(text)) and not _PAPERS_ASKED.search(text):
        # "which base models get fine-tuned ...", "what metrics do the completion papers report?": named things, as
        # "which benchmarks" asks for. Not the papers that use a named one ("which papers put GPT-4o through its
        # paces, as a base model or a baseline?").
        return Plan("aggregate", terms=terms)
    # The sentence that asks decides, whatever context comes before it ("Data scarcity is the bottleneck. What
    # approaches exist for ...?"), and an aside in brackets says nothing of the shape.
    # After a question mark the next ask may start in lower case ("how do people pick one? what approaches exist").
    # Typed in lower case, a question word still starts the ask ("... external APIs). what approaches ...").
    # After a label ("X: what approaches exist", "X — what approaches exist") the ask is what follows it.
    ask = re.sub(r"\s*\([^()]*\)", "", re.split(r"(?<=[.!])(?<!e\.g\.)(?<!i\.e\.)\s+(?=[A-Z]|(?:what|which|how)\s)|"
                                               r"(?<=\?)\s+(?=\w)|(?::|\s[-–—]+)\s+(?=what\s)", text)[-1])
    if not named and ask != text and _PRONOUN_TOPIC.fullmatch(list_topic(ask)) and \
            (said := _said_before(text[:max(text.find(ask), 0)], mentions)):
        # "Students always bring up Turing completeness here. Which papers mention it explicitly?": what "it" is,
        # the one name the sentence before says.
        return Plan("list", topic=said, terms=terms)
    # A remark after it asks nothing else: "What approaches exist for X? Across domains, not just code."
    if not named and (_WAYS_EXIST.match(ask) or (_WAYS_EXIST.match(text) and not _ASKS_AGAIN.search(ask))):
        return _across(text, terms)
    if named and (first := re.match(r"[^?]+\?", text)) and _ACROSS_PAPERS.search(first[0].rstrip("?")) and \
            not _ASKS_AGAIN.search(text[first.end():]) and not _NOT_EXAMPLES.search(text[first.end():]) and \
            all(m.start >= first.end() for m in mentions if m.kind == "paper"):
        # "ways llms get used to automate ml research? the ai scientist, the meta agent one...": the papers the
        # asker remembers after the ask are examples of the ways, each one of them.
        return replace(_across(text, terms), papers=named)
    if len(named) == 1 and (like := _LIKE_PAPER.search(text)) and (meant := _MEANING.search(text, like.end())) and \
            (like["ref"].lower() in ("that", "this", "it", "that one", "this one") or
             any(m.kind == "paper" and m.start >= like.start("ref") for m in mentions)):
        # "been reading the DotaMath paper, anything else like that? i mean other stuff where they ...": the papers
        # doing what the asker says, less the paper itself. (Its title alone, as the topic, met too few on the tune
        # parts: "papers like AlphaCode?" stays a question about AlphaCode.)
        return Plan("list", topic=meant["what"].strip(" ,"), besides=named, terms=terms)
    if named and (beyond := _BEYOND_NAMED.match(text)) and \
            (left := paper_ids_of([m for m in mentions if m.end <= beyond.end("ref")])) and \
            not any(m.kind == "paper" and m.start >= beyond.start("ask") and not set(paper_ids_of([m])) <= set(left)
                    for m in mentions) and \
            (topic := list_topic(_ELSE.sub("which papers", beyond["ask"], count=1))):
        # "besides OMPGPT, what else in here targets HPC code?", "apart from CodeTree, who else uses tree search?":
        # the papers doing it, less the one named; the ask may name it again ("besides the AlphaCode paper itself,
        # who else brings up AlphaCode?").
        return Plan("list", topic=topic, besides=left, terms=terms)
    if len(named) >= 2 and (over_index := _list_after_named(text, mentions)):
        # "The post lists DeepSeek-Prover, FVEL and MA-LoT as the Lean papers. Which papers here really work with
        # Lean?": the papers it names are what the asker was told; the list is asked of the whole index.
        return Plan("list", topic=over_index, terms=terms)
    if not named and _DATA_ASKED.search(text):
        # "Formal verification benchmarks like SV-COMP -- which ones appear?": the named things, not the papers.
        return Plan("aggregate", terms=terms)
    # A list asked in one clause of a longer question only when the question does not name two papers: "Compare A
    # and B: which methods do they use?" compares them.
    # "Which paper has the stronger result on miniF2F, MA-LoT or DeepSeek-Prover?": one of the papers named is picked,
    # so they are compared, not listed.
    picks_one = len(named) >= 2 and _PICK_ONE.match(text) and re.search(r"\bor\b", text)
    topic = "" if picks_one else list_topic(text) if len(named) < 2 else _list_topic(text)
    if not topic and not named and ask != text and _ASKS_PAPERS.match(ask) and \
            likened_spans(remark := text[:max(text.find(ask), 0)]) and \
            all(m.text.lower() in ask.lower() for m in mentions if m.end <= len(remark)):
        # "GSM8K looks like the MNIST of math reasoning. Which papers build data from GSM8K ...?": the sentence that
        # asks for papers, read alone, after a remark that only likens what the ask names again to something else.
        topic = list_topic(ask)
    if topic:
        return Plan("list", topic=_plain_verbs(_BRAND_NEW.sub("new", topic)), papers=named, terms=terms)
    if len(named) >= 2:
        listed = _listed_sides(text, mentions)[:MAX_COMPARED - len(named)]
        if listed:  # "B-Coder, RLCoder and the CodeT5 + RRHF code optimisation paper": a third side, described
            return _with_described(question, named, terms, mentions, listed, lexicon)
        unquoted = without_quoted_titles(question) if quoted else question
        return Plan("comparative", papers=named, terms=_unowned(terms, question, mentions),
                    aspect=aspect_of(unquoted, lexicon.find(unquoted)))
    # "How do the models compare to humans on it?", "... vs the baseline": such sides are no papers; with one or none
    # left, the question is about the paper it names.
    # "how many are from IMO 2023 vs 2022": two numbers compared are parts of one thing, no papers.
    sides = [side for side in compared_sides(text) if not _ordinary(side)] if not _PARTS_COMPARED.search(text) else []
    sides = sides if len(sides) >= 2 or (sides and not named) else []
    if len(named) == 1 and (_within_paper(sides, mentions, lexicon) or _bracketed_options(text, mentions)):
        sides = []  # "ENAMEL eff@1 for gpt-4 vs claude?": models within the paper it names, not papers
    if len(named) == 1 and not sides and _offers_terms(text, mentions):
        # "which model is the meta agent in ADAS? gpt-4 or claude?": the choices are within the paper it names.
        return Plan("factoid", papers=named, terms=terms, yes_no=asks_yes_no(text))
    described = _described_sides(text, mentions) if not sides else []
    if not sides and not described and len(named) == 1 and (lead := _leading_side(text, mentions)):
        described = [lead]  # "dynamic inference for code completion, compared with how KV Prediction cuts cost"
    if described and (named or len(described) >= 2):
        return _with_described(question, named, terms, mentions, described, lexicon)
    if sides and not named and not described and _ACROSS_PAPERS.search(text):
        # "small domain models vs giant general LLMs - any evidence the small ones win?": two kinds of thing, no
        # papers; what the collection says of them is asked.
        return _across(text, terms)
    if sides:  # worded as a comparison, at most one side named: "How does Meta Agent Search differ from AlphaCode?"
        # A side written as a description of a paper ("the C-to-safe-Rust paper") is looked up by what it says;
        # any other side must be a name, or it is reported as missing (a concept is no paper to put in a row).
        descriptions = {side: _paper_description(text, side) for side in sides}
        described = [side for side in sides if descriptions[side]]
        sides = [side for side in sides if not descriptions[side]]
        # Each side's name goes from the question; what follows it ("FVEL in what it verifies") is the aspect.
        rest = question
        for name in [*(_ASPECT_CUT.sub("", side).strip() or side for side in sides), *descriptions.values()]:
            rest = rest.replace(name, " ") if name else rest
        terms = _unowned(terms, question, mentions)
        return Plan("comparative", sides=sides, papers=named, terms=terms, aspect=aspect_of(rest, lexicon.find(rest)),
                    described=[descriptions[side] for side in described])
    if not mentions and not has_history and _PRONOUN_ONLY.search(text) and len(_content_words(text)) <= 3:
        return Plan("clarify")  # "Tell me more about it" with nothing before it
    if not named and not _AGGREGATE.search(text) and (topic := _fragment_list(text)):
        # "LLM tool use or API calling — all the papers please, frameworks included": a list asked in fragments
        # ("benchmarks the code generation papers report on, all of them" asks for the benchmarks).
        return Plan("list", topic=topic, terms=terms)
    if not named and (_ACROSS_PAPERS.search(text) or _ACROSS_PAPERS.search(ask)):
        return _across(text, terms)
    # "code optimization with llms -- and I mean making programs run faster": what the asker means is said apart.
    keywords = _without_exclusions(text) or text
    if not named and not has_history and "?" not in question and _KEYWORDS.fullmatch(keywords) and \
            bare_label(_RELATIVE_TAIL.sub("", keywords)) and not asks_for_figure(text) and \
            not _FIGURE_ASKED.search(keywords):
        # "multi agent llm frameworks", "rl for code where unit tests give the reward": typed as into a search box,
        # a topic; the papers on it are what is looked for.
        return Plan("list", topic=keywords, terms=terms)
    return Plan("factoid", papers=named, terms=terms, yes_no=asks_yes_no(text))


# Where a list is asked of the whole index: "which papers here", "what other papers in the collection", "are there
# others".
_OF_THE_INDEX = re.compile(r"\b(?:(?:papers|works|studies)\s+(?:here|in\s+(?:the|this)\s+(?:index|collection|"
                           r"corpus|set))|abstracts|other|more|others|else)\b", re.I)


def _list_after_named(text: str, mentions: list[Mention]) -> str:
    """The topic of a list asked of the whole index in the last sentence, after one naming papers: that sentence
    names none and points back at none of them ("which of them", "do they")."""
    sentences = re.split(r"(?<=[.!?])\s+(?=\w)", text)
    if len(sentences) < 2:
        return ""
    last = sentences[-1]
    at = len(text) - len(last)
    if any(m.kind == "paper" and m.start >= at for m in mentions) or not _OF_THE_INDEX.search(last) or \
            REFERS_BACK.search(re.sub(r"\([^()]*\)", "", last)):
        return ""
    return list_topic(_ELSE.sub("which papers", last.strip(), count=1))


# "name two papers that", "give me one example of a paper whose", "suggest a couple of papers on", "I need an example
# of a model that ...".
_EXAMPLES_ASKED = re.compile(r"\b(?:(?:name|give|list|show|suggest|recommend)\s+(?:me\s+)?|(?:i|we)\s+(?:need|want)\s+|"
                             r"(?:i|we)['’]d\s+like\s+)(?:one|two|three|four|five|a\s+couple(?:\s+of)?|a\s+few|some|an?)\s+"
                             r"(?:good\s+)?(?:(?:examples?|instances?)\s+of\s+(?:an?\s+)?(?:(?:papers?|works?|stud(?:y|ies))\s+)?|"
                             r"(?:papers?|works?|stud(?:y|ies))\s+)", re.I)
_GOOD_PAPER_ON = re.compile(r"^(?:what['’]?s|what\s+is|which\s+is)\s+(?:a|the)\s+(?:good|nice|solid|classic|best)\s+"
                            r"(?:paper|reading|read|example)\s+(?:to\s+\w+\s+)?(?:on|about|for)\s+", re.I)
# "..., name two if there are", "X: name two papers": how many to name, after the ask.
# "..., I want one for the lecture": what the asker will do with one.
_COUNT_AFTER = re.compile(r"(?<=[,.;:?])\s*(?:(?:pls\s+|please\s+)?name\s+(?:one|two|three|a\s+couple|a\s+few|some)"
                          r"(?:\s+(?:papers?|of\s+them))?(?:\s+if\s+there\s+are(?:\s+any)?)?|"
                          r"(?:i|we)\s+(?:want|need|['’]d\s+like)\s+(?:one|it|them|some|a\s+couple)\s+for\s+[^?.!]*)"
                          r"\s*[?.!]*$", re.I)
# A search-box query: a few words with no question mark, no sentence of the asker's ("I", "my") nor a figure or
# "any" ("any study of X?" asks whether there is one).
_KEYWORDS = re.compile(r"(?!.*\b(?:i|i['’]m|my|me|we|our|you|your|please)\b)(?!.*\d)(?!\s*any\b)(?!.*\w\.\s)"
                       r"[\w*+#/&().,' -]{3,120}", re.I)
# "rl for code where unit tests give the reward": a relative clause of the topic's, no ask.
_RELATIVE_TAIL = re.compile(r"(?<=\w)\s+(?:where|which|that|who|whose)\b.*$", re.I)
_FIGURE_ASKED = re.compile(r"\b(?:number|count|size|score|accuracy|rate|results?|figures?|numbers|speedup|cost|n)\b|#",
                           re.I)
# A paper set aside before the ask: "besides OMPGPT, what else ...", "other than AlphaCode, which papers ...".
_BEYOND_NAMED = re.compile(r"^\W*(?:(?:so|and|ok|okay)\W+)?(?:besides|other\s+than|apart\s+from|aside\s+from|"
                           r"except(?:\s+for)?|beyond)\s+(?P<ref>[^,?:;]{1,80}?)\s*[,:;]\s*(?P<ask>.+)$", re.I)
# The ask after it: "what else (in here)", "who else", "what other papers", "any others that".
_ELSE = re.compile(r"^(?:(?:what|who|which)\s+else|(?:what|which)\s+other\s+(?:papers|works|studies|ones)|"
                   r"any\s+others?|anything\s+else|anyone\s+else|others)(?:\s+(?:in\s+here|here|in\s+this\s+set|"
                   r"in\s+the\s+(?:collection|corpus|index)))?(?:\s+(?:that|which|who))?(?=\s)", re.I)
_ASKS_PAPERS = re.compile(r"(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:papers|works|studies|abstracts)\b", re.I)
# Papers like a named one: "anything else like that?", "papers similar to AlphaCode", "more in the same vein as STP".
_LIKE_PAPER = re.compile(r"\b(?:anything|something|stuff|papers?|works?|others?|more|ones?)\s+(?:else\s+)?"
                         r"(?:(?:just|much)\s+)?(?:like|similar\s+to|in\s+the\s+same\s+vein\s+as|along\s+the\s+lines\s+of|"
                         r"akin\s+to)\s+(?P<ref>[^?!,;]+?)\s*(?:[?!,;]|$)", re.I)
# What the asker means by it, said after: "i mean other stuff where they tune an LLM to do math with programs".
_MEANING = re.compile(r"\b(?:i\s+mean|meaning|i\.e\.,?|that\s+is,?)\s+(?:(?:other|more|similar)\s+)?"
                      r"(?:(?:stuff|papers?|work|ones|approaches|methods)\s+)?(?:where|that|which|on|about|in\s+which)?"
                      r"\s*(?P<what>[^?!]+)", re.I)


def _model_used_by(question: str, named: list[str], mentions: list[Mention], lexicon: Lexicon) -> Mention | None:
    """Of two named papers, the mention of one written as a model the other's abstract runs ("StableCode-3b" in
    FunCoder's "With FunCoder, StableCode-3b surpasses GPT-3.5"), with nothing joining the two as sides: that
    model within the other paper, not a second paper."""
    from rag.answer.naming import mentions_name

    if len(named) != 2:
        return None
    papers = [m for m in mentions if m.kind == "paper"]
    for m in papers:
        others = [p for p in papers if p.paper_ids[0] != m.paper_ids[0]]
        if not others or key(m.text) in key(lexicon.papers[m.paper_ids[0]].title):
            continue  # named by its title's words: the paper itself
        other = others[0]
        between = question[min(m.end, other.end):max(m.start, other.start)]
        if mentions_name(lexicon.papers[other.paper_ids[0]].abstract, m.text) and not _JOINERS.search(between) \
                and not _PAIRED.match(between):
            return m
    return None


# "on ExecRepoBench": where a figure was measured.
_MEASURED_ON = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$", re.I)
_BENCHMARK_TITLE = re.compile(r"\bbench|benchmark|\w+Bench\b", re.I)


def _scored_on_benchmark(question: str, named: list[str], mentions: list[Mention], lexicon: Lexicon) -> str:
    """The second of two named papers when it is only where the first's figure is asked ("what does RLCoder score on
    ExecRepoBench?"): a benchmark paper, named after "on", in a question asking a figure with no word comparing the
    two; else ""."""
    if len(named) != 2 or not asks_for_figure(question) or _WHICH_BETTER.search(question) or \
            re.search(r"\b(?:compar\w*|vs\.?|versus|or|and|both|each|differ\w*)\b", question, re.I):
        return ""
    papers = [m for m in mentions if m.kind == "paper"]
    last = max(papers, key=lambda m: m.start)
    first = [m for m in papers if m.paper_ids[0] != last.paper_ids[0]]
    if not first or last.paper_ids[0] not in named or any(m.start > last.start for m in first) or \
            not _MEASURED_ON.search(question[:last.start]) or \
            not _BENCHMARK_TITLE.search(lexicon.papers[last.paper_ids[0]].title):
        return ""
    return last.paper_ids[0]


def _within_labelled(question: str, named: list[str], mentions: list[Mention], lexicon: Lexicon) -> list[str]:
    """The papers a question names, less those it names only by a name the paper its lead-in label names writes
    too ("funcoder: ... and StableCode-3b's % of GPT-4's HumanEval perf?": FunCoder's abstract has StableCode-3b, so
    the question is about FunCoder, not a comparison with the Stable Code paper). With no label, of two papers, one
    named by its own name and the other only by a model's name the first's abstract writes, when nothing in the
    question compares them."""
    from rag.answer.naming import mentions_name

    label = _LEAD_IN.match(question) or _SCOPED_TO.match(question) or _DASHED_LABEL.match(question)
    if (len(named) != 2 and label is None) or len(named) < 2:
        return named
    if label is not None:
        first = [m for m in mentions if m.kind == "paper" and m.end <= label.end("label")]
        after = label.end()
    elif not _COMPARING.search(question):
        # "What HumanEval score did GPT-4 get in the FunCoder paper? StableCode-3b with FunCoder reached 97.7% of
        # it.": no label, but nothing compares the two, and one is named as what the other's abstract writes.
        first = [m for m in mentions if m.kind == "paper" and
                 key(m.text) in lexicon.paper_aliases and m.paper_ids[0] in lexicon.paper_aliases[key(m.text)]]
        after = 0
    else:
        return named
    if len({m.paper_ids[0] for m in first}) != 1:
        return named
    asked = lexicon.papers[first[0].paper_ids[0]]
    def within(pid: str) -> bool:  # every mention of it is a name the asked paper's abstract writes
        its = [m for m in mentions if m.kind == "paper" and m.paper_ids[0] == pid]
        # Unlabelled, only a model's name ("StableCode-3b"), not one the question calls a paper ("the MBPP paper").
        return all(m.start >= after and mentions_name(asked.abstract, m.text) and
                   (label is not None or (re.search(r"\d", m.text) and not _CALLED_PAPER.match(question, m.end)))
                   for m in its)

    return [pid for pid in named if pid == asked.paper_id or not within(pid)]


_CALLED_PAPER = re.compile(r"(?:['’]s)?\s+(?:paper|study|work|article|authors)\b", re.I)
# Words comparing what a question names: then each named paper is a side.
_COMPARING = re.compile(r"\b(?:compar\w*|vs\.?|versus|differ\w*|both|each|either|or|better|worse|higher|lower|"
                        r"more|less|than|beats?|outperform\w*|between)\b", re.I)


def _model_of_one_paper(mentions: list[Mention], lexicon: Lexicon) -> list[str]:
    """The paper a question names by its own model when it names no paper: a name only that abstract has, headed by
    one of the paper's names ("DotaMath-deepseek-7B averages 80.1% ... which benchmark was its weakest?")."""
    owners = {m.paper_ids[0] for m in mentions if m.kind == "term" and len(m.paper_ids) == 1 and "-" in m.text and
              any(pid in lexicon.paper_aliases.get(key("-".join(m.text.split("-")[:j])), ())
                  for j in range(1, m.text.count("-") + 1) for pid in m.paper_ids)}
    return list(owners) if len(owners) == 1 else []


def _across(text: str, terms: list[Mention]) -> Plan:
    """A question spanning papers: the named things they use ("which benchmarks ..."), or one line per paper."""
    return Plan("aggregate" if _AGGREGATE.search(text) else "multi", terms=terms)


def _offers_terms(text: str, mentions: list[Mention]) -> bool:
    """Whether the question offers names the abstracts use, no paper among them, to choose between ("gpt-4 or
    claude?")."""
    offered = offered_names(text, name_like)
    found = [m for m in mentions if any(m.text.lower() == o.lower() for o in offered)]
    return len(offered) >= 2 and len(found) == len(offered) and all(m.kind == "term" for m in found)


def _within_paper(sides: list[str], mentions: list[Mention], lexicon: Lexicon) -> bool:
    """Whether the sides compared are names the abstracts use that no paper is ("gpt-4", "Claude", each ending a
    side), two or more of them, the other sides holding the one paper named ("in CodeTree, GPT-4o vs Llama-3"); or
    one such name against that paper ("MPIrigen vs GPT-4 on MPI function prediction")."""
    def ends_with_term(side: str) -> bool:  # an aside in brackets after it ("Java (any metric)") is no part of it
        side = re.sub(r"\s*\([^()]*\)[\s?:]*$", "", side)
        return any(m.kind == "term" and side.lower().rstrip(" ?:").endswith(m.text.lower()) for m in mentions)

    def holds_paper(side: str) -> bool:
        return any(m.kind == "paper" and m.text.lower() in side.lower() for m in mentions)

    def is_term(side: str) -> bool:  # "GPT-4 on MPI function prediction", "GPT-4 - accuracy for both?": a model
        cut = side.strip(" ?:").removeprefix("the ").removeprefix("The ")
        # Not a benchmark an indexed paper made ("P3's test set vs MBPP"): that paper is the other side.
        return any(m.kind == "term" and cut.lower().startswith(m.text.lower())
                   and re.match(r"\s*(?:$|[-–—:(,?]|(?:on|in|for|at|with)\b)", cut[len(m.text):])
                   and key(m.text) not in lexicon.defined_by for m in mentions)

    terms = [side for side in sides if ends_with_term(side)]
    if len(terms) >= 2:
        return all(side in terms or holds_paper(side) for side in sides)
    # "MPIrigen vs GPT-4 on MPI function prediction": the paper against a model, which only its abstract can give.
    return len(sides) == 2 and any(is_term(side) for side in sides) and any(holds_paper(side) for side in sides)


def _bracketed_options(text: str, mentions: list[Mention]) -> bool:
    """Whether what is compared is options set out in brackets (asides.options_in_brackets), none of them a paper:
    what is asked of the paper named, not papers to compare."""
    inside = options_in_brackets(text, least=1)
    return inside is not None and not any(m.kind == "paper" and inside[0] <= m.start < inside[1] for m in mentions)


# What joins two sides of a comparison written next to each other: "A and B", "A or B", "A vs B", "A, B".
_PAIRED = re.compile(r"^\s*(?:(?:tasks|problems|questions|benchmark|dataset|suite|paper)s?\s*)?"
                     r"(?:,|and|or|vs\.?|versus|,\s*and|,\s*or)\s*(?:the\s+)?$", re.I)  # "the MBPP tasks, the ..."


def _with_paired_names(question: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """A name only one abstract uses, written as a side next to a named paper ("GHOSTS and UGMathBench are both math
    benchmarks"), names that paper: it is compared, not asked about within the other. So does a name one abstract
    defines ("... Problems (MBPP)"), listed with named papers ("MBPP, BigCodeBench and GitChameleon")."""
    # A side next to one that became a paper here pairs with it too ("MBPP vs Python Programming Puzzles vs
    # BigCodeBench"): until no more change.
    while True:
        named = [m for m in mentions if m.kind == "paper"]
        if not named:
            return mentions
        out = []
        for m in mentions:
            # An aside in brackets between them says which is which: "CodeTree (GPT-4o) vs PLANSEARCH".
            written = _as_the_abstracts_write(m.text, lexicon)
            if m.kind == "term" and re.search(r"[A-Z].*[A-Z0-9]|[A-Z]{2}", written) and \
                    any(_PAIRED.match(re.sub(r"\s*\([^()]*\)", "", question[min(m.end, p.end):max(m.start, p.start)]))
                        for p in named):
                own = m.paper_ids if len(m.paper_ids) == 1 else \
                    (lexicon.defined_by[key(m.text)],) if key(m.text) in lexicon.defined_by else ()
                if own and (len(m.paper_ids) > 1 or len({p.paper_ids[0] for p in named}) == 1) and \
                        all(own != p.paper_ids for p in named):
                    m = replace(m, kind="paper", paper_ids=own)
            out.append(m)
        if out == mentions:
            return out
        mentions = out


def _as_the_abstracts_write(name: str, lexicon: Lexicon) -> str:
    """A name typed in lower case, as the abstracts write it when it is long enough not to be a word: "taskmatrix or
    responsibleta" pairs TaskMatrix with a named paper as "TaskMatrix or ResponsibleTA" does."""
    return lexicon.as_written(name) if name.islower() and len(key(name)) >= 5 else name


# "What datasets / benchmarks ...": the named things across papers, each with the papers that use it.
_DATA_NOUNS = r"(?:datasets|benchmarks|data sets|test sets|eval(?:uation)? sets|corpora)"
_AGGREGATE = re.compile(r"(?:^|[.?!:;]\s+|\s[-–—]+\s+|^(?:um+|uh+|erm|hmm+)\b[,\s]+(?:so\s+)?)"
                        r"(?:(?:(?:apart|aside) from|besides|other than|except(?: for)?|excluding|across|among|"
                        r"over|for|in)\b[^?]*?,\s*)?"
                        rf"(?:what|which)\s+(?:[\w-]+\s+|[\w-]+/){{0,3}}{_DATA_NOUNS}\b|"  # "which envs/benchmarks"
                        r"\bwhich (?:datasets|benchmarks)\b|"
                        # "repo-level completion benchmarks mentioned across the corpus?": a label for the same.
                        rf"\b{_DATA_NOUNS}\s+(?:\w+\s+)?(?:mentioned|used|named|reported|covered|evaluated|show(?:s|ing)?"
                        r"\s+up|appear(?:s|ing)?|come\s+up)\s+(?:across|in|by)\s+(?:the|these|this|all|here)\b|"
                        # "benchmarks the code-gen papers report numbers on": what several papers use, said first.
                        # "I need the benchmarks the agent papers evaluate on": the same, asked for.
                        # "Need a rundown of the evaluation metrics that the code benchmark papers use": so too.
                        rf"^(?:(?:(?:i|we)\s+)?(?:need|want)\s+|(?:give|show)\s+me\s+|list\s+|name\s+)?"
                        r"(?:an?\s+(?:rundown|overview|summary|list|inventory)\s+of\s+)?(?:(?:all\s+)?the\s+)?"
                        rf"(?:{_DATA_NOUNS}|(?:evaluation\s+)?metrics)\s+(?:that\s+|which\s+)?(?:the|these)\s+(?:[\w/-]+\s+){{0,3}}?(?:papers|works|"
                        r"studies|methods|models)\s+(?:report|use|evaluate|test|train|rely|introduce|propose)",
                        re.I)  # "apart from X, what other ...", "across X, which", "For theorem proving, which ..."
# Named things asked for as a label: "X benchmarks like SV-COMP -- which ones appear?", "metrics for efficiency --
# which ones are in use?", "datasets for evaluating code generation on ML libraries?", "math benchmarks across the
# collection -- give me the inventory", "the agent papers — which benchmarks?".
_DATA_ASKED = re.compile(
                         # "theorem proving papers — which datasets/benchmarks reported": the papers as a label.
                         rf"^(?:[\w/-]+\s+){{0,4}}?(?:papers|works|studies)\s*(?:[-–—:]+|\s[-–—]+)\s*(?:so\s+)?"
                         rf"(?:what|which)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DATA_NOUNS}|metrics)\b|"
                         rf"^(?:[\w/-]+\s+){{0,4}}?(?:{_DATA_NOUNS}|metrics)\b[^?]*?[-–—:,]+\s*"
                         r"which\s+(?:ones|of\s+them)\s+(?:appear|show\s+up|come\s+up|are\s+(?:in\s+use|used|reported)|get\s+(?:used|reported))\b|"
                         rf"^{_DATA_NOUNS}\s+(?:for|to)\s+(?:evaluat\w+|test\w*|benchmark\w*|measur\w+)\b|"
                         rf"^(?:[\w/-]+\s+){{0,3}}?{_DATA_NOUNS}\s+across\s+(?:the|this|these|all)\b|"
                         # "eval sets in the math papers??", "datasets used or built for X across the corpus",
                         # "efficiency metrics used across papers": a label for what the papers use.
                         rf"^(?:[\w/-]+\s+){{0,3}}?(?:{_DATA_NOUNS}|metrics)\s+(?:(?:used|built|reported|introduced|"
                         r"proposed|named)(?:\s+(?:or|and)\s+\w+)?\s+)?(?:(?:for|in)\s+[^,;:?—–]+?\s+)??"
                         r"(?:in|across|of|from|by)\s+(?:(?:the|these|all|our)\s+)?(?:[\w-]+\s+){0,3}?"
                         r"(?:papers|works|studies|corpus|collection)\b", re.I)
# "What approaches do people use to ...", "ways that papers use code to ...": the ways of several groups, not a
# list of the papers with a method.
_WAYS_OF_PEOPLE = (r"^(?:(?:what|which)\s+(?:[\w-]+\s+)?)?(?:the\s+)?"
                   r"(?:different\s+|various\s+|main\s+|key\s+|common\s+)?(?:ways|approaches|methods|techniques|"
                   r"strategies|tricks|ideas)\s+(?:that\s+|in which\s+|do\s+|does\s+|did\s+|are\s+|have\s+)?"
                   r"(?:people|folks|researchers|papers|authors|works|others|groups|"
                   # "what approaches does the corpus have on that?": the collection's ways
                   r"(?:the\s+|this\s+)?(?:corpus|collection|index|literature))\b")
# A question spanning papers: "What are the ways of ...", "How are people ...", "... across these papers".
# "What approaches make completion cheaper?", "ways of getting more prover data": the ways of doing something,
# across papers ("what approaches use MCTS?", "which approaches were evaluated on X?" ask for the papers).
_WAYS = (r"^(?:(?:what|which)\s+(?:are\s+)?)?(?:the\s+)?(?:different\s+|various\s+|main\s+)?"
         r"(?:ways|approaches|techniques|strategies)\s+(?:of|for|to|(?:that\s+)?(?:make|reduce|cut|lower|improve|"
         r"speed|increase|boost|help|get|avoid|fix|let|allow|enable|teach)s?)\b")
# "What approaches exist for X?", "Which methods are proposed for X?": the ways, one per paper, not a list of papers
# (which "what approaches use MCTS?" is). Only "exist" and said to be proposed, used, disclosed ... for, to or in
# something: on the tune sets "what approaches are there here for ..." and "... have been used with LLMs" were answered
# better as lists or from their closest papers.
_WAYS_EXIST = re.compile(r"^(?:what|which)\s+(?:[\w-]+\s+)?(?:tricks|ways|approaches|methods|techniques|strategies|"
                         r"options|ideas)\s+(?:exist|(?:are|have\s+been|were)\s+(?:proposed|suggested|developed|tried|"
                         # "which decomposition techniques are disclosed for code generation": a patent examiner's
                         # word for what papers propose
                         r"used|employed|applied|described|disclosed|taught|explored)\s+(?:for|to|in)\b)", re.I)
# A remark after "what approaches exist?" that asks again ("... which papers use them?"), so the ways are not all
# that is asked.
_ASKS_AGAIN = re.compile(r"\b(?:which|what|who|how|list|name)\b|\?", re.I)
# A question about a body of work rather than one paper: what has been tried or found ("what's been done on ...",
# "has anyone found ...", "how has RL been used ...", "where has diversity been shown to matter?"), the kinds of work
# there are ("what strategies have been proposed", "frameworks where an LLM coordinates ...", "ideas for ...", "any
# methods?") and what people, papers or "you" do ("how do benchmark designers stop leakage?", "how can you make code
# models cheaper?"). Each is answered paper by paper, as a question worded "across these papers" is.
_WORK = (r"(?:ways|strategies|approaches|techniques|methods|ideas|frameworks|setups|designs|attempts|tricks|options|"
         r"solutions|systems|results|arguments|findings|directions|workarounds|remedies|fixes|mitigations|variants|"
         r"pipelines|recipes)")
# "when you sample many programs, how do people pick one?", "What are people doing instead?", "How do different papers
# bring in ...": the work of several groups is asked about.
_GROUPS = (r"(?:people|researchers|papers|folks|ppl|authors|anyone|others|(?:different|various|other)\s+"
           r"(?:papers|works|groups|teams|methods|approaches))")
_BODY_OF_WORK = (
    r"\bwhat(?:['’]?s|\s+has|\s+is|\s+have)\s+(?:been\s+)?(?:done|tried|proposed|known|shown|found|learned|explored|"
    r"reported|observed|attempted|being\s+done)\b|\bwhat\s+do\s+we\s+(?:actually\s+|really\s+)?know\b|"
    # "whats the consensus here", "what's the landscape for ...": where the work stands, paper by paper.
    r"\bwhat(?:['’]?s|\s+is)\s+(?:the\s+)?(?:consensus|landscape|state\s+of\s+(?:play|things|the\s+field)|"
    r"(?:overall|big|whole)\s+(?:story|picture))\b|"
    # "can LLMs trace code? what evidence there is", "who has tested that?", "what experiments have looked at that":
    # the works bearing on the question before.
    r"(?:^|(?<=[?.!])\s*)(?:what|which)\s+(?:evidence|experiments|studies)\s+(?:there\s+is|is\s+there|"
    r"(?:have|has)\s+(?:looked|tested|checked|examined|measured))\b|"
    r"(?:^|(?<=[?.!])\s*)who\s+(?:has|have)\s+(?:tested|studied|examined|checked|measured|looked\s+at)\s+"
    r"(?:that|this|it)\b|"
    # "adding extra context to completion models - approaches?": the ways, asked for after the topic.
    r"[-–—:]\s*(?:any\s+)?(?:approaches|methods|techniques|options|ideas|variants)\s*\??\s*$|"
    # "how has the community used code interpreters ...": what the field did.
    r"\bhow\s+(?:has|have)\s+(?:the\s+)?(?:community|field|literature)\s+\w+|"
    r"\bwhat(?:['’]?s|\s+is)\s+out\s+there\b|"
    rf"\b(?:has|have|did|are|do|would)\s+{_GROUPS}\s+\w+|"
    # "(It would be useful to know) how the corpus deals with contamination": what the papers do about it.
    r"^how\s+(?:do(?:es)?\s+)?(?:the|this|our)\s+(?:corpus|collection|literature|field)\s+\w+\b|"
    # "How papers are using LLMs for ...": the same, in a second language's word order.
    rf"^how\s+(?:(?:the|these)\s+(?:[\w/-]+\s+){{0,3}}?)?{_GROUPS}\s+(?:are|have\s+been)\s+\w+ing\b|"
    # "What does our corpus say about diversity?": what the papers say, paper by paper.
    r"\bwhat\s+(?:does|do)\s+(?:our|the|this|these)\s+(?:corpus|collection|papers|literature|index|abstracts|works)"
    r"(?:\s+here)?\s+(?:say|tell\s+us|show)\b|"
    r"\bhow\s+(?:has|have)\s+[^?]{0,60}?\bbeen\s+\w+|\bwhere\s+has\s+[^?]{0,80}?\bbeen\s+shown\b|"
    r"\bhow\s+have\s+(?:[\w/-]+\s+){0,3}?(?:models|papers|systems|methods|benchmarks|works|studies)\s+\w+ed\b|"
    rf"\bwhat\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:[\w/-]+\s+){{0,4}}?{_WORK}\s+(?:\([^)]*\)\s+)?"
    r"(?!do\b|does\b|did\b|is\b|was\b)\w+|"
    r"\bwhat\s+(?:kinds?|types?|sorts?)\s+of\s+[^?]{0,40}?\b(?:have|has)\s+(?:been|people|researchers|papers|folks)\b|"
    rf"\b{_WORK}\s+exist\b|^(?:frameworks|systems|ways|methods|approaches|techniques|setups|designs)\s+"
    r"(?:where|that|which|to|for)\b|^ideas\s+for\b|\bany\s+(?:evidence|methods|approaches|techniques|ideas|work)\b|"
    r"\bin\s+what\s+ways\b|\bwhat\s+are\s+(?:the\s+)?(?:different|various|main)\s+\w+|"
    r"\bwhat\s+are\s+(?:the\s+)?(?:ways|setups|designs|options|kinds|types)\b|"
    r"^(?:arguments|results|evidence|work|studies)\s*(?:/\s*\w+\s*)?\s+(?:showing|that\s+show)\b|"
    r"\bwhat\s+(?:work|research)\s+(?:is\s+there|uses|exists)\b|"
    r"\bwhat\s+(?:[\w-]+\s+)?(?:concerns|issues|problems|challenges|limitations|risks)\b[^?]*\b(?:are|were|have\s+been)"
    r"\s+(?:raised|reported|identified|noted|discussed)\b|"
    # After a label or an aside too: "contamination: how do the benchmark authors ...", "hey :) how do these works ...".
    r"(?:^|(?<=[:;,)!])\s*)how\s+(?:do|can|should)\s+(?:[\w/-]+\s+){0,3}?(?:[a-z][\w-]*[^s\W]s|ppl|people|folks|you|"
    r"one|we)\s+\w+|"
    # "HPC folks: how do they specialise models?": the group named just before.
    # "the HPC folks — what approaches do they take to ...": the same, asked for their ways.
    r"\b(?:folks|people|researchers|authors|groups|teams)\s*[:,—–-]+\s*(?:how|what\s+(?:[\w-]+\s+)?(?:approaches|ways|"
    r"methods|techniques|strategies|tricks))\s+(?:do|does|did)\s+they\b|"
    # "What kinds of feedback signal do the code generation works rely on?": what several works do.
    r"\bwhat\s+(?:kinds?|types?|sorts?)\s+of\s+[^?]{1,80}?\s+do\s+(?:the\s+|these\s+)?(?:[\w/-]+\s+){0,3}?"
    r"(?:papers|works|studies|methods|approaches|systems)\s+\w+|"
    # "how are LLM agents evaluated in this set of papers?"
    r"\b(?:this|the)\s+(?:set|collection|batch|pile|bunch|group)\s+of\s+(?:papers|works|studies|abstracts)\b|"
    # "how are the newer benchmarks trying to dodge contamination?", "what exists for that?", "what else should I be
    # checking?": what several works do, or what there is for a need.
    r"(?:^|(?<=[:;!?–—-])\s*)how\s+are\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}?[a-z][\w-]*[^s\W]s\s+\w+ing\b|"
    r"\bwhat\s+(?:exists|is\s+(?:there|available|out\s+there))\s+for\s+(?:that|this|it)\b|"
    r"\bwhat\s+else\s+(?:should|could|can|do|would)\s+(?:i|we|you|one)\b|"
    # "what extra context peoples feed into code completion model": what people do, asked without "do".
    r"(?:^|,\s*)what\s+(?!(?:[\w-]+\s+){0,2}?(?:benchmarks?|datasets?|metrics?|models?)\b)(?:[\w-]+\s+){1,4}?"
    r"(?:people|peoples|folks|ppl|researchers)\s+(?!(?:is|are|was|were|who|that)\b)[a-z]{3,}\b|"
    # "how people reduce the latency of ...": what people do, asked without "do".
    r"(?:^|,\s*)how\s+(?:people|peoples|folks|ppl|researchers)\s+(?!(?:is|are|was|were|who|that)\b)[a-z]{3,}\b")
_ACROSS_PAPERS = re.compile(
    r"^(?:what|which)\s+(?:are\s+)?(?:the\s+)?(?:different\s+)?(?:ways|approaches|methods|techniques|"
    r"strategies)\b|" + _WAYS + "|"
    # "ways LLM agents are being used to automate ML research": the ways several groups use them.
    r"^(?:(?:what|which)\s+(?:are\s+)?)?(?:the\s+)?(?:different\s+|various\s+|main\s+)?ways\s+(?:that\s+|in\s+which\s+)?"
    r"(?:[\w/-]+\s+){1,5}?(?:are|is|have\s+been|get|gets)\s+(?:being\s+)?(?:used|applied|employed|leveraged|"
    r"adapted)\b|"
    # "why do some authors think X, and what do they propose?": several groups' views.
    r"\b(?:some|several|many|various|other|a\s+few)\s+(?:authors|papers|researchers|works|groups|teams|studies)\s+"
    r"(?:(?:seem|appear|tend)\s+to\s+(?=think|argue|believe|suggest|propose))?(?:think|argue|claim|say|find|found|report|believe|propose|suggest|consider)\b|"
    r"^how\s+(?:are|is)\s+(?:[\w/-]+\s+){1,4}?being\s+(?:used|applied|employed|leveraged|adapted)\b|"
    # "is there evidence here that small models beat big ones?", "what evidence is there that diversity matters?":
    # the evidence of the collection, one paper's finding each, not one abstract's sentences.
    r"^(?:is|was)\s+there\s+(?:any\s+)?evidence\b|\bwhat\s+evidences?\s+(?:is\s+there|are\s+there|do|does|did|have|"
    r"has)\b|\bwhat(?:['’]?s|\s+is)\s+the\s+evidence\s+(?:that|for|on)\b|"
    # "what does the corpus say about diversity mattering?": what the collection says, paper by paper.
    r"\bwhat\s+(?:does|do)\s+(?:the\s+|this\s+)?(?:corpus|collection|index|literature|abstracts|papers\s+here)\s+"
    r"(?:say|tell|show|report|suggest)\b|"
    # "does diversity actually help? which papers show it and how": the claim before, each paper's evidence for it.
    # "can models reason about what code does? Which works test that and how?": each work's way of testing it.
    r"\bwhich\s+(?:papers|works|studies)\s+(?:show|find|found|demonstrate|report|support|suggest)\s+(?:it|this|that)\b|"
    r"\bwhich\s+(?:papers|works|studies)\s+(?:test|tested|examine|study|studied|evaluate|probe|measure|check|look\s+at)\s+"
    r"(?:it|this|that)\s+and\s+how\b|"
    # "what did the papers find", "What have human-in-the-loop studies found about ...": a kind of study, in up to
    # three words, is still several studies.
    r"\bwhat\s+(?:do|did|have)\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}?(?:papers|studies|works|people|researchers|authors)"
    r"\s+(?:find|found|show|shown|report|reported|say|said|argue|suggest|conclude|recommend)\b|"
    # "What approaches do people here use to ...", "ways that papers use code to ...", "the methods here".
    # "how do completion models here use AST info?": any plural the collection holds, said with "here".
    rf"{_WAYS_OF_PEOPLE}|,\s*{_WAYS_OF_PEOPLE[1:]}|\b(?:people|folks|(?!(?:was|is|has|does|this|its|us|as|yes|plus)\b)"
    r"(?![\w-]*(?:ss|sis|us|ias|ics)\b)[a-z][\w-]*s)\s+here\b|"  # a plural: not "the analysis here", "a bias here"
    r"\b(?:across|these|the)\s+(?:[\w-]+\s+(?:/\s+)?){0,4}papers\b|\bacross\s+(?:the|these|all(?:\s+the)?)\s+(?:works|studies)\b|"
    r"\b(?:across|throughout)\s+(?:the|this|these)\s+(?:corpus|collection|index|library|abstracts)\b|" +
    _BODY_OF_WORK + "|" + _AGGREGATE.pattern, re.I)
# How a follow-up narrows an earlier list ("Which of them also ...?"): written by followups.py, read by listing.py.
NARROWING = " and also "


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", _PRONOUN_ONLY.sub(" ", text.lower()))
            if w not in {"tell", "me", "more", "about", "what", "does", "do", "is", "are", "how", "the", "a", "of",
                         "explain", "describe", "please", "and", "can", "you", "say", "else", "there", "anything"}]


# Words that ask for completeness or point at the collection, saying nothing about the topic.
_LIST_FILLER = re.compile(rf"\b(?:in here|here|in (?:this|the|our|my) {COLLECTION}|"
                          r"in any way|at all|"
                          # "bring up X anywhere in their abstract": where, not what
                          r"(?:anywhere\s+)?in\s+(?:their|its|the)\s+(?:abstracts?|titles?)|anywhere|"
                          r"please|specifically|actually|really|exactly|explicitly|truly|genuinely|"
                          r"in (?:any|some) (?:form|shape|way|role|capacity|sense)|of any kind|"
                          r"at least in part|in part|"
                          r"as (?:the|their|its) (?:main|primary|central|core) "
                          r"(?:object|focus|topic|subject|point|goal)|"
                          r"(?:something|anything)(?=\s+(?:on|about|for|with)\b))\b",
                          re.I)  # "reports something on HumanEval"


# A closing clause that only asks for the whole list ("list all of it please", "I want the full set").
_ALL_OF_IT = re.compile(
    r"^(?:(?:please|so)\s+)?(?:(?:list|give|show|name)(?:\s+me)?\s+(?:all|every|them|the full|the whole)|"
    # "can you give me all of them?"; not "can you list them?", which may ask for the things just said
    r"(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:list|give|show|name)(?:\s+me)?\s+(?:all|every|the full|"
    r"the whole)|"
    r"(?:i )?(?:want|need|.d like) (?:to see )?(?:the |a )?(?:full|whole|complete|entire|all|every(?:thing|\s+one)?)|"
    r"all of (?:it|them)|"
    r"the (?:full|whole|complete) (?:set|list)|list (?:the|those|these) (?:papers|ones|works))\b", re.I)
# After a list asked in full, what the asker says of themselves: the papers they know of already, what the list is
# for, a bare "others?".
_ASKERS_ASIDE = re.compile(
    r"^(?:(?:i|we)\s+(?:(?:can|could)\s+)?(?:only\s+)?(?:count|think\s+of|know\s+(?:of|about)|remember|recall|"
    r"(?:have|'ve)\s+(?:found|seen|got|read)|already\s+have|found|saw|read)\b|"
    r"(?:(?:i|we)\s+)?(?:want|need|making|preparing|building|planning|putting\s+together|writing|for)\s+(?:it\s+|them\s+|"
    r"this\s+)?(?:for\s+)?(?:a|an|the|my|our)\s+(?:[\w'-]+\s+){0,3}?(?:session|mini-session|reading\s+list|list|survey|"
    r"review|talk|section|subsection|thesis|slides?|deck|report|meeting|seminar|course|lecture|class|chapter|notes|"
    r"related[-\s]work)\b|"
    r"(?:any\s+)?(?:others|more|anything\s+else|anyone\s+else)\s*[?.!]*$)", re.I)
# After a list asked in full, a statement of what counts and what not ("plain HumanEval only, and skip ones that just
# borrow its problems.", "Passive usage logs wouldn't be enough for me.", "Passing mentions are fine here."): the
# topic is said already, and the words of a criterion are not what the papers are about.
# Not a narrowing said as one ("Only the ones proving theorems"): that is part of the topic.
_CRITERION_ASIDE = re.compile(r"^(?!(?:but\s+|and\s+)?only\s+(?:the\s+)?(?:ones|papers|works|studies|those)\b)"
                              r"(?![^?]*\b(?:which|what|who|how|where|when|why)\b)[^?]*\b(?:only|not|n['’]t|skip\w*|"
                              r"exclud\w*|ignor\w*|leave\s+out|enough|fine|ok(?:ay)?|counts?)\b[^?]*$", re.I)
# How the asker wants the list laid out: "One line each.", "Bullet list please.".
_LAYOUT_ASIDE = re.compile(r"^(?:(?:in\s+)?(?:a\s+)?(?:one\s+line\s+(?:each|per\s+paper)|"
                           r"bullet(?:ed)?\s+(?:list|points)|(?:short\s+)?table|short\s+list|titles?\s+only|"
                           r"just\s+(?:the\s+)?titles?)"
                           r"(?:\s+(?:please|pls|is\s+fine|would\s+be\s+great))?)[.!]*$", re.I)
# A bare "which ones?" after a topic that is a list already: "papers doing tree search - which ones do we have?".
_WHICH_ONES = re.compile(r"^(?:so\s+|and\s+)?(?:which\s+(?:ones|papers|submissions|subs|of\s+them)|"
                         r"which\s+(?:are|were)\s+(?:they|those|these|them))"
                         r"(?:\s+(?:do\s+we\s+have|are\s+there|"
                         r"qualify|fit|count|match|"
                         r"are\s+in\s+here|exist|have\s+we\s+got|are\s+in\s+(?:the|this|our)\s+\w+))?[\s?.!]*$", re.I)


# "Looking for work on agents that act on websites - which papers?", "X: any papers?", "I need papers about X.
# Which ones are there?": the topic first, the ask for papers after it ("which subs?", as a reviewer says).
_ASK_AFTER = re.compile(r"^(?P<topic>.+?)\s*[-–—:,.?]+\s*(?:so\s+)?"
                        r"(?:(?:which|what|any)\s+(?:of\s+(?:these|the|our)\s+)?"
                        r"(?:papers|ones|works|studies|"
                        r"submissions|subs)"
                        rf"(?:\s+{HERE})?"
                        r"(?:\s+(?:are there|exist|fit|match|qualify|do (?:that|this)|cover (?:that|this|it)))?|"
                        # "... the ones that build models for HPC. Which are those?"
                        rf"which\s+(?:ones\s+)?(?:are|were)\s+(?:those|they|these)(?:\s+{HERE})?)"
                        r"\s*[?.!]*$", re.I)
# "Running on small hardware like a laptop cpu — which papers care for this?": after a dash or colon (not a sentence:
# "CrossCodeEval gets criticised. Which papers address this?" asks for the criticism), the papers about what was said.
_ABOUT_IT_AFTER = re.compile(r"^(?![^.?!]*?\b(?:is|are|was|were|gets?|got|has|have|had|does|do|did|seems?|looks?|"
                             r"feels?)\b)"  # a claim ("HumanEval is contaminated — which papers mention this?")
                             r"(?P<topic>[^.?!]+?)\s*[-–—:]+\s*(?:so\s+)?(?:which|what|any)\s+"
                             rf"(?:papers|ones|works|studies)(?:\s+{HERE})?\s+(?:cover|address|discuss|mention|study|tackle|consider|"
                             r"care\s+(?:for|about)|deal\s+with|touch(?:\s+on)?|look\s+(?:at|into)|work\s+on|focus\s+on|"
                             r"talk\s+about)\s+(?:that|this|it)\s*[?.!]*$", re.I)
# After a lead-in ("I'm collecting"), words may describe the work ("empirical studies that ..."); without one they
# are the topic ("formal verification work on Rust").
_WORK_ON = re.compile(r"^(?:(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:(?:looking|searching)\s+for\s+|collecting\s+|"
                      r"(?:i|we)\s+(?:need|want)\s+|need\s+)(?:(?:any|some)\s+)?(?:[\w-]+\s+){0,2}?|"
                      r"(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:(?:just|only)\s+)?(?:(?:any|some|the)\s+)?)"
                      r"(?:work|papers?|research|studies|ones)\s+"
                      r"(?:on|about|that)\s+|^(?:anything|something|stuff)\s+(?:on|about)\s+", re.I)


# "Not the general-purpose code LLM papers; the ones that ...": the papers set aside, then those wanted.
_NOT_THOSE = re.compile(r"^not\s+(?:the\s+)?[^;:.]+?[;:.]\s+(?=(?:the\s+)?(?:ones|papers|works|studies)\s+"
                        r"(?:that|which|where)\b)", re.I)
_BULLET = re.compile(r"^[-–—*•]+\s+")
# "looking for RL applied to code tasks -- which papers?": what is looked for.
_LOOKING_FOR = re.compile(LOOKING_FOR, re.I)
# "I'd like every paper that cares about X", "we want all the papers where X".
_EVERY = r"(?:only|just|every|each|all(?:\s+of)?)\s+"
# "I need the full set of papers in here that ...": the whole list, said before the papers.
_FULL_SET = r"(?:the\s+)?(?:full|whole|complete|entire)\s+(?:set|list)\s+of\s+"
_NEED_PAPERS = re.compile(r"^(?:for\s+(?:my|our|a|an|the)\s+[^,.?!;]{0,70}?,?\s+)?(?:(?:i|we)(?:\s+(?:only\s+)?"
                          r"(?:need|want|would\s+like)|['’]d\s+like)|need|want|"
                          # "I'm trying to round up every paper that ...": the list is what they are after.
                          r"(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+trying\s+to\s+(?:round\s+up|find|collect|gather|"
                          r"compile|track\s+down|dig\s+up|list|get|pull\s+together))\s+"
                          rf"(?=(?:{_EVERY}|{_FULL_SET})?(?:the\s+)?(?:papers?|works?|studies)\s+(?:{HERE}\s+)?"
                          r"(?:where|that|which|in\s+which|whose|on|about|[a-z]+ing)\b)", re.I)
_LIST_OF_PAPERS_THAT = re.compile(r"^(?:(?:i|we)(?:\s+(?:should|would)|['’]d)\s+"
                                  r"(?:be\s+grateful\s+for|appreciate|like)|(?:i|we)\s+(?:need|want))\s+(?:a|an|the)\s+(?:full\s+|complete\s+|short\s+)?list\s+"
                                  rf"of\s+(?:the\s+)?(?:papers?|works?|studies)\s+(?:{HERE}\s+)?(?:that|which|who)\s+",
                                  re.I)
_ONLY_PAPERS = re.compile(rf"^(?:(?:{_EVERY}|{_FULL_SET})(?:the\s+)?(?:papers?|works?|stud(?:y|ies))\s+(?:{HERE}\s+)?"
                          r"(?:where|in\s+which|that|which|(?=whose|on\b|about\b|[a-z]+ing\b))|"
                          r"(?:papers|works|studies)\s+(?:that|which))\s*", re.I)
# "what are all the papers in the collection that tackle X?": which papers tackle X.
_WHAT_ARE_THE_PAPERS = re.compile(rf"^(?:what|which)\s+(?:are|were)\s+(?:all\s+)?(?:of\s+)?the\s+"
                                  rf"(?:papers|works|studies)\s+(?:{HERE}\s+)?(?:that|which|where|(?=on\b|about\b))\s*",
                                  re.I)
# "I count a few papers that ...", "we know of two works where ...": the asker's count, then the list.
_PAPERS_COUNTED = re.compile(r"^(?:i|we)\s+(?:count|see|know\s+of|found|remember|recall)\s+(?:only\s+)?"
                             r"(?:a\s+few|a\s+couple(?:\s+of)?|some|several|many|a\s+handful(?:\s+of)?|two|three|four|five|\d+)\s+(?:papers|works|"
                             r"studies)\s+(?:that|which|where|in\s+which)\s+", re.I)
# What the list is for, said first: "For the agents section of my related work, are there any papers where ...".
_PURPOSE_FIRST = re.compile(r"^(?:for|in|as\s+part\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}?(?:of\s+)?"
                            r"(?:my|our|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:session|reading\s+list|survey|review|talk|"
                            r"section|subsection|thesis|slides?|deck|report|seminar|course|lecture|chapter|notes|"
                            r"related[-\s]work|paper|proposal|grant|write-?up|draft)"
                            # "For a section of my report on release practices, ..."
                            r"(?:\s+(?:on|about)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*,\s*(?=(?:which|what|are\s+there|"
                      r"is\s+there|any|anything|list|name|can\s+you|could\s+you|i['’]d\s+like|i\s+(?:need|want)|who|"
                      r"did|has|have|kindly|please|would\s+you|i\s+(?:would|should)|i['’]d|we['’]d|"
                      r"it\s+would)\b)", re.I)
# "Insofar as efficiency of the resulting software is concerned, which papers ...", "With respect to openness, which
# ...": the frame the asker puts first, before a list.
_FRAME_FIRST = re.compile(r"^(?:(?:insofar|in\s+so\s+far|as\s+far)\s+as\s+(?P<frame>[^,;:?]{3,80}?)\s+(?:is|are)\s+"
                          r"concerned|(?:with\s+(?:respect|regard)\s+to|as\s+regards|regarding)\s+"
                          r"(?P<about>[^,;:?]{3,60}?))\s*,\s*"
                          r"(?=(?:which|what)\s+(?:of\s+(?:the|these)\s+)?(?:[\w-]+\s+){0,2}?(?:papers|works|studies)\b)",
                          re.I)
_POLITE = re.compile(r"^(?:(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+)?|please\s+|pls\s+)"
                     r"(?=(?:list|name|show|give|find)\b)|"
                     # "Could you enumerate every paper that ...": listed
                     r"^(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?enumerate\s+(?=(?:all|every|each|"
                     r"the)\b)|"
                     # "Please, can you tell me which papers ...": the question asked
                     r"^(?:please,?\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?|"
                     r"would\s+you\s+be\s+so\s+kind\s+as\s+to\s+)?(?:tell|show)\s+me,?\s+(?=(?:which|what)\b)|"
                     # "could you clarify which papers ...", "kindly indicate which works ...": the same, said formally
                     r"^(?:please,?\s+|kindly\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?|"
                     r"would\s+you\s+be\s+so\s+kind\s+as\s+to\s+)?"
                     r"(?:clarify|indicate|specify|identify|confirm|establish|let\s+me\s+know)\s+(?:(?:for|to)\s+me\s+)?"
                     r"(?=(?:which|what)\b)|"
                     rf"^(?:{_FORMAL_ASK})\s+(?=(?:which|what)\b)",
                     re.I)


def _fragment_list(text: str) -> str:
    """The topic of a list asked in fragments around it, read as "which papers ..." is; "" if it is none."""
    if not (said := fragment_topic(text)):
        return ""
    topic = re.sub(r"\s+(?:papers|works|studies)$", "", without_asking(said), flags=re.I)
    return list_topic(said) or list_topic(list_question(topic)) or topic


def list_question(topic: str) -> str:
    """The list question asking for a topic: "which papers use RL" keeps its verb; a bare subject ("llms for HPC
    code", "agents that act on websites") is what the papers are about."""
    return f"which papers {topic}" if _LIST_LEAD.match(f"{topic} ") else f"which papers are about {topic}"


# "a brand new benchmark", "a brand-new dataset": new, said louder.
_BRAND_NEW = re.compile(r"\bbrand[-\s]+new\b", re.I)
# A verb said with a particle, as the abstracts say it in one word: "put together a benchmark" (built), "come up with a
# method" (proposed), "put out a dataset" (released). The particle alone ("together") is in few abstracts.
# Only with what is made right after ("put together a benchmark", not "put together retrieval and RL" nor "put together
# the retriever and the generator", which join).
_MADE_NEXT = r"(?=\s+(?:a|an|new|brand|(?:their|its)\s+own)\b)"  # not "the outputs of several LLMs": joined
_PHRASAL_VERBS = ((re.compile(rf"\b(?:put|puts|putting)\s+together{_MADE_NEXT}", re.I), "build"),
                  (re.compile(r"\b(?:come|comes|came|coming)\s+up\s+with\b", re.I), "propose"),
                  (re.compile(rf"\b(?:put|puts|putting)\s+out{_MADE_NEXT}", re.I), "release"))


def _plain_verbs(topic: str) -> str:
    for phrasal, verb in _PHRASAL_VERBS:
        topic = phrasal.sub(verb, topic)
    return topic


def list_topic(text: str) -> str:
    """The topic of a "which papers ..." question, or "" when it is not one. In a question of several sentences or
    clauses ("I'm collecting HumanEval numbers. Which papers use HumanEval?", "Not Lean: which papers use F*?") the
    clause that asks for the list decides; said in one breath, the clause after a comma ("okay so code reasoning,
    which papers get a model to trace what a program does") does too. A topic that says nothing ("X: what methods
    are described and how do they work?") is none: the question asks the ways across papers."""
    text = YES_NO_TAIL.sub("", text)  # "any papers on Rust or nah?": the papers on Rust
    # "evolutionary search? CoEvo is obviously one, but I'm not sure which others belong": a remark after the ask,
    # when what comes before it asks for the list by itself.
    if (remark := _REMARK_AFTER.search(text)) and \
            (topic := _any_topic(_KIND_PAPERS_DOING.sub(_which_of_kind, text[:remark.start()]))):
        return "" if _SAYS_NOTHING.fullmatch(topic) else topic
    # "code completion papers using RL?", "completion papers reporting ROUGE-L?": papers of a kind, said as a fragment
    # with what they do; which of them do it. Read on the whole question: not when a question word asks something
    # else of them later, nor a claim checked ("..., right?").
    text = _KIND_PAPERS_DOING.sub(_which_of_kind, _which_makers(text))
    topic = _any_topic(text)
    if (restated := _RESTATED.search(topic)) and _POINTS_AT_A_GROUP.search(topic[:restated.start()]):
        topic = restated["what"]
    if (only := _ONLY_THE_ONES.search(topic)) and key_names(f"about {topic[only.end():]}") and \
            key_names(f"about {topic[:only.start()]}"):
        topic = f"{topic[:only.start()]}{NARROWING}{topic[only.end():]}"
    if _ANY_USE.search(text) and (named := _ANY_USE.sub(_kind_said_last, re.sub(r"\s*\?.*$", "", topic))) and \
            key_names(f"about {named}"):
        # "every paper that uses HumanEval somewhere - as eval, as a source of solutions, whatever", "touch miniF2F in
        # any way? either report numbers on it or ...": any use of the name counts; the ways said are examples.
        topic = named
    topic = _INCLUDE_ITS_MAKER.sub("", topic)
    # "HumanEval or its plus version": the name's variants are its uses (HumanEval+ is written as HumanEval's); a
    # variant of a name no abstract has is no list of something else ("HumanEval-X or its plus version").
    topic = _OR_ITS_VARIANT.sub(lambda m: m["name"] if key_names(f"about {m['name']}") else m[0], topic)
    if (built := _BUILT_ON_IT.search(topic)) and \
            len({n.lower().rstrip("+") for n in key_names(f"about {topic[:built.start()]}")}) == 1:
        # "HumanEval, or build something out of it", "MBPP, including whoever introduced it": making it or building
        # on it is a use of it.
        topic = topic[:built.start()]
    roles = _EVERY_ROLE.fullmatch(topic)
    if roles and not (_TRAINING_ROLE.search(said := topic[roles.end("name"):]) and _EVALUATION_ROLE.search(said)):
        roles = None
    if (roles := roles or _IN_EVALUATION.fullmatch(topic)) and \
            key_names(f"about {roles['name']}") == [roles["name"].strip()]:
        # "GSM8K for training or eval", "MBPP as training data or as a benchmark": a name alone, in a role for
        # training and one for evaluation, in whichever role, is any use of it ("for fine-tuning or pretraining" is
        # not); "MBPP in their evaluation": a benchmark's use, whatever sentence reports it.
        topic = roles["name"]
    topic = _WHOSE_ABSTRACT.sub("", topic)
    if (used := _USED_IN_ROLES.fullmatch(topic)) and key_names(f"about {used['name']}") == [used["name"].strip()]:
        # "where GPT-4o is used, either as base model or for evaluation": any use of the name, in whichever role
        # (the roles' words matched every abstract: 34 papers for a name none has)
        topic = used["name"]
    return "" if _SAYS_NOTHING.fullmatch(topic) else topic


# "every paper whose abstract mentions GSM8K": the papers mentioning it (every paper has one abstract).
_WHOSE_ABSTRACT = re.compile(r"^(?:whose|where\s+the|in\s+which\s+the)\s+(?:own\s+)?abstracts?\s+(?:(?:actually|"
                             r"explicitly|even)\s+)?(?:mentions?|names?|contains?|cites?|writes?|refers?\s+to|says?)\s+",
                             re.I)


# "HumanEval or its plus version", "SWE-bench or some variant of it" (its other side had matched 30 papers' "variant").
_OR_ITS_VARIANT = re.compile(r"(?P<name>[\w.+-]*[A-Z0-9][\w.+-]*)\s+or\s+(?:its|(?:some|a|any|one)(?:\s+other)?)\s+"
                             r"(?:[\w+-]+\s+)?(?:versions?|variants?|extensions?|successors?|derivatives?)\b"
                             r"(?:\s+(?:of|on)\s+(?:it|that|this|(?P=name)))?"
                             r"(?!\s+(?:like\s+|such\s+as\s+|e\.g\.\s+)?[\w.+-]*[A-Z0-9])")  # not "its extension X"
_BUILT_ON_IT = re.compile(r",?\s+(?:or|including)\s+(?:(?:build|built|derive|derived|make|made)\s+(?:(?:something|"
                          r"anything|stuff)\s+|(?:a|an|their|own)\s+[\w-]+\s+)?(?:out\s+of|on|from|upon)|"
                          r"(?:whoever\s+|the\s+(?:paper|one)\s+that\s+)?(?:introduced|created|proposed))\s+it\s*$")
# The roles a dataset or benchmark has in a paper; one for training and one for evaluation, joined by "or", name
# every use of it.
_ROLE = (r"(?:(?:the|a|an)\s+)?(?:training|fine-?tuning|pre-?training|evaluation|eval|evals|testing|benchmarking|"
         r"training\s+data|test\s+data|data|(?:a\s+)?benchmark|baselines?|seed\s+data)")
# "...? (Please) include the paper that originally introduced it.": the paper that made it uses it too.
_INCLUDE_ITS_MAKER = re.compile(r"\s*\?\s*(?:please\s+)?(?:also\s+)?include\s+(?:the\s+(?:paper|one|work)\s+"
                                r"(?:that\s+)?|whoever\s+)(?:originally\s+|first\s+)?(?:introduced|created|proposed|"
                                r"released)\s+it\s*[.!]*$", re.I)
_TRAINING_ROLE = re.compile(r"\b(?:training|fine-?tuning|pre-?training|data|seed)\b", re.I)
_EVALUATION_ROLE = re.compile(r"\b(?:evaluation|evals?|testing|benchmark(?:ing)?|test\s+data)\b", re.I)
_IN_EVALUATION = re.compile(r"(?P<name>.+?)\s+(?:in|for|during)\s+(?:(?:their|its|the)\s+(?:own\s+)?)?"
                            r"(?:evaluations?|evals?|experiments?|testing|benchmarking)", re.I)
# A model's roles besides a data set's: "used as base model or for evaluation", "as a judge or a baseline".
_USE_ROLE = (rf"(?:{_ROLE}|(?:(?:a|an|the|their|its)\s+)?(?:base\s+models?|backbones?|evaluators?|judges?|comparison|"
             r"teachers?|generators?|solvers?))")
_USED_IN_ROLES = re.compile(rf"(?:where|in\s+which)\s+(?P<name>.+?)\s+(?:is|are|was|were|gets?|got)\s+used\s*,?\s*"
                            rf"(?:either\s+|whether\s+)?(?:as|for|in)\s+{_USE_ROLE}(?:\s*(?:,|/|\bor\b|\band\b)\s*"
                            rf"(?:(?:as|for|in)\s+)?{_USE_ROLE})+", re.I)
_EVERY_ROLE = re.compile(rf"(?P<name>.+?)\s+(?:for|in|as)\s+(?:either\s+)?{_ROLE}"
                         rf"(?:\s*(?:,|/|\bor\b|\band/or\b|,\s*or\b)\s*(?:(?:for|in|as)\s+)?{_ROLE})+", re.I)


# Not before a condition ("somewhere other than HumanEval", "anywhere except as a baseline").
_ANY_USE = re.compile(r"(?:\s*\b(?:somewhere|anywhere|in\s+(?:any|some|one)\s+(?:way|form|capacity|role)|"
                      r"one\s+way\s+or\s+another)\b(?!\s+(?:other\s+than|except|but|besides|apart|outside|beyond|"
                      r"else)\b)|"
                      # "HumanEval, be it for reporting results or building a dataset": the ways are examples
                      r"\s*,\s*(?:be\s+it\s+(?:for|as|in|by|through)|whether\s+(?:they|it))\b).*$", re.I)


def _kind_said_last(match: re.Match[str]) -> str:
    """What is left of the topic after "somewhere ...": the kind of paper said last ("in theorem-proving", which
    "which theorem-proving papers" gives it), or nothing."""
    kind = re.search(r"\s+in\s+(?:the\s+)?[\w/-]+(?:\s+[\w/-]+){0,3}$", match[0])
    return kind[0] if kind else ""


# "X vs. Y: give me the first group, i.e. every paper that introduces a new code completion benchmark": the ask said
# again plainly, after "i.e." or "in other words", is the topic.
# What a topic said before the restatement must be no topic of its own: "give me the first group", "X vs. Y".
_POINTS_AT_A_GROUP = re.compile(r"\b(?:first|second|former|latter|other)\s+(?:group|one|kind|set|category|bucket|"
                                r"camp)\b|\bvs\.?(?!\w)|\bversus\b", re.I)
_RESTATED = re.compile(r"(?:\bi\.\s?e\.|\bthat\s+is|\bin\s+other\s+words|\bnamely),?\s+(?:every|all|any|the|those)?\s*"
                       r"(?:papers?|ones?|works?|studies)\s+(?:that|which|who|where)\s+(?P<what>[^?]+)$", re.I)
# "Lean? Just the ones that actually work with Lean proofs": the list, narrowed as a follow-up narrows one, when the
# narrowing names what it keeps and the list named what it was of. "Only those that build their own benchmark" says
# again what was asked; a list of papers described ("formal theorem proving? Just the ones that use Lean") would
# lose the papers its own bar left out, so both stay one topic.
_ONLY_THE_ONES = re.compile(r"\s*[?.!]\s+(?:but\s+|and\s+)?(?:just|only)\s+(?:the\s+)?"
                            r"(?:ones|papers|works|studies|those)\s+(?:(?:that|which|who)\s+)?(?=\w)", re.I)


# A sentence of four words or more after the list's question mark; not the ask going on ("or ...") nor a narrowing
# of it ("Only the ones proving theorems").
_REMARK_AFTER = re.compile(r"\?\s+(?!(?i:or|and|only|just|specifically|especially|particularly|preferably|ideally|"
                           r"not|but|excluding|except|which|what|those|these|ones|also|including|include|plus|with|"
                           r"without|that|whose|any|both|either|none|no)\b)"
                           # nor a narrowing said along the way ("Checking for ones that also use HumanEval.", "Please
                           # include the paper that introduced it"), nor examples ("mpi, openmp, fortran, that world"):
                           # what the asker says of themselves ("mostly interested in the data side")
                           r"(?![^?]*\b(?i:ones|those|also|includ\w*|exclud\w*|leav\w*|skip\w*|except|only)\b)"
                           r"(?![^?]*,[^?]*,)(?=(?:\S+\s+){3,}\S)")


# "which provers report miniF2F numbers?", "which agents use WebArena?": what a paper builds, said for the papers that
# build one, and doing something. Not "which agents does X test?", which asks for the things themselves, nor "what
# frameworks use ...?", the ways several papers go about it.
_WHICH_MAKERS = re.compile(r"^(which)\s+((?:[\w-]+\s+){0,2}?(?:prover|agent|tool|solver|assistant|planner))s\s+"
                           r"(?![^?]*\b(?:highest|lowest|best|worst|most|least|top|above|below|over|under|more\s+than|"
                           r"less\s+than|beat|outperform\w*)\b)(?=\S)", re.I)


def _which_makers(text: str) -> str:
    """"which provers report X" as "which prover papers report X", when a list's verb follows (see _WHICH_MAKERS)."""
    if (match := _WHICH_MAKERS.match(text)) and _LIST_LEAD.match(text[match.end():]) and \
            not re.match(r"(?:which|what|how|do|does|did|are|is|the|a|an|on|in|about|for|from|of|with|at|by)\b",
                         text[match.end():], re.I):
        return f"{match[1]} {match[2]} papers {text[match.end():]}"
    return text


def _which_of_kind(match: re.Match[str]) -> str:
    kind = match["kind"]
    # The question's capital is no name's ("Code completion papers using RL?" is "code completion").
    if kind[:1].isupper() and kind.split()[0][1:].islower():
        kind = kind[:1].lower() + kind[1:]
    return f"which {kind}papers "


# A list topic of no content words: "are described", "have been proposed", "exist".
_SAYS_NOTHING = re.compile(r"(?:(?:are|is|were|was|have\s+been|has\s+been|gets?|got)\s+)?(?:described|proposed|used|"
                           r"presented|discussed|tried|mentioned|covered|introduced|out\s+there|there|available)|"
                           r"exists?|"
                           # "which papers belong there?": where the asker put them, said before
                           r"belongs?(?:\s+(?:there|here|in\s+it))?|fit|qualify|"
                           # "which papers make that case?": what was said before
                           + MAKE_THAT_CASE, re.I)


def _any_topic(text: str) -> str:
    if topic := _topic_of(text):
        return topic
    if (asked := _asked_as_list(text.strip())) != text.strip():
        return _topic_of(asked)
    spoken = _EITHER_ONE.sub("", _SPOKEN_FILLER.sub(" ", text).strip(" ,"))  # "..., yeah undergrad or grad, either"
    if (ask := _COMMA_ASK.search(spoken)) is None or re.search(r"\b(?:19|20)\d\d\b", spoken[:ask.start()]):
        return ""  # "In 2023, which papers ...": a limit said first is read where the filters are
    # In one breath, a word pointing back points at what was just said or inside the ask ("deep seek, which papers
    # build on a deep seek model as their base, fine-tune it ..."), which the words of the ask already carry.
    if topic := _topic_of(f"{spoken[:ask.start()]}. {spoken[ask.end():]}"):
        return topic
    topic = _list_topic(spoken[ask.end():].rstrip("?.! "))
    named = key_names(f"about {spoken[:ask.start()]}")  # a fragment: its first word is no sentence start
    return re.sub(r"\bit\b", named[0], topic) if len(named) == 1 else topic


_ACTIVE = {"used": "use", "applied": "apply", "evaluated": "evaluate on", "studied": "study", "discussed": "discuss",
           "mentioned": "mention", "proposed": "propose", "introduced": "introduce", "reported": "report",
           "addressed": "address", "tested": "test on", "benchmarked": "evaluate on"}
# "..., either one", "..., any of the three is fine": the alternatives said again.
_EITHER_ONE = re.compile(r",\s*(?:(?:yeah|so)\s+)?(?:either(?:\s+one)?|all\s+of\s+(?:it|them)|"
                         r"any\s+of\s+(?:them|these|those|the\s+\w+)"
                         r"(?:\s+(?:is|are)\s+fine)?|whichever|both)\s*(?=[?.!]*$)", re.I)

# "..., LLM-driven or classic", "...? both the LLM-driven kind and the evolutionary kind": which kinds count (all of
# them), said after the topic.
_KIND = (r"(?:[\w-]+-(?:driven|based|powered|guided|style)|classic(?:al)?|traditional|conventional|neural|symbolic|"
         r"formal|informal|theoretical|empirical|open|closed|manual|automatic|automated|human|synthetic|evolutionary|"
         r"genetic|statistical|heuristic)")
_A_KIND = rf"(?:the\s+)?{_KIND}(?:\s+(?:kind|ones?|type|sort|variety))?"
_EITHER_KIND = re.compile(rf"[,.?!]\s*(?:(?:either|both)\s+)?{_A_KIND}\s+(?:or|and)\s+{_A_KIND}"
                          r"(?:\s+(?:alike|both|either|too))?\s*[.!]*$", re.I)

# What is said to fill a pause: "okay so", "um,", "right,", "you know".
_SPOKEN_FILLER = re.compile(rf"(?:^|(?<=,))\s*(?:(?:okay|ok|so|{PAUSE_SOUNDS}|right|yeah|well|alright|you\s+know)\b"
                            r"[\s,]*)+", re.I)
# The ask after a comma, with what it is about before it.
_COMMA_ASK = re.compile(r",\s+(?:so\s+|and\s+|then\s+)?(?=(?:which|what)\s+(?:of\s+(?:the|these)\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:papers|ones|works|studies|references|documents)\b)", re.I)


# Lists asked without "which papers": each shape, and the "which papers ..." question it asks. Kept to shapes that
# ask for papers (anybody, anything, any abstracts, anywhere, in which abstracts, name them), or a kind of work
# opening a request with no question word ("Methods that pick among candidates by running them").
_TOPIC_END = r"\s*[?.!]*$"
_NO_FIGURE_OR_SECOND_ASK = r"(?![^?]*\bhow\s+(?:many|much)\b)(?![^?]*,?\s+and\s+(?:which|what|how|who|where|when)\b)"
_LIST_ASKS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # "Any paper working with C or C++ code?", "is there any paper that uses Game of 24?": whichever do.
    # Not a figure asked ("any paper that says how many parameters AlphaCode has?") nor a second ask after it.
    (re.compile(r"^(?:is\s+there\s+)?any\s+(?:paper|work|study|article)\s+(?:(?:in\s+)?here\s+)?"
                rf"{_NO_FIGURE_OR_SECOND_ASK}"
                r"(?P<topic>(?:(?:that|which)\s+|[a-z]+ing\s+|(?:on|about)\s+)\S.*?)" + _TOPIC_END, re.I),
     "which papers {}"),
    # "Any paper here where a smaller model does part of the work?": the papers where it happens.
    (re.compile(r"^(?:is\s+there\s+)?any\s+(?:paper|work|study|article)\s+(?:(?:in\s+)?here\s+)?(?:where|in\s+which)\s+"
                rf"{_NO_FIGURE_OR_SECOND_ASK}(?P<topic>\S.*?)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "Has anybody here looked at Isabelle?", "has anyone worked on X?"
    (re.compile(r"^(?:has|have|did)\s+any(?:one|body)\s+(?:here\s+|in\s+here\s+)?(?:looked|worked|written)\s+"
                r"(?:at|on|about)\s+(?P<topic>(?!(?:that|this|it)\b).+?)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "Humans giving feedback - has anybody looked at that?", "X: where is that discussed?", "X - is that raised
    # anywhere?", "Turing completeness - where does it come up?", "o1 and o3 - are they mentioned in any of these?"
    (re.compile(r"^(?P<topic>.+?)\s*[-–—:,.?]+\s*(?:(?:has|have|did)\s+any(?:one|body)\s+(?:here\s+)?(?:looked\s+at|"
                r"worked\s+on|covered|studied)\s+(?:that|this|it|them)|where\s+(?:is|are|does|do)\s+(?:that|this|it|they)\s+"
                r"(?:discussed|covered|mentioned|come\s+up|comes\s+up|appear|show\s+up)(?:\s+in\s+(?:this|the)\s+\w+)?|"
                r"(?:is|are)\s+(?:that|this|it|they)\s+(?:raised|discussed|covered|mentioned|studied)\s+"
                r"(?:anywhere|in\s+any\s+(?:of\s+)?(?:these|the\s+\w+|papers|abstracts))|"
                r"what['’]?s\s+here|what\s+(?:do\s+we|do\s+you)\s+have|list\s+out\s+everything\s+touching\s+(?:that|it|them)|"
                r"show\s+me\s+what\s+you['’]?ve\s+got(?:\s+on\s+(?:that|it))?)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "hpc code models list", "evo search ones", "RL for code papers": a search-box topic, then what is wanted.
    (re.compile(r"^(?!(?:what|which|how|who|why|when|where|is|are|does|do|did|can|has|have|any|need|show|give|list|"
                r"find|name)\b)(?P<topic>(?:(?!\b(?:that|which|where|who|across)\b)[^?]){3,60}?)"
                r"(?:\s*,?\s*(?:every|all(?:\s+the)?))?\s+"
                r"(?:papers|paper\(s\)|ones|list|works)(?:\s+(?:pls|plz|please))?"
                # "hpc code papers — mpi, openmp, fortran etc": examples of the topic after a dash, asking nothing more
                r"(?:\s+[-–—:]+\s+(?![^?]*\b(?:what|which|how|who|why|when|where|does|do|did|is|are|can)\b)"
                r"(?:(?:e\.g\.,?|like|such\s+as|including)\s+)?(?![^?]*\b(?:no|not|without|except|excluding)\b)"
                r"(?P<examples>[^?,]{1,30}(?:,[^?,]{1,30})+|[^?,]{1,60}?\s+etc\.?))?" + _TOPIC_END, re.I),
     lambda m: f"which papers are about {m['topic']}" + (f", e.g. {m['examples']}" if m["examples"] else "")),
    # "isabelle anything?", "HPC code - any papers?", "tree search, anyone?": a topic, then whether anything is on it.
    (re.compile(r"^(?!(?:what|which|how|who|why|when|where|is|are|does|do|did|can|has|have)\b)(?P<topic>[^?]+?)\s*"
                r"[-–—:,]?\s*(?:anything|any\s+(?:papers?|work|studies)|anyone|anybody)(?:\s+(?:here|on\s+(?:that|it)))?"
                + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "code efficiency - is there anything beyond ENAMEL?", "HPC code models - is it just MPIrigen or are there
    # others?": the papers on it, the one the asker knows of among them.
    (re.compile(r"^(?P<topic>.+?)\s*[-–—:,.?]+\s*(?:(?:is|are)\s+there\s+)?(?:anything|any\s*(?:one|body|thing)|"
                r"any\s+(?:others?|more|other\s+(?:papers?|works?|ones))|others?)\s+(?:else\s+)?(?:beyond|besides|"
                r"other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?)\s+[^?,;]+?" + _TOPIC_END + "|"
                r"^(?P<topic_one>.+?)\s*[-–—:,.?]+\s*is\s+it\s+(?:just|only)\s+[^?,;]+?\s*,?\s+or\s+(?:are|is)\s+there\s+"
                r"(?:any\s+)?(?:others?|more|other\s+(?:papers|ones|works))" + _TOPIC_END, re.I),
     lambda m: f"which papers are about {(m['topic'] or m['topic_one']).strip(' ,')}"),
    # "new tokenizer for code, any paper proposing one?", "X - papers evaluating that?", "X - by whom?", "tree search
    # for code gen, every paper pls": a topic, then who is on it.
    (re.compile(r"^(?!(?:what|which|how|who|why|when|where|is|are|does|do|did|can|has|have)\b)(?P<topic>[^?]+?)\s*"
                # "X. list pls": a sentence, then the list asked for it
                r"(?:[-–—:,]+|\.(?=\s*list\b))\s*(?:(?:any\s+)?papers?\s+(?:that\s+)?[a-z]+\s+(?:one|ones|it|them|that|this|"
                r"those)|by\s+whom|(?:every|all(?:\s+the)?)\s+papers?(?:\s+(?:pls|plz|please))?|"
                r"list(?:\s+(?:them|please|pls))*)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "Are there position papers or vision pieces in here?", "... mixed in?": the papers of that kind.
    (re.compile(r"^are\s+there\s+(?:any\s+)?(?P<topic>(?!(?:any|papers|works|studies|others?)\b)[^?]+?\s+(?:papers|"
                rf"pieces|studies|works))(?:\s+{HERE})?(?:\s+(?:mixed\s+in|in\s+the\s+mix|included))?" + _TOPIC_END,
                re.I),
     "which papers are about {}"),
    # "Is it only OMPGPT, or are there other OpenMP papers?": the same, asked the other way round.
    (re.compile(r"^is\s+it\s+(?:just|only)\s+[^?,;]+?\s*,?\s+or\s+(?:are|is)\s+there\s+(?:any\s+)?(?:other|more)\s+"
                r"(?P<topic>.+?)\s+(?:papers|works|ones|studies)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "SWE-bench shows up in which abstracts?", "turing completeness gets mentioned in which abstracts"
    (re.compile(r"^(?P<topic>.+?)\s+(?:(?:shows?|comes?)\s+up|(?:gets?|is|are)\s+(?:mentioned|discussed|covered|"
                r"raised|cited))\s+in\s+which\s+(?:abstracts|papers|works)" + _TOPIC_END, re.I),
     "which papers mention {}"),
    # "MultiPL-E results reported by which papers?", "HumanEval used in which works?": the papers doing it.
    (re.compile(rf"^(?P<topic>[^?]+?)\s+(?:(?:is|are|was|were|gets?|got)\s+)?(?P<verb>{'|'.join(_ACTIVE)})\s+"
                r"(?:by|in)\s+which\s+(?:papers|works|studies|abstracts)" + _TOPIC_END, re.I),
     lambda m: f"which papers {_ACTIVE[m['verb'].lower()]} {m['topic'].strip(' ,')}"),
    # "copilot mentioned where? list pls", "where is Copilot discussed?": the papers doing it.
    # (Not "where is X evaluated?": on what, of one paper's X.)
    (re.compile(r"^(?P<topic>[^?]+?)\s+(?:(?:is|are|gets?|got)\s+)?(?P<verb>mentioned|discussed|studied)\s+where\b|"
                r"^where\s+(?:is|are|does|do)\s+(?P<topic_w>[^?]+?)\s+(?:get\s+)?(?P<verb_w>mentioned|discussed|studied)"
                r"(?:\s+(?:here|in\s+(?:these|the)\s+(?:papers|abstracts)))?\s*(?:\?|$)", re.I),
     lambda m: f"which papers {_ACTIVE[(m['verb'] or m['verb_w']).lower()]} "
               f"{(m['topic'] or m['topic_w']).strip(' ,')}"),
    # "Is ChatGPT itself put to the test anywhere?", "Is the AST used or discussed by any paper here?"
    (re.compile(r"^(?:is|are)\s+(?P<topic>.+?)\s+(?P<verb>used|discussed|covered|mentioned|studied|raised|evaluated|"
                r"tested|put\s+to\s+the\s+test)(?:\s+or\s+\w+)?\s+(?:anywhere|by\s+any\s+(?:paper|work|abstract)s?|"
                r"in\s+any\s+(?:of\s+(?:the|these)\s+)?(?:paper|abstract|work)s?)(?:\s+here)?\b", re.I),
     "which papers are about {}"),
    # "Do any of the abstracts talk about X?", "does any paper evaluate X?"
    (re.compile(r"^(?:do|does)\s+any\s+(?:of\s+(?:the|these)\s+)?(?:abstracts?|papers?|works?|studies)(?:\s+here)?\s+"
                r"(?P<topic>.+?)" + _TOPIC_END, re.I), "which papers {}"),
    # "Find me work on X", "Show me anything on X", "Got anything where ...", "Can I get the work that ...", "I want
    # to see the ones that ...", "Could you point me to the papers that ..."
    (re.compile(r"^(?:(?:could|can|would)\s+you\s+(?:please\s+)?)?"
                r"(?:(?:find|show|give|get)\s+me|point\s+me\s+(?:to|at|towards)|got|(?:can|could)\s+i\s+(?:get|see|have)|"
                r"i\s+want\s+to\s+see)\s+"
                r"(?:(?:any|all|the|some)\s+)?(?:work|papers?|stuff|anything|everything|ones)\s+"
                r"(?:(?:that|which)\s+)?(?P<topic>(?:on|about|where|in\s+which|with|\w+)\s+.+?)" + _TOPIC_END, re.I),
     "which papers {}"),
    # "How many abstracts mention GSM8K? Name them."
    (re.compile(r"^how\s+many\s+(?:papers|abstracts|works|studies)\s+(?P<topic>.+?)\?\s*(?:name|list)\s+them"
                + _TOPIC_END, re.I), "which papers {}"),
    # "Who reports results on MBPP or MBPP+?", "Results on CrossCodeEval"
    (re.compile(r"^(?:who\s+reports?\s+)?(?P<topic>(?:results|numbers|scores)\s+(?:on|for)\s+.+?)" + _TOPIC_END, re.I),
     "which papers report {}"),
    # "Methods that generate several programs and pick by running them", "Benchmarks designed to be refreshed",
    # "Everything built on evolutionary search", "Anything shipped on Hugging Face"
    # (Ways and systems said so are a question across papers: "frameworks where one LLM delegates subtasks?".)
    (re.compile(r"^(?!(?:would|could|should|can|will|does|do|did|is|are|was|were|how|why|what|which|who|when|where)\b)"
                r"(?![^?]*\b(?:across|show\s+up|come\s+up|used\s+(?:in|by))\b)"  # which benchmarks: an aggregation
                r"(?!.*\b(?:which|what|how|who|why)\b)"  # a request, not a named paper before a question
                # "Looking for studies that examine ...": who looks is no part of what is looked for.
                rf"(?:need:\s*)?(?:{LOOKS_FOR}\s+)?"
                r"(?P<topic>(?:(?:[\w-]+\s+){0,2}?(?:benchmarks|datasets|models|work|studies|agents|tools)\s+"
                r"(?:that|which|where|for|designed|built|trained|introduced|released|about)|(?:everything|anything)\s+"
                r"(?:built|shipped|evaluated|released|based|trained))\b.+?)" + _TOPIC_END, re.I),
     "which papers are about {}"),
    # "In which works the MBPP benchmark is used?", "In which abstracts is mentioned X?": which works use it.
    (re.compile(rf"^in\s+which\s+(?:papers|works|studies|articles|abstracts)\s+(?:"
                rf"(?:is|are|was|were)\s+(?P<verb_first>{'|'.join(_ACTIVE)})\s+(?P<after>.+?)|"
                rf"(?:is|are|was|were)\s+(?P<asked>.+?)\s+(?P<verb>{'|'.join(_ACTIVE)})|"
                rf"(?P<before>.+?)\s+(?:is|are|was|were|gets?|got)\s+(?P<verb_last>{'|'.join(_ACTIVE)}))"
                rf"\b" + _TOPIC_END, re.I),
     lambda m: f"which papers {_ACTIVE[(m['verb_first'] or m['verb'] or m['verb_last']).lower()]} "
               f"{(m['after'] or m['asked'] or m['before']).strip(' ,')}"),
]


def _asked_as_list(text: str) -> str:
    """A list asked without "which papers" said as "which papers ..."; the text itself otherwise."""
    for shape, question in _LIST_ASKS:
        if not (match := shape.match(text)):
            continue
        if callable(question):
            return question(match)
        if topic := _WONDERING.sub("", match["topic"].strip(" ,")):
            return question.format(topic)
    return text


# "I keep wondering whether the code LLMs write is fast - show me what you've got on that": the asker's musing, not
# the topic.
_WONDERING = re.compile(r"^(?:i(?:\s+(?:keep|kept|was|am|always)|['’]m)?\s+wonder(?:ing|ed)?|"
                        r"i\s*(?:['’]m|\s+am)\s+curious)\s+(?:about\s+)?(?:whether\s+|if\s+)?", re.I)


def _named_it(topic: str, before: str = "") -> str:
    """The topic without the words standing for what it says itself: an "it" or "its" for the one name said before
    it in the topic ("SWE-bench, including sets carved out of it", "HumanEval or its plus version, or build something
    out of it", "MBPP (or MBPP+), including whoever introduced it": a name and its variants are one), and "they" of
    the papers saying something ("say they release their model"), or doing something past the topic's first words
    ("the constraint they're optimizing against"), when the topic says again what was said `before` it: all its
    names and some of its words ("GSM8K is the MNIST of math. Which papers report a score for a model they trained?"
    asks about GSM8K; "Small models are cheap. Which papers claim they match GPT-4?" about the small models). None
    of them points at anything earlier."""
    def one_named(match: re.Match[str]) -> str:
        names = {n.lower().rstrip("+") for n in key_names(f"about {topic[:match.start()]}")}
        return "" if len(names) == 1 else match[0]

    topic = re.sub(r"\bit\b|\bits(?=\s+(?:\w+\s+)?(?:version|variants?|successors?|subsets?|splits?|extensions?|"
                   r"derivatives?|predecessors?|translations?)\b)", one_named, _DUMMY_IT.sub("", topic))
    # What a sentence before says, or a label's names and plurals ("For the open-science point:" says nothing "they"
    # could stand for).
    said = key_names(f"about {before}") or _PLURAL.search(before) or (before and not re.search(r"[:–—-]\s*$", before))
    if said and (any(n.lower() not in topic.lower() for n in key_names(f"about {before}")) or
                 not set(tokenize(" ".join(long_words(before, CHATTER)))) & set(tokenize(topic))):
        return topic  # "I only care about theorem proving. Which papers report a model they trained?"
    return _THEY_LATER.sub(r"\1", _SAYS_THEY.sub(r"\1", topic))


# An ask for papers said again after "i.e.", "that is", "in other words".
_ASK_RESTATED = re.compile(r",\s+(?:i\.e\.|that\s+is|in\s+other\s+words),?\s+"
                           r"(?=(?:which|what)\s+(?:papers|works|studies|abstracts)\b)", re.I)
# A plural a later "they" may stand for ("process reward models", "small models").
_PLURAL = re.compile(r"\b[a-z][a-z-]{2,}(?<![su]s)(?<!\bthi)(?<!\bwa)(?<!\bha)(?<!\bit)(?<!\bi)s\b")
# "which papers say they release ...", "claim that they beat GPT-4": "they" are the papers asked for.
_SAYS_THEY = re.compile(r"\b((?:say|says|said|claim|claims|state|states|report|reports|show|shows|argue|argues)"
                        r"\s+(?:that\s+)?)they\b", re.I)
# "... as the constraint they're optimizing against": "they" past the topic's first words, in a clause of its
# own, are the papers too; at its start ("do they cite ...") it points back.
_THEY_LATER = re.compile(r"^((?:\S+\s+){2,}?.*?\b)they(?:['’]re|['’]ve|\s+are|\s+were|\s+have)?\b", re.I)
# "what it costs to run", "how long it takes": an "it" standing for nothing.
_DUMMY_IT = re.compile(r"\bit\s+(?=(?:costs?|takes?|took)\b)", re.I)


def _asks_a_list(text: str) -> bool:
    """Whether the text asks for a list in any of its shapes: "which papers X", "X - which papers", "X, list please"."""
    return bool(_list_topic(text) or _ASK_AFTER.match(text) or _ABOUT_IT_AFTER.match(text) or
                _list_topic(_asked_as_list(text).rstrip("?.!:; ")))


def _says_no_topic(topic: str) -> bool:
    """Whether a list topic says nothing of its own: "them", ""; not "SWE-bench" ("list every paper here that reports
    anything on SWE-bench" after a sentence about it)."""
    return len(topic.split()) < 2 and not key_names(f"about {topic}")


def _paper_kind(words: str, lower_first: bool = False) -> str:
    """The kind of papers the words before "papers" say ("benchmark", "HPC"), less those that say none ("prior", "two
    or three"); "" when none is left. `lower_first`: the question's capital is no name's ("Benchmark papers ...")."""
    kept = [w for w in words.split() if w.lower() not in _NOT_A_KIND | {"or"} and not w.isdigit()]
    if lower_first and kept and kept[0][1:].islower():
        kept[0] = kept[0].lower()
    return " ".join(kept)


# "benchmark papers that report GPT-4o numbers": papers of a kind, then what they do.
_KIND_PAPERS_THAT = re.compile(r"^(?P<kind>(?:[\w-]+\s+){1,3}?)papers\s+(?:that|which)\s+(?P<rest>\S.*)$", re.I)


# Two dashes around examples: a comma between them, no ask among them.
_DASHED_EXAMPLES = re.compile(r"(?<!\d)\s+[-–—]+\s+(?P<examples>(?![^-–—?]*\b(?:which|what|how|who|not|no)\b)"
                              r"[^-–—?()]*?,[^-–—?()]*?)\s+[-–—]+\s+(?!\d)"
                              # nor the aside of a lead-in before the ask ("Quick question - sorry, long day - which")
                              r"(?!(?:which|what|how|who|whose|where|when|why|are|is|do|does|did|can|could|would|any|"
                              r"list|name|give|show|tell)\b)", re.I)


def _topic_of(text: str) -> str:
    # "can you list the papers that ...": the list asked; "- which papers ...": a bullet is no part of it; nor is
    # what is said to fill a pause ("um so which papers ...", "... search you know like ...").
    from rag.text.spoken import without_opening_filler

    text = _BULLET.sub("", _EITHER_KIND.sub("", _EITHER_ONE.sub("", text.strip())))
    text = re.sub(r",?\s+you\s+know\b,?", "", without_opening_filler(text), flags=re.I)
    text = _without_exclusions(_POLITE.sub("", _PURPOSE_FIRST.sub("", text)))
    # "for my review I need ONLY papers where X", "only papers that X": which papers X.
    text = _ONLY_PAPERS.sub("which papers ", _NEED_PAPERS.sub("", text))
    # "name two papers that ...", "give me one example of a paper whose ...", "what's a good paper to assign on X":
    # the papers that do; any of them is an example.
    text = _GOOD_PAPER_ON.sub("which papers are about ", _COUNT_AFTER.sub("", text))
    text = _EXAMPLES_ASKED.sub("which papers ", text)
    # "who fine-tunes StarCoder? (i only remember one of them)": an aside after the ask says nothing of the topic.
    text = re.sub(r"(?<=\?)\s*\([^()]*\)\s*$", "", text)
    # Not when the topic before is a list question itself ("which papers X. which ones qualify?").
    if (asked_after := _ASK_AFTER.match(text) or _ABOUT_IT_AFTER.match(text)) and \
            not _LIST_PATTERN.match(asked_after["topic"]):
        topic = _LOOKING_FOR.sub("", _WORK_ON.sub("", _PAPERS_COUNTED.sub("", _NOT_THOSE.sub(
            "", asked_after["topic"].strip()))))
        # An aside in brackets may point anywhere ("(not just cite it)").
        if kind := _KIND_PAPERS_THAT.match(topic):
            # "Benchmark papers that report GPT-4o numbers — which ones?": which of those papers do it; "Two or
            # three papers that use GSM8K — which ones?": how many the asker expects is no kind.
            text = f"which {' '.join([*_paper_kind(kind['kind'], lower_first=True).split(), 'papers'])} {kind['rest']}?"
        elif topic and not TOPIC_REFERS_BACK.search(re.sub(r"\([^()]*\)", "", topic)):
            # "work that applies RL to X": what the papers do, as said; "agents that act on websites": what about.
            text = f"{list_question(topic)}?"
    if (restated := _ASK_RESTATED.search(text)) and key_names(f"about {text[restated.end():]}") and \
            not re.search(r"\bthere\b", text[restated.end():], re.I) and \
            not re.search(r"\b(?:papers|works|studies|abstracts)\b", text[:restated.start()], re.I):
        # "What's downstream of Codex here, i.e. which papers name Codex at all?": the ask said plainly, when it names
        # what it is about ("i.e. which papers use the model?" points back, and is no list of its own; nor is "... on
        # miniF2F, i.e. which papers report surpassing GPT-4 there?"); and not when the first clause asks for papers
        # itself ("Which papers beat GPT-4 on miniF2F, that is, which report a higher score than GPT-4?").
        text = text[restated.end():]
    # "data from a deployed tool - telemetry, online A/B, usage logs etc - rather than ...": examples set off by two
    # dashes are an aside, as in brackets; not a clause of their own.
    text = _DASHED_EXAMPLES.sub(lambda m: f" ({m['examples']}) ", text)
    # An aside in brackets is one clause, whatever stops it holds ("in Lean (Lean 4 counts; a mention does not)").
    text = re.sub(r"\([^()]*\)", lambda m: re.sub(r"[;:]", ",", m[0]), text)
    # "i'm looking for X - which papers build those?": a dash between clauses parts them too.
    popped = ""
    clauses = [_BULLET.sub("", c.strip())
               for c in re.split(r"(?<=[.?!:;])(?<!e\.g\.)(?<!i\.e\.)\s+|(?<!\d)\s+[-–—]+\s+(?!\d)", text)
               if c.strip(" -–—*•")]
    # "list every paper where X." is the ask itself, not a wish for all of it.
    while len(clauses) > 1 and ((_ALL_OF_IT.match(clauses[-1]) and
                                 _says_no_topic(_list_topic(clauses[-1].rstrip("?.!:; ")))) or (
            (_WHICH_ONES.match(clauses[-1]) or _ASKERS_ASIDE.match(clauses[-1]) or
             _CRITERION_ASIDE.match(clauses[-1]) or _LAYOUT_ASIDE.match(clauses[-1])) and
            _asks_a_list(text[:text.rfind(clauses[-1])].rstrip("?.!:;,-–— ")))):
        # "... ? I want the full set.", "papers doing tree search, ... - which ones do we have?", "...? i count
        # deepseek-prover and maybe 2 others. making the reading list"
        popped = clauses.pop()
        text = text[:text.rfind(popped)].rstrip(" ,-–—")
    if popped and _ASK_AFTER.match(text) and (topic := _topic_of(text)):
        return topic  # "synthetic training data for code models - which papers? not the math ones"
    text = " ".join(clauses).rstrip("?.!:; ")
    whole = _list_topic(text)
    if not whole and (popped or len(clauses) == 1):
        # "Are there position papers in here? Please list them.": the ask before the closing one, in any list shape;
        # "X, list please; single-agent setups don't count": the ask, what it leaves out set apart.
        whole = _list_topic(_asked_as_list(text).rstrip("?.!:; "))
    if not whole and len(clauses) == 1 and _ALL_OF_IT.match(popped) and bare_label(text) and \
            len(text.split()) <= _PHRASE_BEFORE + 4:
        # "RL for code (generation, completion, ...) - need all of them": a label, then the whole list of it asked.
        return text
    if whole or len(clauses) == 1:
        return whole
    for i, clause in enumerate(clauses):
        # A later clause may ask as a first one does: "... I'd like a list of the papers that fall into that category."
        clause = _LIST_OF_PAPERS_THAT.sub("which papers ", clause) if i else clause
        # The first clause may ask in any of the list shapes: "Are there position papers in here? List them; ..."
        topic = _list_topic(clause.rstrip("?.!:; ")) or \
            (_list_topic(_asked_as_list(clause).rstrip("?.!:; ")) if i == 0 and clause.endswith("?") else "")
        # What was wanted, past a clause that only sets things aside ("... - no Lean proofs. which ones?").
        said = next((c for c in clauses[i - 1::-1] if not _SETS_ASIDE.match(c)), "") if i else ""
        if i and (that_one := _THAT_ONE.fullmatch(topic)) and len(before_it := _named_just_before(clauses[:i])) == 1:
            # "Also MBPP - the 'mostly basic' Python problems set. which papers use that one?": the name said just
            # before, or the one the words just before describe.
            return f"{that_one['verb']}{before_it[0]}{that_one['rest'] or ''}"
        if i and (one := _ONE.fullmatch(topic) or _BARE.fullmatch(topic)) and \
                (wanted := _WANTED.sub("", said).strip(" .?!:;")):
            # "I'm looking for benchmarks for repo-level completion. Which papers introduce one?", "empirical studies
            # of ChatGPT - which ones are in here?"; "Are any of the benchmarks here dynamic, and which papers are
            # those?": the benchmarks that are, "are" no deed of theirs.
            verb = "" if _COPULA.fullmatch(one["verb"] or "") else one["verb"] or ""
            return f"{verb}{_EXISTS_ASKED.sub(lambda m: m['kind'] or '', wanted)}"
        if i and (pointed := _POINTED.fullmatch(topic)) and _WANTED.match(clauses[i - 1]) and \
                (wanted := _WANTED.sub("", clauses[i - 1]).strip(" .?!:;")):
            # "I'm interested in judging each step of a solution. Which papers deal with that, e.g. process rewards?"
            return f"{wanted}{pointed['examples'] or ''}"
        if i and _DOING_THAT.fullmatch(topic) and \
                len((before := _SPOKEN_FILLER.sub(" ", clauses[i - 1]).strip(" ,.?!:;")).split()) >= 2:
            # "computers finding new formulas for constants. Which papers do that?": what came before.
            return _EXISTS_ASKED.sub(lambda m: m["kind"] or "", _FOR_A_TALK.sub("", _WANTED.sub("", before)))
        # "what a program does when it runs": "it" is the program, said just before.
        # An aside in brackets points at the topic itself ("fine-tune StarCoder (as opposed to just mentioning it)").
        # "who actually tested their completion work ...": "their" is the papers' own.
        if topic and not REFERS_BACK.search(_WITHIN.sub(" ", re.sub(r"\([^()]*\)|\btheir\b", "",
                                                                    _named_it(topic, " ".join(clauses[:i]))))):
            return topic
        # A word for a whole field ("AI tests are rigged") is nothing an "it" the topic's own clause is about points
        # at ("say that it's meant to stop leaks").
        subject_it = _SUBJECT_IT.search(topic) is not None
        if i and topic and re.search(r"\b(?:papers|works|studies)\b|^who\b", clause, re.I) and \
                len(named := [n for n in _names_of(clauses[i - 1]) if not (subject_it and is_generic(n))]) == 1 and \
                not REFERS_BACK.search(unpointed := re.sub(r"\bit\b", named[0], topic)):
            # "HumanEval shows up everywhere - which papers use it or a variant of it?": it is the one name before
            # ("I read DotaMath. Which ones extend it?" asks about DotaMath).
            return unpointed
        if i and topic and subject_it and re.search(r"\b(?:papers|works|studies)\b", clause, re.I) and \
                (field := _names_of(clauses[i - 1])) and all(is_generic(n) for n in field):
            # "AI tests leak. Which papers build a benchmark and say that it's meant to stop leaks?": "it" is what
            # the topic itself names (the benchmark), not the field said before.
            return topic
        if i and topic and (pointed := _POINTS_BACK_ONCE.fullmatch(topic)) and clauses[i - 1][-1:] not in ".?!;" and \
                (before := clauses[i - 1].strip(" .?!:;-–—")) and len(before.split()) <= _PHRASE_BEFORE and \
                bare_label(before) and not REFERS_BACK.search(before):
            # "completion acceptance rate as a metric: which completion papers report it?", "evolutionary algorithms
            # - who relies on them for search?": what was just said as a label (before a colon or a dash), a phrase
            # with no ask of its own; a sentence before ("I read DotaMath.") is no such label.
            return f"{pointed['verb']}{before}{pointed['rest'] or ''}"
    return ""


# A list topic pointing back once, at the start: "report it", "relies on them for search".
_POINTS_BACK_ONCE = re.compile(r"(?P<verb>(?:[\w-]+\s+){0,3}?)(?:it|them|that|this|those|these)(?P<rest>\s+[^,;]*)?",
                               re.I)
_PHRASE_BEFORE = 8  # words a phrase said before the ask may have
# How the asker stresses the deed: "who actually tested ...", "who here explicitly builds ...".
_REALLY = r"(?:actually|really|explicitly|specifically)"
_SETS_ASIDE = re.compile(r"^(?:but\s+|and\s+)?(?:no|not|without|excluding|except|skip)\b", re.I)


# What a list leaves out is no part of its topic: "... for math reasoning? formal proof checkers like Lean don't
# count", "... - code-only releases don't count", "(informal word problems, not lean proofs)", "-- not model
# inference speed".
_EXCLUDING_CLAUSE = re.compile(r"(?:(?<=[.?!;])|\s+[-–—]+)\s+(?:(?!\s[-–—]+\s)[^.?!;])*"
                               r"\b(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|won['’]?t|"
                               r"shouldn['’]?t|should\s+not)\s+count\b[^.?!;]*[.?!;]?", re.I)
# A clause that sets papers aside or restates the ask: "- exclude ones that merely mention Lean in passing.",
# "? exclude formal proof checkers like Lean", "- I mean learned judges only".
_SET_ASIDE_CLAUSE = re.compile(r"(?:\s+[-–—]+|(?<=[.?!;])(?<!e\.g\.)(?<!i\.e\.)|"
                               r",(?=\s+(?:and\s+)?(?:please\s+)?(?:exclud|leave|skip|ignor|omit)))"
                               r"\s+(?:but\s+|and\s+)?(?:please\s+)?(?:exclud(?:e|ing)|"
                               r"except(?:\s+for)?|leav(?:e|ing)\s+out|skip(?:ping)?|ignor(?:e|ing)|omit(?:ting)?|not\s+counting|"
                               r"(?:i|we)\s+(?:don['’]?t|do\s+not)\s+want|(?:i|we)\s+mean)\b[^.?!;]*?"
                               r"(?=\s+[-–—]+\s+|[.?!;]|$)", re.I)
_NOT_ITEM = re.compile(r"(?:^|,)\s*(?:but\s+|and\s+)?(?:not|no|without)\s+(?!(?:just|only|merely|simply)\b)[^,]*",
                       re.I)
_NOT_TAIL = re.compile(r"\s*(?:[,;]|\s[-–—]+)\s*(?:but\s+)?not\s+(?!(?:just|only|merely|simply)\b)[^,;:.?!()]*,?", re.I)


def _without_exclusions(text: str) -> str:
    text = _BESIDES_LAST.sub("", _SET_ASIDE_CLAUSE.sub("", _EXCLUDING_CLAUSE.sub("", text)))

    def kept(bracket: re.Match[str]) -> str:
        inside = _NOT_ITEM.sub("", bracket[1]).strip(" ,")
        return f"({inside})" if inside else ""

    text = re.sub(r"\(([^()]*)\)", kept, text)
    return _NOT_TAIL.sub("", text).strip()


def _names_of(clause: str) -> list[str]:
    return list(dict.fromkeys(names_in(clause)))


# "that it's meant to ...": "it" as the subject of a clause inside the topic.
_SUBJECT_IT = re.compile(r"\bthat\s+it(?:['’]s|\s+(?:is|was))\b", re.I)
# "use that one", "report numbers on this set": one thing named before.
_THAT_ONE = re.compile(r"(?P<verb>(?:[\w-]+\s+){0,3}?)(?:that|this)\s+(?:one|set|benchmark|dataset|suite)"
                       # not "that one sample per problem isn't enough": "one" there counts what follows
                       r"(?P<rest>\s+(?:for|in|on|as|to|from|with|and|or|but|instead|too|either|at|when|while|"
                       r"anywhere|here)\b[^,;]*)?", re.I)
# Words describing what was just named, said after it: "MBPP - the 'mostly basic' Python problems set."
_APPOSITIVE = re.compile(r"^(?:the|a|an)\s+(?!(?:[\w'’-]+\s+){0,6}?(?:is|are|was|were|has|have|does|do)\b)", re.I)


def _named_just_before(clauses: list[str]) -> list[str]:
    """The names of the clause before the ask; past an appositive describing a name ("the OpenAI function-completion
    set", whose head is a common noun: "OpenAI" only says whose), the names of the one before it. A word for a whole
    field ("AI") names nothing."""
    at = len(clauses) - 1
    head = re.split(r"[,.;:!?]", clauses[at], maxsplit=1)[0].strip(" '\"’”")
    if at >= 1 and _APPOSITIVE.match(clauses[at]) and re.search(r"(?<![\w-])[a-z]+(?:-[a-z]+)*$", head):
        at -= 1
    return [n for n in _names_of(clauses[at]) if not is_generic(n)]


# "Which papers introduce one?": the thing wanted is in the sentence before ("I'm looking for X.").
_ONE = re.compile(r"(?P<verb>(?:[\w-]+\s+){0,2}?)(?:(?:a|an)\s+)?(?:one|ones|some|any|such|those|these|them|"
                  r"(?:such|those|these)\s+(?:benchmarks?|datasets?|models?|papers?|works?|methods?|tools?))", re.I)
_WITHIN = re.compile(r"\b(?:when|while|as|if|before|after|once|until|whether)\s+(?:it|they)\b|"
                     r"\b(?:each\s+other|one\s+another)\b|"
                     r"\bits\s+own\b", re.I)  # "have the model fix its own mistakes": the model's, said in the clause
_FOR_A_TALK = re.compile(r"^(?:this|it)(?:\s+is|['’]s)\s+for\s+(?:a|an|my|our|the)\s+[\w\s-]{1,30}?,\s*", re.I)
_DOING_THAT = re.compile(r"(?:do|does|did|cover|covers|try|tries|tackle|tackles|look\s+at|looks\s+at|work\s+on|"
                         r"works\s+on|deal\s+with|deals\s+with|address|addresses|handle|handles)\s+(?:that|this|it)"
                         r"(?:\s+(?:kind|sort|type)\s+of\s+[\w-]+)?|"  # "covers that kind of agent"
                         # "which papers fall into that category?", "the papers that fit this description"
                         r"(?:fall|falls)\s+(?:into|under|within)\s+(?:that|this)\s+(?:category|group|class|bucket|kind)|"
                         r"(?:fit|fits)\s+(?:that|this|the)\s+(?:description|category|bill)|"
                         r"(?:belong|belongs)\s+to\s+(?:that|this)\s+(?:category|group|class)", re.I)
_POINTED = re.compile(r"(?:that|this|it)(?P<examples>,?\s+(?:e\.g\.,?|like|such\s+as|including|for\s+example,?)\s+.+)?",
                      re.I)
# Kinds of work a question may ask for papers about: "any multi-agent LLM frameworks?", "any benchmarks that ...".
_WORK_KINDS = r"(?:frameworks|systems|methods|approaches|techniques|tools|benchmarks|datasets|models|agents)"
# "which ones was that?": the ones just described.
_COPULA = re.compile(r"(?:are|is|were|was)\s+", re.I)
# Whether there are any, asked before "which papers are those?": "(To what extent) are any of the benchmarks here
# designed to be dynamic" describes the benchmarks that are.
_EXISTS_ASKED = re.compile(r"^(?:to\s+what\s+extent\s+)?(?:are|is|were|was|do|does|did|has|have)\s+(?:there\s+)?"
                           r"(?:any|some)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?P<kind>[\w-]+)(?:\s+here)?\b|"
                           # "Some papers build their own Lean dataset. Which ones are they?"
                           r"^(?:some|several|a\s+few|many)\s+(?:papers|works|studies)\s+(?:here\s+)?(?=\w)|"
                           # "To what extent has the HPC community produced its own models? ... the papers that fall
                           # into that category": the community that has
                           r"^to\s+what\s+extent\s+(?:has|have|do|does|did|is|are|was|were)\s+(?:the\s+)?(?=\w)", re.I)
_BARE = re.compile(r"(?P<verb>)(?:are|is|exist|there are|are there|was (?:that|it)|were (?:they|those|these)|"
                   r"are (?:they|those|these))", re.I)
_WANTED = re.compile(r"^(?:so\s+)?(?:i'?m|i am|we'?re|we are)\s+(?:looking for|after|searching for|interested in|"
                     r"thinking (?:about|of))\s+|"
                     # "I'm not after code translation in general, only C-to-Rust": what is wanted is after "only".
                     r"^(?:so\s+)?(?:i'?m|i am|we'?re|we are)\s+not\s+(?:looking for|after|interested in)\s+"
                     r"[^,;]+?,?\s+(?:but\s+)?(?:only|just)\s+(?:in\s+)?|"
                     r"^(?:i|we)(?:\s+(?:need|want|would like|remember|recall|search|(?:am|are)\s+searching)|"
                     # "I'd like to cite studies that ran ...": what they did
                     rf"['’]d\s+like)\s+(?:{TO_CITE_PAPERS})?", re.I)


# "What approaches are there for X, across the papers?": the ways, said to span the papers.
_WAYS_ACROSS = re.compile(r"^(?:what|which)\s+(?:[\w-]+\s+)?(?:approaches|ways|methods|techniques|strategies)\b.*\b"
                          r"across\s+(?:the|these|all(?:\s+the)?)\s+(?:papers|works|studies|corpus|collection)\b", re.I)


# A kind of papers opening a fragment, then what they do: "code completion papers using RL?", "theorem proving papers
# with Lean". The kind is one to three words that ask nothing themselves. Only "papers": "X works with Y?" asks whether
# X works.
_KIND_PAPERS_DOING = re.compile(
    r"^(?!(?:what|which|how|who|whom|why|when|where|do|does|did|is|are|was|were|can|could|should|would|will|has|have|"
    r"had|the|these|those|this|that|any|all|some|list|show|give|find|get|other|more|most|best|recent|new|my|our|"
    r"your|their|its|both|either|neither|each|every|two|three|several|many|few|no|such|need|want|name|cite|"
    r"recommend|suggest|i|we|pls|please|ok|okay|so|hey|just|also|only|and|or|but|looking|searching|good|key)\b)"
    r"(?P<kind>(?:[\w-]+\s+){1,3}?)papers\s+"
    r"(?=(?:[a-z]+ing|with|on|about|in|for|from|that|which|where)\b)(?!.*\b(?:what|which|how|who|why|when|where)\b.*\S)"
    r"(?!.*,\s*(?:right|correct|no|yes|true|yeah)\b\W*$)", re.I)


def _list_topic(text: str) -> str:
    if re.match(_WAYS_OF_PEOPLE, text, re.I) or re.match(_WAYS, text, re.I) or _WAYS_ACROSS.match(text):
        return ""  # "what approaches do people use to X", "what approaches make X cheaper": the ways, across papers
    # "Every paper that releases ...", "I count a few papers that train code models with RL": which papers do, in
    # whichever clause it is said.
    text = _WHAT_ARE_THE_PAPERS.sub("which papers ", text)
    text = _ONLY_PAPERS.sub("which papers ", _PAPERS_COUNTED.sub("which papers ", text))
    # "is there a paper here on X?": the list of papers on X, which may be empty.
    text = re.sub(r"^(?:is|are)\s+there\s+(?:an?|any)\s+(?:paper|work|study|article)s?(?:\s+here|\s+in\s+(?:the|this)"
                  r"\s+(?:index|collection|corpus))?\s+(?=(?:on|about|that|which|where|using|with)\b)", "which papers ",
                  text, flags=re.I)
    text = re.sub(r"^(?:(?:any|are there any|are there|is there any|is there)\s+)?(?:papers|works?|studies|"
                  r"research|readings|articles|publications|literature)\s+|^(?:is\s+there\s+)?(?:anything|something|stuff)\s+(?:(?:in\s+)?here\s+|in\s+(?:the|this)\s+(?:index|"
                  r"collection|corpus)\s+)?(?=(?:using|on|about|that|with|touching|involving|related|around|regarding|"
                  r"concerning|mentioning|covering)\b)", "which papers ", text, flags=re.I)
    # "did anyone use SWE-bench or something derived from it?", "has any paper evaluated on APPS?", "does anything
    # here touch SWE-bench?": which papers did.
    # "did anybody put a dollar figure on X?": whatever they did, which papers did it.
    # Not "has anyone shown that X?": what the evidence says, across papers.
    text = re.sub(r"^(?:did|has|have|does|do)\s+(?:any\s*one|anybody|someone|somebody)(?:\s+here)?\s+"
                  r"(?!(?:here|looked|worked|written)\b)(?![a-z]+\s+(?:that|whether|if|out)\b)(?=[a-z])",
                  "which papers ", text, flags=re.I)
    text = re.sub(r"^(?:did|has|have|does|do)\s+(?:any\s*one|anybody|anything|any\s+(?:papers?|works?|stud(?:y|ies)))"
                  r"(?:\s+here|\s+in\s+(?:the|this)\s+(?:index|collection|corpus))?\s+"
                  r"(?=(?:use|used|evaluate|evaluated|test|tested|appl(?:y|ied)|report|reported|work(?:ed)?\s+with|"
                  r"build|built|run|ran|benchmark|benchmarked|release|released|introduce|introduced|propose|proposed|"
                  r"tr(?:y|ied)|touch|mention|cite|discuss)\b)", "which papers ", text, flags=re.I)
    # "what got released on Hugging Face?", "what's been put on HF": which papers released something there.
    text = re.sub(r"^what(?:['’]s|\s+has|\s+have|\s+is|\s+was|\s+were)?\s+(?:been\s+|got\s+|gets\s+|get\s+)?"
                  rf"(?:released|put|published|made\s+available|uploaded)\s+(?=(?:on|via|at|to)\s+(?:the\s+)?"
                  rf"{HUGGING_FACE}\b)", "which papers released something ", text, flags=re.I)
    # "which papers describe their own system as multi-agent?", "call their method a verifier", "pitch themselves as a
    # multi-agent framework": the papers on what they call it.
    # Not "position themselves as a benchmark for X": what kind of paper each is, as asked plainly.
    text = re.sub(r"\b(?:describe|call|present|frame|bill|label|pitch|position|market|brand)(?:e?s)?\s+"
                  r"(?:(?:their|its)\s+(?:own\s+)?(?:system|method|approach|framework|work|model|tool|agent|"
                  r"contribution)s?\s+(?:as\s+)?|(?:themselves|itself)\s+as\s+"
                  r"(?!(?:an?\s+|the\s+)?(?:new\s+)?(?:[\w-]+\s+)?(?:benchmark|dataset|corpus|report|survey|study|"
                  r"evaluation|position\s+paper)s?\b))(?:an?\s+|being\s+)?",
                  "are about ", text, flags=re.I)
    # "papers whose experiments involve SWE-bench": the papers involving it in their experiments.
    text = re.sub(r"\bwhose\s+(?P<part>experiments|evaluations?|results|training\s+data)\s+"
                  r"(?P<verb>involve|use|include|cover|rely\s+on)\s+(?P<what>[^?:;,(]+)",
                  r"\g<verb> \g<what> in their \g<part>", text, flags=re.I)
    # "papers whose main contribution is evaluating X": the papers evaluating X.
    text = re.sub(r"\bwhose\s+(?:main\s+|primary\s+|key\s+|core\s+|central\s+)?(?:contribution|focus|goal|aim|"
                  r"subject|topic|point)s?\s+(?:is|are|was|were|lies\s+in)\s+", "", text, flags=re.I)
    # "who's using LLMs to make code faster?", "who is working on X": the papers that do it; "who releases X?" too.
    text = re.sub(rf"^who(?:\s+{HERE})?(?:'s|’s|\s+is|\s+are|\s+else\s+is)\s+(?:{_REALLY}\s+)?(?=[\w-]+ing\b)",
                  "which papers are ", text, flags=re.I)
    # "Who here does real theorem-proving work in Lean?": which papers here do; "here" says it is not people.
    text = re.sub(rf"^who\s+(?:else\s+)?{HERE}\s+(?:{_REALLY}\s+)?(?:does|do)\s+(?=\w)", "which papers do ", text,
                  flags=re.I)
    # "who here explicitly builds X?", "who actually tested X with real developers?": the papers that did too.
    # A deed in the past only with a word saying the papers' own ("who actually tested ..."): "who curated the
    # problems?" asks for people, "who evaluated more models, A or B?" compares.
    text = re.sub(rf"^(?i:who)\s+(?:else\s+)?(?:{HERE}\s+)?(?:(?:{_REALLY}|also|even)\s+)?"
                  r"(?=(?!is\b|was\b|has\b|does\b|needs\b|wants\b)[a-z][\w-]+s\b"
                  r"(?!\s+(?:the\s+|a\s+)?(?:higher|lower|better|worse|bigger|smaller|larger|greater|faster|slower|"
                  r"stronger|weaker|more|less|fewer|best|most|worst|least)\b))|"
                  rf"^(?i:who)\s+(?:else\s+)?(?:{HERE}\s+)?{_REALLY}\s+(?=[a-z][\w-]+[^e]ed\b)", "which papers ", text)
    # "Which report their own numbers on HumanEval?": a verb right after "which" asks which papers do it; not "which
    # reports the higher success rate, A or B?".
    text = re.sub(r"^which\s+(?=(?:report|use|evaluate|test|propose|introduce|build|train|fine-tune|release|apply|"
                  r"study|target|measure|compare|tackle|address)s?\s+(?!of\b)(?!(?:the\s+)?(?:\w+er|more|less|fewer|"
                  r"best|most|worst|least)\b))", "which papers ", text, flags=re.I)
    # "what here covers that kind of agent?", "anything here built for HPC code?": which papers here do.
    text = re.sub(r"^(?:what|anything|something)\s+(?:here|in\s+here)\s+(?=[a-z][\w-]+(?:s|ed|t)\b)", "which papers ",
                  text, flags=re.I)
    # "where does RL actually get used to train something code-related here?": which papers here use it so. Only
    # with "here": "where is the verifier used?" asks where in a paper.
    if re.search(rf"\b{HERE}\b", text, re.I):
        text = re.sub(rf"^where\s+(?:does|do|is|are)\s+(?P<what>.+?)\s+(?:{_REALLY}\s+)?(?:gets?\s+|being\s+)?"
                      r"(?P<verb>used|applied)\b", lambda m: f"which papers {_ACTIVE[m['verb'].lower()]} {m['what']}",
                      text, flags=re.I)
    # "Any abstracts here that give a dollar cost ...?": which papers do.
    text = re.sub(r"^(?:any|are\s+there\s+any)\s+(?:papers|works|studies|abstracts)\s+(?:(?:in\s+)?here\s+)?"
                  r"(?:that|which)\s+", "which papers ", text, flags=re.I)
    # "what's in here on X?", "what do you have on X?": the papers about it.
    text = re.sub(r"^(?:what(?:['’]s|\s+is)\s+(?:there\s+|(?:in\s+)?here\s+|"
                  r"in\s+(?:the|this)\s+(?:index|collection|corpus)\s+)|"
                  r"what\s+(?:do|did)\s+(?:we|you)\s+have\s+(?:(?:in\s+)?here\s+)?|what\s+have\s+(?:we|you)\s+got\s+)"
                  r"(?:on|about|regarding|covering)\s+", "which papers are about ", text, flags=re.I)
    # "Do we have anything on X?", "have we got papers about X?": the papers about it.
    text = re.sub(r"^(?:(?:do|did)\s+(?:we|you)\s+have|have\s+(?:we|you)\s+got|(?:we|you)\s+have)\s+"
                  r"(?:anything|something|any\s+(?:papers?|work|studies)|papers)\s+(?:(?:in\s+)?here\s+)?"
                  r"(?:on|about|regarding|covering)\s+", "which papers are about ", text, flags=re.I)
    # "In what papers the LLM is solving math problems?": the papers where it is.
    # Not "In which works the MBPP benchmark is used?" (the passive shape of _LIST_ASKS).
    text = re.sub(r"^in\s+(?:what|which)\s+(?:papers|works|studies|abstracts)\s+(?=(?:the|a|an|they|llms?|models?)\b)"
                  r"(?!.*\b(?:is|are|was|were|gets?|got)\s+\w+ed\W*$)",
                  "which papers where ", text, flags=re.I)
    # "which of these touch SWE-bench?", with nothing before it: these are the indexed papers.
    # Not "which of those 16 subjects ...": a count of something else the papers hold.
    text = re.sub(r"^which\s+of\s+(?:these|those|the\s+(?:papers|works|studies|abstracts))(?!\s+\d)"
                  r"(?:\s+(?:papers|works|studies|abstracts))?(?:\s+(?:here|in\s+(?:the|this)\s+(?:index|collection|corpus)))?\s+",
                  "which papers ", text, flags=re.I)
    # "Show me papers that use Lean", "List me the papers which are treating X": which papers do.
    text = re.sub(r"^(?:show|give|find|list|name)\s+me\s+(?:all\s+|every\s+)?(?:the\s+)?(?:papers|works|studies)\s+"
                  r"(?:(?:that|which)\s+|(?=(?:where|whose|on|about|using|with)\b))", "which papers ", text, flags=re.I)
    text = " ".join(_LIST_FILLER.sub(" ", text).split())
    # "any automl papers in here?": the papers about it.
    # "any code completion papers that use live users?", "any RL papers using Lean?": which such papers do it.
    text = re.sub(r"^(?:are\s+there\s+)?any\s+((?!of\b|other\b|more\b)(?:[\w-]+\s+){1,3}?)"
                  r"(?=(?:papers|works|studies)\s+(?:that|which|where|with|using|on|about)\b)", r"which \1", text,
                  flags=re.I)
    # "any multi-agent LLM frameworks (several agents with roles)?": the papers about such things.
    text = re.sub(r"^(?:are\s+there\s+|is\s+there\s+)?any\s+((?!of\b)(?:[\w-]+\s+){1,3}?)(?:papers|works|"
                  r"studies)$", r"which papers are about \1", text, flags=re.I).strip()
    text = re.sub(rf"^(?:are\s+there\s+)?any\s+((?!of\b|other\b|more\b)(?:[\w-]+\s+){{1,4}}?{_WORK_KINDS}"
                  r"(?:\s*\([^()]*\))?)$", r"which papers are about \1", text, flags=re.I).strip()
    # "code completion papers that take data from real developers", "list the code completion works that ...":
    # which such papers do it.
    text = re.sub(r"^(?:(?:list|name|show|give|find)(?:\s+me)?\s+(?:all\s+|every\s+)?(?:the\s+)?|"
                  r"(?!(?:the|these|those|most|some|many|all|both|few|several|other|such|no|our|my|their|which|what|"
                  r"any|are|is|do|does|did|how|why|when|where|who|need|want|find|get|show|give|list|name)\b))"
                  r"((?!(?:the|all|every|each|these|those|of|me)\b)(?:[\w-]+\s+){1,3}?)(?:papers|works|studies)\s+"
                  r"(?=(?:that|which|where|whose)\b)",
                  r"which \1papers ", text, flags=re.I)
    # "I would be grateful for a list of the works which ...": which papers; "Which works, broadly construed, employ
    # ...": an aside between commas after the papers asked for says nothing of what they do.
    # "Need a list of the papers that ...", "list of papers re: SWE-bench": the same.
    text = re.sub(r"^(?:(?:i\s+would\s+be\s+grateful\s+for|i\s+would\s+appreciate|i['’]d\s+appreciate|"
                  r"(?:(?:i|we)\s+)?(?:need|want)|give\s+me|show\s+me)\s+)?(?:a|the)?\s*"
                  r"(?:full\s+|complete\s+)?list\s+of\s+(?:the\s+|all\s+(?:the\s+)?)?(?:papers|works|studies)\s+"
                  r"(?:(?:which|that)\s+|(?=(?:re:?|regarding|concerning|about|on)\s))", "which papers ", text,
                  flags=re.I)
    text = re.sub(r"^which\s+papers\s+(?:re:?|regarding|concerning)\s+", "which papers are about ", text, flags=re.I)
    text = re.sub(r"^(which\s+(?:of\s+the\s+[\w-]+\s+)?(?:papers|works|studies))\s*,\s*[^,?]{3,80}?,\s*", r"\1 ", text,
                  flags=re.I)
    # "(I wonder whether) you could point me to the papers in this collection that ...": which papers.
    text = re.sub(r"^(?:(?:i\s+wonder|i['’]m\s+wondering)\s+)?(?:(?:whether|if)\s+)?(?:you\s+)?(?:could|can|would)\s+"
                  r"(?:you\s+)?(?:please\s+)?point\s+(?:me|us)\s+to\s+(?:the\s+|all\s+(?:the\s+)?)?(?:papers|works|studies)\s+"
                  rf"(?:(?:in\s+)?here\s+|in\s+(?:this|the)\s+{COLLECTION}\s+)?(?:that|which)\s+", "which papers ",
                  text, flags=re.I)
    # "I need a reading list on X", "give me the benchmarks whose tasks ...": the papers about it.
    text = re.sub(r"^(?:(?:i|we)\s+(?:need|want|would\s+like)\s+|(?:i|we)['’]d\s+like\s+)(?:a\s+|an\s+)?(?:short\s+)?"
                  r"(?:reading\s+list|list|overview|survey|roundup)\s+(?:of\s+(?:the\s+)?(?:papers|work)\s+)?(?:on|about|of)\s+",
                  "which papers are about ", text, flags=re.I)
    text = re.sub(r"^(?:give|show|list|name)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?((?:[\w-]+\s+)?(?:benchmarks|datasets)"
                  r"(?:\s*/\s*\w+)?\s+(?:whose|that|which|where)\b)", r"which papers are about \1", text, flags=re.I)
    # "any benchmarks that keep themselves fresh?": the papers about such things.
    text = re.sub(rf"^(?:are\s+there\s+)?any\s+((?:[\w-]+\s+){{0,2}}?{_WORK_KINDS}\s+"
                  r"(?:that|which|where|for|to|with)\b)", r"which papers are about \1", text, flags=re.I)
    # "anyone using Isabelle at all?": which papers are.
    text = re.sub(r"^(?:is\s+)?any\s*one\s+(?=\w+ing\b)", "which papers are ", text, flags=re.I)
    text = years_up_front(text)
    # "every paper that studies X", "who here works on X": the verb, not a noun for papers ("which studies ...").
    text = re.sub(r"^which\s+papers\s+(stud)ies\b|^which\s+papers\s+(work)s\b", lambda m: f"which papers "
                  f"{'study' if m[1] else 'work'}", text, flags=re.I)
    kind = ""
    if modified := _MODIFIED_LIST.match(text):  # "Which code completion papers evaluate with real users?"
        kind = " ".join(w for w in modified["kind"].split() if w.lower() not in _NOT_A_KIND)
        asked = re.sub(r"^(?:that|which)\s+", "", modified["topic"], flags=re.I)  # "code completion papers that X"
        text = f"{modified['head']} papers {asked}"
    match = _LIST_PATTERN.match(text)
    if not match:
        return ""
    rest, only = split_filters(match.group("topic").strip())
    rest = _LIST_LEAD.sub("", rest, count=1).strip()
    # "Isabelle instead of, or as well as, Lean": the papers asked for are Isabelle's, whatever else they use. Not
    # "rather than": "real users rather than only offline benchmarks" lost a paper on natural-2 without its tail.
    # "using Isabelle, or is it all Lean?": the other side is what the asker doubts, not a second topic.
    rest = re.sub(r",?\s+(?:instead of|other than|as opposed to|but not)\b.*$|,\s+not\s[^(),]*$|"
                  r",?\s+or\s+(?:is|are)\s+(?:it|they|them|these|those)\s+(?:all|just|only|mostly)\b.*$", "", rest,
                  flags=re.I)
    # "which approaches use reward models for math, and what do they conclude?": a second ask is no part of the topic
    # (a follow-up's narrowing, " and also are ...", is).
    rest = re.sub(r",?\s+and\s+(?:(?:for|with|on|in|by|to)\s+)?(?:what|how|which|who|where|when|why)\b.*$", "", rest,
                  flags=re.I)
    return with_filters(f"{rest} in {kind}" if kind and rest else rest or kind, only)


def compared_sides(text: str) -> list[str]:
    """The sides of a question worded as a comparison ("compare X and Y", "how does X differ from Y")."""
    if _VS_PAPER.match(text):
        return []  # "VB vs VF test-time compute paper - did they run 3B models?": one paper, named by what it compares
    for pattern in _COMPARE_PATTERNS:
        match = pattern.match(text)
        if match and pattern is _COMPARE_PATTERNS[-1]:
            # "bigcodebench: how many libraries, domains and tasks, and best LLM score vs human?": "vs" joins only
            # what is in its own clause.
            vs = re.search(r"\s(?:vs\.?|versus)\s", text, re.I)
            bounds = list(re.finditer(r",\s*and\s+|;\s*", text[:vs.start()])) if vs else []
            match = pattern.match(text[bounds[-1].end():]) if bounds else match
            # "A vs B — which reports the larger one?": the ask after a dash or colon is no part of B.
            if vs and (ask := _ASK_AFTER_DASH.search(text, vs.end())):
                match = pattern.match(text[bounds[-1].end() if bounds else 0:ask.start()])
        if match:
            for split in (_STRONG_SIDE_SPLIT, _SIDE_SPLIT):
                sides = [s for s in (_clean_side(s) for s in split.split(match.group("sides"))) if s]
                if any(re.match(r"(?:vs\.?|versus)\s+(?:what|which|how|whose|who)\b", s, re.I) for s in sides):
                    return []  # "... and vs what figures for GPT-C?": an ask after "vs", no side
                if len(sides) >= 2:
                    return sides
    return []


# A question word after a spaced dash or a colon: an ask after what it is about ("A vs B: how does each ...?").
# "... Python vs Java — and what were the other models?" too.
_ASK_AFTER_DASH = re.compile(r"(?:\s+[-–—]+|:)\s+"
                             r"(?=(?:(?:and|but|also|plus)\s+)?(?:what|how|which|who|why|where|when)\b)", re.I)
_VS_PAPER = re.compile(r"^(?:the\s+)?[\w-]+\s+(?:vs\.?|versus)\s+(?!the\b)[\w-]+(?:\s+[\w-]+){0,4}?\s+"
                       r"(?:paper|work|study|article)\b", re.I)


_KIND_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(KIND_WORDS))})\b", re.I)


# Where a question's asking part starts: a new sentence, or a question word after a spaced dash or a colon ("A, B
# and C all do HPC code - what does each one target?", "A vs B: how does each build its data?").
_ASKING_CLAUSE = re.compile(rf"(?<=[.!?])\s+(?=\S)|{_ASK_AFTER_DASH.pattern}", re.I)


def aspect_of(question: str, mentions: list[Mention]) -> str:
    """What remains of a comparison once the names and the comparing words are gone ("" when nothing does). In a
    question of several sentences ("A and B both cut latency. How does each save compute?") the one that asks
    decides, if anything is left of it."""
    sentences = _ASKING_CLAUSE.split(question.strip())
    # The sentence that asks: the last one with a question mark ("Are A and B under MIT? We'd like to ..."), else
    # the last one.
    asking = [i for i, sentence in enumerate(sentences) if sentence.rstrip().endswith("?")]
    last = sentences[asking[-1] if asking else -1]
    lead = [sentence for sentence in sentences if sentence is not last]
    at = question.rfind(last)
    # "... build on HumanEval - how does each use it?": a clause pointing back asks about the lead's words too.
    if lead and not ENDS_POINTING_BACK.search(last) and \
            (asked := aspect_of(last, [replace(m, start=m.start - at, end=m.end - at) for m in mentions
                                       if m.start >= at])):
        return asked
    text = question
    made = makers(question, mentions)  # "DeepMind's AlphaCode": who made a paper is no aspect of it either
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.kind == "paper":  # with its kind word: "the GHOSTS dataset" names the paper, "dataset" asks nothing
            end = m.end + len(_KIND_AFTER.match(text, m.end)[0]) if _KIND_AFTER.match(text, m.end) else m.end
            text = text[:m.start] + " " + text[end:]
        elif m in made:
            text = text[:m.start] + " " + text[m.end:]
    text = re.sub(r"['’]s\b", " ", text)
    words = [w.rstrip(".") for w in re.findall(r"[\w@+.-]+", _NOT_ASPECT.sub(" ", text)) if w.strip(".-")]
    return " ".join(words)


def asks_which_is_better(question: str) -> bool:
    """Whether the sentences that ask want a ranking; a sentence setting the scene does not ("both are about making
    AutoML more efficient. What's the central trick in each?")."""
    sentences = split_sentences(question)
    asking = [s for s in sentences[:-1] if s.rstrip().endswith("?")] + sentences[-1:]
    return any(_WHICH_BETTER.search(s) for s in asking)


# A list asked of "it" ("Which papers mention it explicitly?"), with a word or two on how.
# Only "it": "this" / "that" point at what was claimed ("HumanEval gets criticised for contamination. Which papers
# address this?"), not at the name.
_PRONOUN_TOPIC = re.compile(r"it(?:\s+(?:explicitly|directly|at\s+all|specifically|"
                            r"anywhere|in\s+passing|too|as\s+well))*", re.I)
# The words after a name that are still its phrase ("Turing completeness when we ...": up to "when").
_PHRASE_GOES_ON = re.compile(r"(?:\s+(?!(?:when|while|whenever|that|which|who|in|on|at|for|to|and|or|but|as|because|if|"
                             r"of|with|is|are|was|were|be|comes?|came|gets?|here|there|so|keeps?|kept|seems?|pops?|"
                             r"shows?|turns?|appears?|has|have|had|does|did|will|would|can|could|should|might|must|"
                             r"always|often|never|really|just|also|still|again|up)\b)[a-z][\w-]*){0,2}")


def _said_before(before: str, mentions: list[Mention]) -> str:
    """The one thing the sentences before the ask name (a name and the lower-case words of its phrase), for "it"
    in the ask; "" when they name none, or several."""
    said = [m for m in mentions if m.kind == "term" and m.end <= len(before)]
    if len({m.text.lower() for m in said}) != 1:
        return ""
    return said[0].text + _PHRASE_GOES_ON.match(before, said[0].end)[0]


def _described_sides(text: str, mentions: list[Mention]) -> list[str]:
    """Sides named by what they are ("the dynamic-inference code completion method") next to a named paper,
    joined by "or", "and", "vs", "compared with"."""
    def joined(match: re.Match[str]) -> bool:  # within its own sentence: "pass@1 figure? only have the X one"
        before = re.split(r"[?!;]|\.\s", text[max(0, match.start() - 40):match.start()])[-1]
        after = re.split(r"[?!;]|\.\s", text[match.end():match.end() + 40])[0]
        return bool(_JOINERS.search(before) or _JOINERS.search(after))

    return _sides_described(text, mentions, joined)


# A topic said first and a named paper after: "dynamic inference for code completion, compared with how KV Prediction
# does it". Not a question's own opening ("How fast is it, compared with X?", "I want the throughput ...") nor a
# measurement ("Accuracy on miniF2F compared with STP?": STP's accuracy is asked).
_LEADING_SIDE = re.compile(r"^(?!(?:how|what|whats|what's|which|who|why|where|when|is|are|does|do|did|can|could|was|"
                           r"were|tell|give|show|explain|describe|list|compare|i|i'm|we|please|in|on|for|its?|their|"
                           r"accuracy|scores?|performance|results?|numbers?|figures?|throughput|latency|speed|cost|"
                           r"gains?)\b)(?P<side>[^,;:?]+?),?\s+(?:compared (?:with|to)|as opposed to|versus|vs\.?)\s+"
                           r"(?:how\s+)?", re.I)


def _leading_side(text: str, mentions: list[Mention]) -> str:
    """The leading topic of a "<topic>, compared with <paper>" question when it names nothing, else "" (a benchmark
    named there is what the paper is measured on)."""
    match = _LEADING_SIDE.match(text)
    if not match or any(m.start < match.end("side") for m in mentions):
        return ""
    side = match["side"].strip()
    return side if len(_content_words(side)) >= 2 else ""


def _listed_sides(text: str, mentions: list[Mention]) -> list[str]:
    """Described sides listed with named papers ("A, B and the CodeT5 + RRHF code optimisation paper"): only right
    after "and", "or", "vs" or a comma, or right before one and a further side, so "which is the better method" is
    no side."""
    def listed(match: re.Match[str]) -> bool:
        # Also first in the list: "in the F* proof synthesis paper, the FIM curriculum paper and InfinityMATH".
        return bool(re.search(r"(?:,|\band|\bor|\bvs\.?|\bversus)\s*$", text[:match.start()], re.I) or
                    re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+)(?:the\s+)?"
                             r"(?:\w[\w*+-]*\s+){0,6}?(?:paper|one|work|method|\w*(?-i:[A-Z])[\w-]*)\b",
                             text[match.end():], re.I))

    return _sides_described(text, mentions, listed)


def _sides_described(text: str, mentions: list[Mention], placed: Callable[[re.Match[str]], bool]) -> list[str]:
    """The phrases naming a paper by what it is ("the X method") that `placed` accepts, other than named papers."""
    sides = []
    # "the dynamic inference (layer skipping) paper": a description may hold an aside in parentheses.
    flat = re.sub(r"[()]", " ", text)
    # "DeepSeek-Prover (v1, the synthetic data one)": what the asker recalls of a named paper, no side of its own.
    recalled = bracketed_after_paper(text, mentions)
    for match in sorted([*_DESCRIBED_SIDE.finditer(flat), *_SIDE_DOING.finditer(flat)], key=lambda m: m.start()):
        if not placed(match) or in_spans(match.start(), recalled):
            continue
        if any(m.start < match.end() and match.start() < m.end for m in mentions if m.kind == "paper"):
            continue
        end = match.end("side")
        # "the code optimization one with CodeT5": a name right after says which paper it is.
        if (named := _NAMED_AFTER.match(text, end)) and not any(m.start < named.end() and named.start() < m.end
                                                               for m in mentions if m.kind == "paper"):
            end = named.end()
        side = text[match.start("side"):end].strip()
        if _SUPERLATIVE.match(side) and not _WHOSE_AFTER.match(text, end):
            continue
        if len(match.group("side").split()) >= 2 and not _NOT_A_SIDE.match(side) and \
                not (match.re is _DESCRIBED_SIDE and _CLAUSE_IN_SIDE.search(side)):
            sides.append(side)
    return sides


_NAME_WORD = r"[A-Z][\w+*-]*(?:\.\w+)*"
_NAMED_AFTER = re.compile(rf"\s+(?:with|using|on|from|built on|based on)\s+(?:the\s+)?{_NAME_WORD}"
                          rf"(?:\s+\+\s+{_NAME_WORD})?")


def _with_described(question: str, named: list[str], terms: list[Mention], mentions: list[Mention],
                    described: list[str], lexicon: Lexicon) -> Plan:
    """A comparison with sides named by description: the aspect is what is left without them, and a name inside
    one ("the FVELER dataset") names that side, not a benchmark to compare on."""
    rest = question
    for side in described:
        rest = rest.replace(side, " ")
    terms = [t for t in _unowned(terms, question, mentions) if not any(t.text in side for side in _with_brackets(
        question, described))]
    return Plan("comparative", papers=named, terms=terms, aspect=aspect_of(rest, lexicon.find(rest)),
                described=described)


def _with_brackets(question: str, sides: list[str]) -> list[str]:
    """Each side with the brackets that hold it or follow it: "dynamic inference for code completion (the
    early-exit one on GPT-2)" says which paper by GPT-2 too."""
    out = []
    for side in sides:
        at = question.find(side)
        holding = [b for b in re.finditer(r"\([^()]*\)", question) if b.start() < at and at + len(side) < b.end()]
        after = bracket_after(question, at + len(side)) if at >= 0 else None
        out.append(holding[0][0] if holding else f"{side}{after[0]}" if after else side)
    return out


# "CodeTree's CodeContests score": a figure measured on it.
_SCORED_ON = re.compile(r"\s+(?:scores?|accuracy|results?|numbers?|figures?|pass@\w+|success\s+rate)\b", re.I)
_OWN_DATA = re.compile(r"\s+(?:synthetic\s+)?(?:dataset|data|corpus|proofs|training\s+set)\b", re.I)


def _unowned(terms: list[Mention], question: str, mentions: list[Mention]) -> list[Mention]:
    """Terms to compare the papers on: not one written as a named paper's own that only that paper's abstract has
    ("FVEL's FVELER" is FVEL's dataset, no benchmark the other paper could have a result on; "CodeTree's HumanEval
    score" is a score on a benchmark many report). "PLANSEARCH's score on LiveCodeBench vs CodeTree's CodeContests
    score": each paper's figure on its own benchmark is asked, when every paper has one named so."""
    papers = [m for m in mentions if m.kind == "paper"]

    def owned(term: Mention, scored_too: bool = False) -> bool:  # "FVEL's": the mention holds its "'s"
        # "DeepSeek-Prover's Lean 4 dataset": what the paper built, whatever other abstracts name it.
        built = bool(_OWN_DATA.match(question, term.end))
        scored = scored_too and bool(_SCORED_ON.match(question, term.end))
        return any(0 <= term.start - m.end <= 3 and re.search(r"['’]s?\s+$", question[m.start:term.start])
                   and (built or (set(term.paper_ids) <= set(m.paper_ids) and not scored)) for m in papers)

    # "webarena vs deps (minecraft)": which paper, not what it is scored on.
    terms = [t for t in terms if not in_spans(t.start, bracketed_after_paper(question, mentions))]
    kept = [t for t in terms if not owned(t)]
    scored = [t for t in terms if owned(t) and not owned(t, scored_too=True)]
    if scored and all(any(m.paper_ids[0] in t.paper_ids for t in [*kept, *scored]) for m in papers):
        return [t for t in terms if t in kept or t in scored]
    return kept


_PAPER_NOUN_NEXT = re.compile(rf"\s*{_PAPER_NOUN}\b", re.I)


def _paper_description(text: str, side: str) -> str:
    """The description a comparison side gives of a paper, or "" when it names one (or a concept): "the Copilot
    taxonomy paper's conclusion" -> "Copilot taxonomy paper"; "the C-to-safe-Rust" (its "paper" cut off as a
    side is cleaned) -> "the C-to-safe-Rust"."""
    found = _DESCRIBED_SIDE.search(side)
    if found and len(found["side"].split()) >= 2 and not _NOT_A_SIDE.match(found["side"]):
        return found["side"]
    at = text.find(side)
    if at >= 0 and _PAPER_NOUN_NEXT.match(text, at + len(side)):
        return _ASPECT_CUT.sub("", side).strip() or side
    return ""


def side_variants(side: str) -> list[str]:
    """A side as written, then cut before a trailing clause ("X for repository-level code completion" -> "X")."""
    cut = _CUT.sub("", side).strip()
    return [v for v in dict.fromkeys([side, cut]) if v]


# What a paper is compared with that no paper is: "the baseline", "prior work", "the state of the art".
_NO_PAPER = r"baselines?|prior|previous|existing|earlier|other|works?|methods?|approach(?:es)?|state|art|sota|" \
    r"exactly|precisely|roughly|approximately|respectively|plain|vanilla|default|standard|" \
    r"base|untuned|non-fine-tuned"  # "..., exactly?"; "the tuned Llama3-8B vs base": one run's settings
_SETTING_SIDE = re.compile(r"(?:with|without|w/o?|using|no)\b|"  # "with error feedback", "w/o retrieval"
                           # "1,000 tries per problem vs a single try": budgets of one run
                           r"(?:(?:a|one|single|a\s+single|\d[\d,.]*[kK]?)\s+)+(?:tries|try|attempts?|samples?|shots?|"
                           r"generations?|passes)\b", re.I)


# Two numbers compared, or parts of one whole ("what share of failures was the model's fault vs developers using it
# wrong?"): no papers.
_PARTS_COMPARED = re.compile(r"(?<![\w.-])\d[\d.,]*\s+(?:vs\.?|versus)\s+\d[\d.,]*(?![\w.-])|"
                             r"\b(?:what|which)\s+(?:share|fraction|proportion|percentage|part|portion)\s+of\s+"
                             r"[^?]*?\s(?:vs\.?|versus)\s|\bhow\s+many\s+of\s+(?:the\s+)?[^?]*?\s(?:vs\.?|versus)\s",
                             re.I)


def _ordinary(side: str) -> bool:
    """A side of stopwords, people and such ("the", "humans", "the baseline"): no paper, nor a method a paper may be
    compared with ("beam search" stays a side)."""
    from rag.answer.people import MORE_PEOPLE
    from rag.text.tokens import STOPWORDS

    if _SETTING_SIDE.match(side):
        return True  # "plain vs with error feedback": two settings of one run, no papers
    words = re.findall(r"[\w'’-]+", side)
    return all(w.lower() in STOPWORDS or re.fullmatch(rf"{MORE_PEOPLE}|{_NO_PAPER}", w, re.I)
               for w in re.split(r"[\s-]+", " ".join(words)) if w)  # "the state-of-the-art"


def _clean_side(side: str) -> str:
    side = re.sub(r"^(?:the\s+)?(?:papers?|methods?|approach(?:es)?|models?|systems?)\s+", "", side.strip(), flags=re.I)
    side = re.sub(r"\s+(?:papers?|methods?|approach(?:es)?|models?|systems?)$", "", side, flags=re.I)
    return side.strip(" \"'`“”‘’")
