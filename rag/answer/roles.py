"""What one sentence of an abstract does: states the problem, describes the approach, the data, or the results.

Role definitions (the labelled sets in eval/labels/sentence_roles*.jsonl use the same ones):

- problem:  the motivation, gap or challenge the paper addresses (background, what existing work lacks,
            "however ... remains challenging").
- approach: what the paper proposes or does: a method, framework, model, algorithm, training recipe, an
            analysis or study it carries out.
- data:     the datasets, benchmarks or corpora the paper builds or evaluates on, described as data. A sentence
            introducing a new benchmark and its contents ("we introduce X, a benchmark of 1,000 problems") is data.
- results:  measured outcomes, comparisons, findings, claims of improvement, conclusions drawn from them.
- other:    none of the four: links to code, availability, outlook ("we hope", "paves the way"), filler.

A sentence gets the role of what it mainly does. The rule is a sum of weighted cue patterns per role (verbs in the
first person, nouns, figures, hedges), plus a prior from the sentence's place in the abstract (problems come
first, results last). Pure standard library: no model, no imports from the rest of rag/.

Tuned on eval/labels/sentence_roles.jsonl only; bench/sentence_roles.py scores it against the frozen file too.
"""

from __future__ import annotations

import re

ROLES = ("problem", "approach", "data", "results")  # "other" for none
OTHER = "other"
# Below this the best role is too weak to claim: the sentence is "other".
MIN_SCORE = 0.8

_I = re.I

# First person or "this paper": the authors speaking about their own work.
_SELF = re.compile(r"\b(we|our|us)\b|\b(this|the present|the proposed) (paper|work|study|research|report)\b", _I)

# "we", then any adverbs: "we also", "we then further", "we will", "we rigorously".
_WE = (r"\bwe\s+(?:(?:also|further|first|then|thus|therefore|additionally|instead|now|here|next|finally|"
       r"subsequently|again|will|can|have|each|both|\w+ly)\s+)*")

# Cues: (role, weight, pattern, at most this many hits count).
_CUES: list[tuple[str, float, re.Pattern[str], int]] = []


def _cue(role: str, weight: float, pattern: str, cap: int = 1, flags: int = _I) -> None:
    _CUES.append((role, weight, re.compile(pattern, flags), cap))


_METHOD_NOUN = (
    r"(?:framework|method|methodology|approach|algorithm|architecture|model|pipeline|mechanism|strategy|module|"
    r"protocol|technique|paradigm|system|tokenizer|agent|verifier|procedure|operator|estimator|search|solver|"
    r"recipe|objective|loss|ecosystem|platform|prototype|tool)s?"
)
_DATA_NOUN = (
    r"(?:benchmark|dataset|data set|data|corpus|corpora|test set|test suite|suite|collection|environment|"
    r"leaderboard|problem set|testbed)s?"
)
_STRONG_DATA_NOUN = r"(?:benchmark|dataset|data set|corpus|corpora|test set|test suite|testbed|problem set)s?"
_UNITS = (
    r"(?:problems|tasks|samples|examples|instances|questions|test cases|tests|programs|pairs|lines|statements|"
    r"lemmas|theories|theorems|proofs|completions|issues|files|repositories|users|subjects|topics|domains|"
    r"libraries|languages|definitions|queries|puzzles|trajectories|tokens|documents|papers|functions|snippets|"
    r"submissions|steps|answer types|subfields|areas|participants)"
)

# --- problem: motivation, gaps, challenges ---
_cue("problem", 1.5, r"\bhowever\b|\bnevertheless\b|\bnonetheless\b")
_cue("problem", 0.6, r"\b(yet|although|though|despite|while|but)\b")
_cue("problem", 1.0, r"\b(remains?|remained|remaining|still)\b")
_cue("problem", 1.0,
     r"\b(challeng\w*|difficult\w*|non-trivial|hard to|daunting|open (question|problem)|bottlenecks?)\b", cap=2)
_cue("problem", 1.0,
     r"\b(lack\w*|scarc\w*|limited|limitations?|limits|shortcomings?|drawbacks?|insufficient\w*|overlook\w*|"
     r"neglect\w*|unexplored|unrealized|under-?explored|fall short|fails? to|struggl\w*|suffer\w*|hinder\w*|"
     r"costly|expensive|prohibitive\w*|time-consuming|labou?r-intensive|inefficien\w*|vulnerab\w*|restricted|"
     r"poorly|rarely|gaps?|degrad\w*|error-prone|impractical|unreliable|risks?|issues?|confusing|barely)\b", cap=3)
_cue("problem", 1.0,
     r"\b(existing|current|prior|previous|conventional|traditional|recent|standard|most|many|vanilla)\s+"
     r"(\S+\s+){0,3}(methods?|approaches|models|systems|benchmarks|works?|studies|techniques|evaluations?|"
     r"frameworks|literature|efforts|agents|tools|autocompleters|solutions|methodology|strategies)\b")
_cue("problem", 0.6,
     r"\b(need(s|ed)? (for|to)|calls? for|requires?|requiring|demands?|important|essential|crucial|critical|"
     r"vital|fundamental|pressing|key (challenge|problem|factor|component))\b", cap=2)
_cue("problem", 1.0, r"\?")
_cue("problem", 1.0,
     r"\b(we hypothesi[sz]e|we argue|we postulate|we need|a (natural|big|key|central) question)\b")
# Background in the present perfect, said of the field rather than of this work.
_cue("problem", 0.8,
     r"\b(has|have) (\w+ ){0,2}(shown|made|emerged|demonstrated|attracted|become|seen|witnessed|revolutionized|"
     r"achieved|proven|proved|transitioned|leveraged|been)\b")
_cue("problem", 0.8, r"\b(aims? (to|at)|refers? to|is (a|an|the) (key|essential|important|fundamental|vital))\b")

# --- approach: what the paper proposes or does ---
_cue("approach", 2.0,
     _WE + r"(propos|introduc|present|develop|design|buil[dt]|devis|formulat|describ|creat|implement|adopt|adapt|"
     r"deriv|offer|contribut)\w*\b")
_cue("approach", 2.0,
     r"\b(this|the present|our) (paper|work|study|research|report)\s+(first\s+)?(proposes|introduces|presents|"
     r"develops|explores|investigates|studies|examines|describes|conducts|provides)\b")
_cue("approach", 1.0, r"\bin this (paper|work|study|research|report|line of work)\b|\bhere,? we\b")
_cue("approach", 1.0,
     _WE + r"(explore|investigate|study|examine|analy[sz]e|conduct(ed)?|perform(ed)?|apply|applied|use|"
     r"employ|leverage|train|fine-?tune|pre-?train|incorporate|combine|extend|enhance|relax|define|frame|work|"
     r"compare|evaluate|experiment|set out|aim|start|decompose|designate|draw|call|consider|provide|detail|"
     r"document|test|tailor|finetune|enable|facilitate|focus|generate|annotate|model|represent|integrate|pair|"
     r"augment|utili[sz]e|measure|discuss|outline)\w{0,3}\b", cap=2)
_cue("approach", 0.5, r"\b" + _METHOD_NOUN + r"\b", cap=2)
_cue("approach", 1.0, r"\b(called|named|dubbed|termed|we call)\b")
_cue("approach", 1.0,
     r"\b(to address|to this end|to (tackle|solve|fill|bridge|overcome|mitigate|reduce|achieve)|to do so|"
     r"specifically|in particular,|(the|our) (central|key|main|core) (idea|insight|intuition))\b")
_cue("approach", 0.5,
     r"\b(trained|fine-tuned|designed|built|based on|leverag\w+|utiliz\w+|combin\w+|decompos\w+|iterativ\w+|"
     r"recursiv\w+|consumes|integrat\w+|guided by|conditioned on|learns?|encod\w+)\b", cap=2)
_cue("approach", 1.0, r"\b(unlike|instead of|rather than|in contrast to|diverging from)\b.*\b(we|our)\b")
_cue("approach", 0.5, r"\bour (proposed )?" + _METHOD_NOUN + r"\b")
_cue("approach", 1.0, r"^\(?(\d|i{1,3})\)|^(first|second|third)(ly)?\b", flags=_I)
# The method as the subject: "This algorithm refactors ...", "The proposed framework builds on ...", "The construction
# pipeline emphasizes ..." (tune labels: accuracy 0.857 with and without the "-ion" noun).
_cue("approach", 1.5, r"^(this|the|our|such an?) (proposed |new |resulting |novel |[a-z]+ion )?" + _METHOD_NOUN + r"\b")
_cue("approach", 1.5, _WE + r"(train|fine-?tune|pre-?train|finetune|pretrain)\w*\b")
# A method described in the passive: "the models were then evaluated", "the problem is framed as".
_cue("approach", 1.0,
     r"\b(is|are|was|were|be|being)\s+(\w+ly\s+|then\s+|also\s+|first\s+|further\s+)*(evaluated|trained|"
     r"fine-?tuned|pre-?trained|performed|conducted|applied|computed|implemented|built|framed|"
     r"formulated|modell?ed|cast|composited|combined|decomposed|represented|optimi[sz]ed|learned|defined|"
     r"generated|fed|encoded|constructed)\b")
_cue("approach", 1.5, r"\b(motivat\w+|inspir\w+|enables?) (us|our)\b|\binspiration\b")
_cue("approach", 2.0, _WE + r"(demonstrate|show|illustrate|describe) how\b")

# --- data: datasets, benchmarks, corpora, described as data ---
_cue("data", 1.0, r"\b" + _STRONG_DATA_NOUN + r"\b", cap=2)
_cue("data", 0.4, r"\b(data|collection|environment|suite)s?\b", cap=2)
# "we introduce/curate/release X, a (new) benchmark/dataset ...": the thing made is data, not a method.
_DATA_INTRO = re.compile(
    r"\b(introduc|present|releas|curat|collect|construct|buil[dt]|creat|develop|writ|extract|provid|generat)\w*\b"
    r"(?:\s+(?!" + _METHOD_NOUN + r"\b)\S+){0,10}?\s+" + _DATA_NOUN + r"\b(?!-)", _I)
# ... unless what the sentence introduces is a method: "we introduce an approach to generate proof data".
_METHOD_INTRO = re.compile(
    _WE + r"(propos|introduc|present|develop|design|buil[dt]|devis|creat)\w*\s+(\S+\s+){0,4}?" + _METHOD_NOUN + r"\b",
    _I)
_cue("data", 2.0,
     r"\b(introduce|present)s?\b[^.]{0,80}?,\s+(a|an|the)\s+(\S+\s+){0,8}?(benchmark|dataset|corpus|data ?set)\b")
_cue("data", 1.5, r"\b(\d[\d,.]*\s*[KkMB]?\+?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"dozens of|hundreds of|thousands of|millions of)\s+(\S+\s+){0,3}?" + _UNITS + r"\b", cap=2)
_cue("data", 1.0,
     r"\b(comprises?|comprising|contains?|containing|consists? of|consisting of|includes?|covering|"
     r"covers|spans?|spanning|encompass\w*|featuring)\b")
_cue("data", 0.4, r"\bincluding\b")
_cue("data", 1.0, r"\beach (puzzle|problem|task|test case|example|sample|instance|question|lemma|item)\b")
_cue("data", 1.0,
     r"\b(collect\w*|curat\w*|annotat\w*|mined|crawl\w*|scrap\w*|derived from|sourced from|drawn from|"
     r"hand-crafted|manually)\b")
_cue("data", 0.5, r"\b(evaluat\w* on|experiments? on|tested on|benchmarked on|trained on|fine-?tun\w* on)\b")
_cue("data", 0.4,
     r"\b(HumanEval\+?|MBPP\+?|GSM8K\+?|MATH|miniF2F|SWE-?bench\S*|CrossCodeEval|RepoEval|APPS|CodeContests|"
     r"LiveCodeBench|MultiPL-E|CodeXGLUE|Codeforces|Leetcode|TriviaQA)\b", cap=2, flags=0)

# --- results: outcomes, comparisons, findings, conclusions ---
_cue("results", 2.0,
     _WE + r"(find|found|show|showed|observe|observed|demonstrate|demonstrated|confirm|reveal|conclude|"
     r"establish|prove|obtain|corroborate|draw|give evidence|report that|identify that|see)\b(?!\s+how\b)")
_cue("results", 2.0,
     r"\b(results?|experiments?|evaluations?|findings?|analys[ie]s|stud(y|ies)|observations?|comparisons?|"
     r"investigations?|ablations?)\b(\s+\S+){0,8}?\s+(show|shows|showed|demonstrate|demonstrates|demonstrated|"
     r"indicate|indicates|reveal|reveals|revealed|suggest|suggests|confirm|confirms|highlight|highlights|"
     r"underscore|underscores|establish|prove|mark|detail|lead)\b")
_cue("results", 2.0, r"\b(outperform\w*|surpass\w*|exceed\w*|beats?)\b", cap=2)
_cue("results", 1.0,
     r"\b(superior\w*|competitive|on par|match(es)?|comparabl\w*|"
     r"doubl\w*|halv\w*|gains?|boost\w*|speed-?ups?|faster|higher|lower|better|best|top|favorabl\w*|"
     r"lags?|underperform\w*|far from)\b", cap=3)
_cue("results", 1.0,
     r"\b(found|discovered|solved|proved|achieved|outperformed|obtained|yielded|successfully|competitiv\w*)\b|"
     r"\bresult(s|ed)? in\b|\bleading to\b")
_cue("results", 1.0, r"\b(demonstrating|showing|achieving|yielding|outperforming|surpassing|resulting|"
     r"revealing|confirming)\b")
_cue("results", 0.8, r"\b(compared (to|with)|relative to|over (the |strong |existing )?baselines?|than)\b")
_cue("results", 0.6,
     r"\b(improv\w*|reduc\w*|increas\w*|enhanc\w*|achiev\w*|attain\w*|reach\w*|scor\w*|accuracy|success rate|"
     r"exact match|effective\w*|robust\w*|correlat\w*|state-of-the-art|sota)\b", cap=3)
_cue("results", 1.5, r"\d+(\.\d+)?\s*(\\?%|percent|percentage points?)", cap=3)
_cue("results", 1.5, r"\b\d+\s*(out of|of the|of)\s+\d|\b\d+\s*/\s*\d+\b|\bfrom \d[\d.]*\s*(%\s*)?to \d")
_cue("results", 1.0, r"\bpass@\d+|\b\d+(\.\d+)?\s*(x|×)\b|\bfactor (of |up to )?\d", cap=2)
_cue("results", 0.5, r"\b\d+\.\d+\b", cap=2)
_cue("results", 0.8, r"\b(significant(ly)?|substantial(ly)?|remarkabl\w*|notabl\w*|dramatic\w*|consistent(ly)?|"
     r"surprising(ly)?|largely|up to|even)\b", cap=2)
_cue("results", 1.0, r"\b(these|our|the) (results|findings|experiments|observations)\b|\bthis (highlights|implies|"
     r"suggests|shows|results in|finding)\b")
_cue("results", 0.7, r"\b(highlight\w*|underscor\w*|suggest\w*|indicat\w*|reveal\w*|impl(y|ies)|shows?|"
     r"demonstrat\w*|confirm\w*)\b")
_cue("results", 0.8, r"\b(is|are) (not |still |far )?(sufficient|able|unable|capable|key|crucial|adept|limited)\b")

# --- other: availability, links, outlook ---
_cue(OTHER, 4.0, r"https?://|\bwww\.|\b[\w-]+\.(com|org|io|dev|ai)\b", flags=0)
_cue(OTHER, 2.5,
     r"\b(publicly (available|accessible|release\w*)|(is|are|will be|be made) (made )?(publicly |freely )?"
     r"(available|accessible)|project (page|homepage)|homepage)\b")
_cue(OTHER, 2.5,
     r"\b(is|are|will be|be) (publicly |freely )?(released|open-sourced|made public)\b|\breleased publicly\b")
_cue(OTHER, 2.5,
     r"\b(releas\w*|open[- ]?sourc\w*)\b[^.]{0,30}\b(code|weights|checkpoints|implementation|repository|"
     r"models?|datasets?)\b")
_cue(OTHER, 2.5,
     r"\b(we hope|hope (that|this|it)|looking (ahead|forward)|we envision|we anticipate|we posit|we invite|"
     r"pav(e|es|ing) (the|a) (way|path)|opens? (up )?(new )?(avenues|pathways|doors)|open new|new era|"
     r"lays? (a )?(solid )?foundation|serves? as (a|the) (valuable|cornerstone|guide|critical)|spur\w* progress|"
     r"(first|significant|important|small) steps? (towards?|in)|first effort|"
     r"potential to|could potentially|contributes in|facilitate further research|further (research|exploration))\b")


def role_scores(sentence: str, position: int, n_sentences: int) -> dict[str, float]:
    """Evidence for each role (keys: ROLES plus "other"); the higher the more the sentence does that."""
    scores = dict.fromkeys((*ROLES, OTHER), 0.0)
    text = sentence.strip()
    for role, weight, pattern, cap in _CUES:
        hits = len(pattern.findall(text))
        if hits:
            scores[role] += weight * min(hits, cap)
    rel = position / (n_sentences - 1) if n_sentences > 1 else 0.0
    self_talk = bool(_SELF.search(text))
    # Place in the abstract: problems open it, results close it, the approach sits in between.
    scores["problem"] += 1.6 * (1.0 - rel) ** 2
    scores["results"] += 1.2 * rel**2
    scores["approach"] += 0.6 * (1.0 - abs(rel - 0.4) * 2)
    if not self_talk and rel < 0.5:
        # The field described from outside, early on: background that motivates the work.
        scores["problem"] += 1.2 * (1.0 - rel / 0.5)
    if _DATA_INTRO.search(text) and not _METHOD_INTRO.search(text):
        # "we introduce X, a benchmark of ...": the introducing verb speaks for the data, not for a method.
        scores["data"] += 2.5
        scores["approach"] -= 2.0
    if self_talk:
        scores["problem"] -= 0.8
    # A sentence opening on a coined name ("FooBar generates ...") describes that thing.
    if position > 0 and re.match(r"[A-Z][A-Za-z]*[A-Z0-9][\w.+-]*\b", text):
        scores["approach"] += 0.5
        scores["data"] += 0.3
    return scores


def classify(sentence: str, position: int, n_sentences: int) -> str:
    """The sentence's role: one of ROLES, or "other" when no role has enough evidence."""
    return role_of(role_scores(sentence, position, n_sentences))


def role_of(scores: dict[str, float]) -> str:
    """The role `role_scores` points to (for a caller that also needs the scores)."""
    best = max(ROLES, key=lambda role: scores[role])
    if scores[OTHER] >= scores[best] or scores[best] < MIN_SCORE:
        return OTHER
    return best
