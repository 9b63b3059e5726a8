"""Answers across papers: one cited line per relevant paper, or each named thing with the papers using it.

A question that spans papers ("what are the ways of ...", "which benchmarks are used for X") is answered by no
single abstract, so each relevant paper gets its own line, and an aggregation lists each benchmark or dataset once
with the papers whose sentences put it where data goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rag.answer.acronyms import defined_as
from rag.answer.asides import SETTING_ASIDE
from rag.answer.asks import asks_in
from rag.answer.citations import CitationBook
from rag.answer.evaluated_models import asks_evaluated_models, evaluated_models
from rag.answer.mentions import key
from rag.answer.metric_names import asks_metrics, metrics_in
from rag.answer.naming import EXAMPLES, mentions_name
from rag.answer.scoring import ScoredSentence
from rag.answer.tuned_models import asks_tuned_models, tuned_models
from rag.text.chatter import CHATTER, IDIOMS
from rag.text.markers import escape_markers
from rag.text.names import is_generic, mention_pattern, names_in, short_name
from rag.text.sentences import read_with_previous, split_sentences
from rag.text.tokens import long_words, tokenize
from rag.types import Answer, AnswerSentence, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered

# A paper joins a question-across-papers answer with a best sentence this close to the best. On the multi and
# aggregation questions of the natural tune sets (16): 0.8 -> 0.75 with the contribution sentence below raised
# citation recall on both sets and precision on neither fell; 0.7 and 0.6 gained recall for precision.
# With 130 tune sets (256 multi, 248 aggregation questions) a third of the papers such an answer quoted were off the
# question, mostly between 0.75 and 0.85 of the best; 0.85 with the first two retrieved papers (not three) let in
# more loosely: multi citation precision 0.689 -> 0.767, recall 0.619 -> 0.580; aggregations 0.948 -> 0.956 /
# 0.895 -> 0.871 (0.8 or three retrieved papers: precision 0.74; 0.9: 0.777 for recall 0.562).
ACROSS_RATIO = 0.85
# A question across papers shares few words with the sentences answering it ("ways people pick the best program out
# of many sampled candidates" scored 0.29 for AlphaCode's "filtering ... clustering"): it is answered from 0.28 when
# the abstracts use all its long words and it names nothing they lack; below the usual bar otherwise. Over
# the 120 multi / aggregation questions of the tune sets: false refusals 0.108 -> 0.067, citation recall 0.711 ->
# 0.733, precision 0.821 -> 0.797; every unanswerable tune question stays refused ("register allocation", "CUDA").
ACROSS_BAR = 0.28
# Or whatever its sentences score, when a retrieved abstract is this close to it by meaning (cosine of the packaged
# embeddings; the dense half of retrieval). On the 191 multi / aggregation-shaped tune questions: answerable ones
# refused for few shared words had 0.43-0.56, off-corpus topics 0.21-0.41 (one, "register allocation in a compiler
# backend", 0.47, has three words no abstract uses).
ACROSS_DENSE = 0.42
# "All its long words" allows one of the asker's own ("mentally", "pieces", "saturation") when the words the abstracts
# do use weigh more (summed idf) than it: "music" in "using language models for music composition" outweighs the
# common words beside it, and two unused words ("register", "backends") are a topic the index lacks.
UNUSED_WORDS = 1
MAX_ACROSS = 6
ACROSS_RANKED = 2
# Or a paper whose whole abstract is this close in meaning (dense cosine) to the closest one, with a best sentence at
# this share of the best. On the 256 multi tune questions' candidates, with the bars above: paper-level precision
# 0.746 -> 0.734, recall 0.761 -> 0.791 (0.9 / 0.6 let in more: 0.697 / 0.830); multi citation precision 0.766 -> 0.758,
# recall 0.580 -> 0.595, fact recall 0.443 -> 0.455 (0.93, or 0.6 of the best sentence: 0.756 / 0.597, 0.748 / 0.603).
ABSTRACT_RATIO = 0.95
ABSTRACT_SENTENCE_RATIO = 0.7
# Retrieved abstracts judged close in meaning to the question (ACROSS_DENSE).
ON_TOPIC_DEPTH = 3
ACROSS_RANKED_RATIO = 0.6
# A paper retrieval ranks among the first this many for a set the question describes ("the Lean theorem-proving
# papers") is one of them when its best sentence for the description comes fairly close: DeepSeek-Prover's "Lean 4
# ... FIMO benchmark" scored 0.53 against MA-LoT's title sentence, 0.73. On the 504 aggregation tune questions:
# citation precision / recall 0.967 / 0.892 -> 0.966 / 0.901 (3: 0.967 / 0.897; 5: 0.965 / 0.903); the 601 multi
# questions unchanged.
DESCRIBED_RANKED = 4
# A paper retrieval ranks that high whose title has this many of the question's words is about it, however its
# sentences word it ("... Attaining Cheaper and Faster Completion through Dynamic Model Inference" for "what
# approaches make code completion cheaper or lower latency?").
TITLE_SHARED = 3
# Each paper's line also quotes its best other sentences saying what the paper itself does, one of its approach or
# data and one of its results, when they score at least this share of its best: the best sentence of a paper for
# "what are the ways people reduce latency" is often its motivation; the way, and what it achieved ("an 11.2%
# speedup"), are said apart. Multi fact recall on the tune sets 0.00 / 0.05 -> 0.17 / 0.20 with one such sentence
# (0.5 and 0.7 gave the same); one of each, on all 33 tune sets: multi 0.410 -> 0.469, aggregations 0.729 -> 0.746,
# no question lower.
# Two of its approach or data (the way is often said over two sentences: "we propose X ... X does Y by Z"): on the 56
# tune sets multi fact recall 0.498 -> 0.509, aggregations 0.802 -> 0.805, no question lower.
CONTRIBUTION_RATIO = 0.5
_CONTRIBUTION_ROLES = (("approach", "data"), ("approach", "data"), ("results",))
# And its next-best sentences for the question (SECONDS of them) when they score this close to its best: the way a
# paper answers "how do people ..." is often said over two sentences. Tune sets: multi fact recall natural-3 0.417
# -> 0.472, natural-4 0.267 -> 0.367, aggregation natural-2 0.300 -> 0.367, nothing lower (0.7 gave the same, 0.8 /
# 0.9 less). One -> two on the 43 tune sets: multi fact recall 0.491 -> 0.505, five questions up, none lower; three
# gained more (0.517) but makes a paper's line most of its abstract. Not a background sentence (its problem): the
# question asks what the papers do (56 tune sets: multi fact recall 0.489 -> 0.498, lines 806 -> 731 characters on
# average, eight questions up, three lower).
SECOND_RATIO = 0.6
SECONDS = 2


# "the code completion papers", "these theorem-proving methods": the set of papers a question across papers is
# about, when it names it by two or more words before the noun. One word ("the agent papers") is too broad to
# find them by, and a relative clause ("the papers that train LLMs for math reasoning") found worse sets than the
# whole question did on the tune sets (n022: citation recall 0.75 -> 0.25), so both are left to the question.
_PAPER_SET = re.compile(r"\b(?:the|these|those)\s+(?P<desc>(?:[\w/-]+\s+){1,5}?)(?:papers|works|studies|methods|"
                        r"approaches)\b", re.I)
_NOT_A_SET = {"indexed", "different", "other", "above", "listed", "various", "ways", "kinds", "of", "these", "those",
              "the", "two", "three", "four", "five", "six", "several", "many", "all", "following", "same", "/"}
ACROSS_DEPTH = 10  # papers a described set is looked for in
# Of a described set of papers, those whose best sentence for what is asked of them (the question without the
# description) scores this share of the best of them, when that is ASPECT_WORDS long words or more.
ASPECT_RATIO = 0.8
ASPECT_WORDS = 2


def paper_set(question: str, min_words: int = 2) -> str:
    """What the question says its papers are ("code completion"), or "" when it does not say; in `min_words`
    content words or more (one, "the HPC papers", is enough to pick the papers whose named things are listed)."""
    match = _PAPER_SET.search(question)
    if not match:
        return ""
    words = match["desc"].split()
    if any(w.lower() in _NOT_A_SET - {"/"} for w in words):
        return ""  # "the different ways these papers ...": no description of the papers
    content = [w for w in words if w not in _NOT_A_SET and re.search(r"[a-z]{2}", w, re.I)]
    return " ".join(words) if len(content) >= min_words else ""


# "the code and math papers" on an index of code and math papers: a set this big is the whole index, read as words.
# Half the index is a plain reading of "most", not a fitted figure: one tune question has such a set (natural-120's
# RL question, answered from two papers close to "code and math" before, from the five RL papers after).
BROAD_SET = 0.5


def fits_most(described: str, papers_using: Callable[[str], int], count: int) -> bool:
    """Whether a description is fields joined ("code and math": one word each), and the papers using their words are
    half the index or more. A phrase ("code generation") is counted by its least used word, too loose a bound to
    judge by."""
    parts = [p.strip() for p in re.split(r"\s*(?:\band\b|\bor\b|/|,)\s*", described) if p.strip()]
    return count > 0 and len(parts) >= 2 and all(len(p.split()) == 1 for p in parts) and \
        sum(papers_using(p) for p in parts) >= BROAD_SET * count


def relevant_papers(found: Gathered, names: Sequence[str] = (), ranked: bool = True, topic: str = "",
                    limit: int = MAX_ACROSS, on_aspect: bool = False) -> list[ScoredSentence]:
    """For a question across papers: each paper's best sentence, for the papers whose best comes close to the best
    of all (none when even that is below the refusal bar). The papers are the ones the question describes ("the
    agent papers"), or the caller's `topic` says they are about, when either does: found for that description, up
    to `limit` of them, then answered for the question; else the ones retrieved for the question. With `names`
    (benchmarks, models ... the question names), only papers naming one of them: "what has been reported about
    miniF2F" is not answered by a paper without it, and "ChatGPT / GPT-4" asks about either. A name made of a plain
    word ("LLM-generated code") describes, so it is no such filter, nor is one typed as an English word ("think")."""
    from rag.text.typos import english_words

    papers = found.view.papers
    # Nor is a name typed in lower case as an English word: "why do some authors think ..." asks no "Think-and-Execute".
    names = [n for n in names
             if not any(w.isalpha() and found.view.vocabulary.plain(w) for w in re.split(r"[\s-]+", n))
             and not (n.islower() and n in english_words())]

    # An acronym an abstract of the index defines is named by its words too: "SE tasks" are software engineering
    # tasks in the abstracts that never write "SE".
    spelled = {n: defined_as(n, papers.values()) for n in names if n.isupper()}

    def naming(pid: str, spelled_too: bool = True) -> bool:
        text = f"{papers[pid].title}\n{papers[pid].abstract}"
        return any(mentions_name(text, n) or (spelled_too and bool(spelled.get(n)) and
                                              re.search(rf"\b{re.escape(spelled[n])}\b", text, re.I) is not None)
                   for n in names)

    kept = [s for s in _relevant_papers(found, ranked, topic, limit, on_aspect) if not names or naming(s.paper_id)]
    # Every paper naming it is asked for only as written: "software engineering" is in many abstracts beside "SE".
    if _asked_about(found.searched, names) and \
            2 <= len(ids := [pid for pid in papers if naming(pid, spelled_too=False)]) <= MAX_ACROSS:
        # "How does SWE-bench get used across these papers?": every paper naming it, however its sentences score
        # (CodeTree's "SWEBench" sentence ranks below the ratio), each with its best sentence that names it; the
        # papers found close to the question come first, unless they only passed the lower bar.
        best = {}
        for s in found.scored_in(ids):
            if any(mentions_name(s.text, n) for n in names):
                best.setdefault(s.paper_id, s)
        if len(kept) < 2 or kept[0].score < found.tools.settings.answer.refuse_below:
            kept = []
        kept += sorted((s for pid, s in best.items() if pid not in {k.paper_id for k in kept}), key=lambda s: -s.score)
    return kept


def _asked_about(question: str, names: Sequence[str]) -> bool:
    """Whether the names are what the question asks about ("How does SWE-bench get used?"), not how it describes
    its papers ("the Lean papers") or examples it gives ("e.g. Minecraft, AutoML")."""
    described = match["desc"] if (match := _PAPER_SET.search(question)) else ""
    asked = EXAMPLES.sub(" ", question)
    return any(mention_pattern(n).search(asked) and not mention_pattern(n).search(described) for n in names)


def _relevant_papers(found: Gathered, ranked_too: bool = True, topic: str = "",
                     limit: int = MAX_ACROSS, on_aspect: bool = False) -> list[ScoredSentence]:
    best: dict[str, ScoredSentence] = {}
    # The question's own words for its papers ("the agent papers") come before what the caller read as their topic;
    # words most papers of the index fit ("the code and math papers") narrow nothing.
    own = paper_set(found.searched)
    if own and fits_most(own, found.view.lexical.papers_using, len(found.view.papers)):
        own = ""
    if described := own or topic:
        for s in found.scored_for(described, ACROSS_DEPTH):
            best.setdefault(s.paper_id, s)
        top = max((s.score for s in best.values()), default=0.0)
        if described == topic and top < found.tools.settings.answer.refuse_below:
            return []  # "datasets used for protein structure prediction": no paper is about it
        # A paper retrieval ranks among the first for the description is about it, as for the question below
        # (the description's own ranks: `ranked_too` is about the question's, which an aggregation does not trust).
        # So is one whose title has every word of it ("RLCoder: ... for Repository-Level Code Completion").
        words = set(tokenize(described))
        ids = [pid for pid, s in best.items() if s.score >= ACROSS_RATIO * top or
               (s.paper_rank < DESCRIBED_RANKED and s.score >= ACROSS_RANKED_RATIO * top) or
               (len(words) >= 2 and words <= set(tokenize(found.view.papers[pid].title)))]
        if on_aspect and described != topic:
            ids = _on_aspect(found, ids)
        ids = ids[:limit]
        if len(ids) >= 2:
            answering = {}
            for s in found.scored_in(ids):
                answering.setdefault(s.paper_id, s)
            return sorted(answering.values(), key=lambda s: -s.score)
        best = {}
    for s in found.scored():
        best.setdefault(s.paper_id, s)
    top = max((s.score for s in best.values()), default=0.0)
    if top < found.tools.settings.answer.refuse_below and (top < ACROSS_BAR or not _all_words_known(found)) and \
            not _on_topic(found):
        return []
    # Retrieval ranks papers on their whole abstract, a steadier sign than one sentence that a paper is about what is
    # asked: its top papers need only come fairly close.
    ranked = {e.paper_id for e in found.retrieved[:ACROSS_RANKED]} if ranked_too else set()
    asked = set(tokenize(found.searched))

    def titled(pid: str) -> bool:
        return len(asked & set(tokenize(found.view.papers[pid].title))) >= TITLE_SHARED

    def near(s: ScoredSentence) -> bool:  # a titled paper, as close as a retrieved one must be
        return s.paper_id in ranked or (not ranked_too and s.score >= ACROSS_RANKED_RATIO * top)

    # A whole abstract about as close to the question in meaning as the closest one is about it, however its best
    # sentence words it, when that sentence comes fairly close too.
    dense: dict[str, float] = {}
    for e in found.retrieved:
        dense[e.paper_id] = max(dense.get(e.paper_id, 0.0), e.dense or 0.0)
    closest = max(dense.values(), default=0.0)

    def close_abstract(s: ScoredSentence) -> bool:
        return closest > 0 and dense.get(s.paper_id, 0.0) >= ABSTRACT_RATIO * closest and \
            s.score >= ABSTRACT_SENTENCE_RATIO * top

    # An aggregation trusts no ranks, but a title with the question's words ("RLCoder: ... for Repository-Level Code
    # Completion" for "repository-level code completion: which benchmarks ...?") still counts.
    kept = [s for s in best.values()
            if s.score >= (ACROSS_RANKED_RATIO if s.paper_id in ranked else ACROSS_RATIO) * top
            or (titled(s.paper_id) and near(s)) or (ranked_too and close_abstract(s))]
    return sorted(kept, key=lambda s: -s.score)[:limit]


def _on_aspect(found: Gathered, ids: list[str]) -> list[str]:
    """Of the papers a question describes ("the code completion papers"), the ones answering what it asks of them
    ("... decide what context to give the model"): whose best sentence for the rest of the question comes close to
    the best of them, and the two best however close (one would leave the set for the question's own retrieval).
    Every code completion paper is no answer about context; but each has some metric, dataset or
    model ("which evaluation metrics get reported?"), and each is asked for it."""
    match = _PAPER_SET.search(found.searched)
    rest = f"{found.searched[:match.start()]} {found.searched[match.end():]}" if match else ""
    if len(ids) < 2 or len(long_words(rest, CHATTER)) < ASPECT_WORDS or ASKS_OF_EACH.search(rest):
        return ids
    best: dict[str, float] = {}
    for s in found.scored_in_for(rest, ids):
        best.setdefault(s.paper_id, s.score)
    top = max(best.values(), default=0.0)
    ranked = sorted(ids, key=lambda pid: -best.get(pid, 0.0))
    return [pid for i, pid in enumerate(ranked) if i < 2 or best.get(pid, 0.0) >= ASPECT_RATIO * top]


def _on_topic(found: Gathered) -> bool:
    """Whether a whole abstract is close to the question in meaning (ACROSS_DENSE), the question naming nothing the
    abstracts lack and having at most one word of the asker's own: "can language models mentally run a program?"
    shares few words with any one sentence, and "mentally" with none, yet CoCoNUT is about just that."""
    dense = max((e.dense or 0.0 for e in found.retrieved[:ON_TOPIC_DEPTH]), default=0.0)
    return dense >= ACROSS_DENSE and _own_words(found) is not None


def _all_words_known(found: Gathered) -> bool:
    """Whether the abstracts know every name in the question and use each of its long words, as the vocabulary
    reads them (no looser: "speculative" is no "speculation"): "music composition" and "register allocation in a
    compiler backend" have words no abstract uses."""
    if (own := _own_words(found)) is None:
        return False
    words, unused = own

    def weight(word: str) -> float:
        return sum(found.view.lexical.idf(t) for t in tokenize(word))

    return sum(weight(w) for w in words if w not in unused) >= sum(weight(w) for w in unused)


def _own_words(found: Gathered) -> tuple[list[str], list[str]] | None:
    """The question's long words and those of them no abstract uses, or None when it names something the abstracts
    lack or has more than UNUSED_WORDS words of the asker's own."""
    from rag.answer.unknowns import unknowns
    from rag.text.tokens import long_words

    if any(unknowns(found)):
        return None
    words = long_words(IDIOMS.sub(" ", found.searched), CHATTER)
    unused = [w for w in words if not found.view.vocabulary.uses(w)]
    return (words, unused) if len(unused) <= UNUSED_WORDS else None


def paper_group(found: Gathered, best: ScoredSentence) -> list[ScoredSentence]:
    """A paper's line in an answer across papers: its best sentence, its best other sentences saying what the paper
    itself did and achieved (see CONTRIBUTION_RATIO) and its second best (SECOND_RATIO), in the abstract's order."""
    from rag.answer.roles import classify

    own = found.scored_in([best.paper_id])
    if not own:
        return [best]
    bar = CONTRIBUTION_RATIO * own[0].score
    group = [best]
    for roles in _CONTRIBUTION_ROLES:
        contribution = next((s for s in own if all(s.position != g.position for g in group) and s.score >= bar
                             and classify(s.text, s.position, len(own)) in roles), None)
        if contribution is not None:
            group.append(contribution)
    seconds = [s for s in own if s not in group and s.position != best.position
               and s.score >= SECOND_RATIO * own[0].score
               and classify(s.text, s.position, len(own)) != "problem"][:SECONDS]
    group += seconds
    # A quoted sentence is followed by the next when that one spells it out or limits it ("Specifically, ...",
    # "However, ...").
    group += [s for s in own if read_with_previous(s.text) and any(g.position == s.position - 1 for g in group)
              and s not in group]
    return sorted(group, key=lambda s: s.position)


def across_papers(question: str, found: Gathered, names: Sequence[str] = (), on_aspect: bool = True,
                  examples: Sequence[str] = ()) -> Answer | None:
    """One cited line per relevant paper: the question spans papers, so no single abstract answers it. An
    aggregation's fallback lists every described paper (`on_aspect` False): each has some metric or dataset.
    `examples`: papers the asker gives as examples of what is asked, each a line of its own when its best sentence
    comes as close as any paper's joining the answer must (an example the asker got wrong is left out)."""
    kept = relevant_papers(found, names, on_aspect=on_aspect)
    have = {s.paper_id for s in kept}
    top = kept[0].score if kept else 0.0
    for pid in examples:
        if pid not in have and (best := next(iter(found.scored_in([pid])), None)) is not None and \
                best.score >= ACROSS_RATIO * top:
            kept.append(best)
    if len(kept) < 2:
        return None
    book = CitationBook(found.view.papers)
    lines, sentences = [], []
    for s in kept:
        paper = found.view.papers[s.paper_id]
        group = paper_group(found, s)
        for g in group:
            n = book.cite(s.paper_id, g.text, g.score)
            sentences.append(AnswerSentence(text=g.text, citations=[n]))
        quoted = " ".join(escape_markers(g.text) for g in group)
        lines.append(f"- **{escape_markers(short_name(paper))}** [{n}]: {quoted}")
    return Answer(query=question, searched_query=found.searched, answer="\n".join(lines), citations=book.citations,
                  sentences=sentences, kind="list")


# A sentence that may name data a paper uses; "on" is what "query evolution on GSM8K and MATH" has (without it the
# natural tune set's aggregation fact recall fell from 0.67 to 0.56), so the filter is loose on purpose.
_DATA_CUE = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|corpus|corpora|evaluat\w*|test sets?|experiments?|"
                       r"tasks?|problems|accuracy|pass@\w+|on|rates?|metrics?)\b", re.I)
# An aspect that asks for named things ("what benchmarks do they evaluate on", "metrics reported by A, B and C").
ASKS_NAMED_THINGS = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|(?:test|eval|evaluation) (?:sets?|suites?)|"
                               r"metrics?|measures?)\b", re.I)
# What every paper of a set has, so asking it of them keeps them all: which named things, or models, and sizes
# ("which evaluation metrics get reported?", "how big are the datasets"); not a mention ("rather than benchmarks").
ASKS_OF_EACH = re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?(?:{ASKS_NAMED_THINGS.pattern}|models\b)|"
                          r"\bhow (?:big|large|many)\b", re.I)


def names_used(sentence: str, paper: Paper) -> list[str]:
    """The named things (benchmarks, datasets, metrics ...) a sentence of this paper says it uses: names in a
    sentence about data or evaluation, other than the paper's own name."""
    if not _DATA_CUE.search(sentence):
        return []
    own = {n.lower() for n in names_in(short_name(paper))}
    return [n for n in names_in(sentence)
            if not is_generic(n) and n.lower() not in own and re.search(r"[A-Za-z]", n)]


# A sentence introducing a benchmark or dataset: "we present the Code-Development Benchmark (Codev-Bench)".
_INTRODUCES_DATA = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+\s+){0,2}?(?:introduce|present|propose|release|"
                              r"construct|build|create|develop)(?:s|d)?\b[^.]*?\b(?:benchmark|dataset|data set|suite|"
                              r"test set)s?\b", re.I)


def introduced_data(paper: Paper) -> tuple[str, str] | None:
    """The paper's own name and the sentence introducing it as a benchmark or dataset, or None."""
    own = list(dict.fromkeys([short_name(paper), *names_in(short_name(paper))]))  # "Codev-Bench" is no names_in name
    for sentence in split_sentences(paper.abstract):
        if _INTRODUCES_DATA.search(sentence) and (named := [n for n in own if mention_pattern(n).search(sentence)]):
            return named[0], sentence
    return None


# A question for data, not metrics: "what benchmarks / datasets ...".
_ASKS_DATA = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|test sets?|evaluat\w* on)\b", re.I)
# "what metrics do the math benchmarks introduce or rely on?", "which model ends up on top across the benchmark
# papers?": benchmarks as the papers asked about, not what is asked.
_BENCHMARK_PAPERS = re.compile(r"\b(?:the|these|those)\s+(?:[\w/-]+\s+){0,3}?(?:(?:benchmark|dataset)s?\s+papers\b|"
                               r"(?:benchmarks|datasets)\s+"
                               r"(?=(?:\w+\s+){0,2}?(?:introduc|us|rel|report|propos|defin|measur|adopt|employ)\w*\b))",
                               re.I)


# "not the benchmarks, the scoring metrics: ...": data set aside.
_NOT_DATA = re.compile(r"\bnot\s+(?:the\s+)?(?:benchmarks?|datasets?|data\s+sets?)\b", re.I)


def _asks_data(question: str) -> bool:
    """Data is what is asked, not an aside in brackets, data set aside, nor the papers the question is about."""
    return bool(_ASKS_DATA.search(_BENCHMARK_PAPERS.sub("", _NOT_DATA.sub("", re.sub(r"\([^()]*\)", "", question)))))


# A question (or a comparison's aspect: "what metrics do A, B and C report?") asking for metrics; a metric is rarely a
# name in a sentence about data ("single token prediction (MRR: 70.9% ...)"), so the sentences reporting one are
# found apart.
ASKS_METRICS = re.compile(r"\b(?:metrics?|measures?|scores?)\b", re.I)
# Where a sentence puts data: "on X", "across X and Y", "X benchmark"; "with GPT-4o", "in the IDE" are no data.
_ON = r"on|across|from|over|against|including|such as"
_DATA_BEFORE = r"\b(?:{on})\s+(?:[\w@.+-]+,?\s+){{0,6}}?"
# Where a model or a platform goes, though "on" or "including" is there: "models, including StarCoder and
# DeepSeek", "publicly available on HuggingFace"; only names listed in between (case-sensitive), so "models such
# as GPT-4 on the HumanEval benchmark" still puts HumanEval where data goes.
_NOT_DATA_BEFORE = (r"\b(?:models?,?\s+(?:including|such as|like)|(?:available|released|hosted|published|deployed)\s+"
                    r"(?:on|at|via|through))\s+(?-i:(?:[A-Z][\w@.+-]*,?\s+(?:and\s+|or\s+)?){0,4}?)")
_DATA_AFTER = r"(?:\s+(?:and|or|,)\s+[\w@.+-]+)*\s+(?:benchmarks?|datasets?|data|suites?|test|split|sets?|tasks?)\b"


def used_as_data(name: str, sentence: str, using: bool = True) -> bool:
    """Whether a sentence puts a name where data goes ("evaluated on CrossCodeEval and RepoEval", "the MBPP
    benchmark"), not where a model, tool or platform goes ("with GPT-4o", "an IDE extension, Code4Me").
    `using=False`: "using X" is no data ("using GPT-4o as the base model"), for a sentence read for its model."""
    named = re.escape(name)
    if re.search(r"(?<![\w-])" + named + r"\s+(?:version|variant|port|translation)\s+of\b", sentence, re.I):
        return False  # "the Lean4 version of MiniF2F-Test": the language it is written in, not the data
    plain = re.sub(r"\s*\([^()]*\d[^()]*\)", "", sentence)  # "miniF2F-test (61.7%, pass@3200), ProofNet ..."
    if re.search(r"(?<![\w-])" + named + r"\)?" + _DATA_AFTER, sentence, re.I):
        return True
    if re.search(_NOT_DATA_BEFORE + named + r"(?![\w-])", plain, re.I):
        return False
    before = _DATA_BEFORE.format(on=f"{_ON}|using" if using else _ON)
    return bool(re.search(before + named + r"(?![\w-])", plain, re.I))


# "benchmarks used to evaluate code completion": what the papers an aggregation asks about do, said after "used for
# / to evaluate". Not a relative clause ("the papers that train LLMs for math reasoning"): on the natural tune set
# that found another set of papers than the question (n022 citation recall 0.75 -> 0.25).
_USED_FOR = re.compile(r"\b(?:used|use|using|evaluated?|tested?|benchmarked?)\s+(?:to\s+(?:evaluate|test|benchmark|"
                       r"measure)|for)\s+(?P<topic>(?!(?:the|these|those|this|it|them)\b)(?:(?!than\b)[a-z-]+\s*)+?)"
                       r"\s*(?:\b(?:across|among|in)\s+(?:these|the|all)\b.*|\b(?:evaluate|use|report)\b.*|"
                       r"\b(?:specifically|in particular|exactly|mostly|here)\b.*)?[?.!]*$", re.I)


def aggregated_topic(question: str) -> str:
    """What the papers an aggregation asks about do ("code completion"), when the question's first ask says it in
    words (no numbers, no "than": "tested in more than one paper" is no topic); "" otherwise."""
    match = _USED_FOR.search(asks_in(question)[0])
    return match["topic"].strip() if match and len(match["topic"].split()) >= 2 else ""


# "apart from MATH, GSM8K and MBPP, what other datasets ...": the names set aside, up to what the question asks.
_SET_ASIDE = re.compile(rf"\b(?:beyond|{SETTING_ASIDE})\s+(?P<names>.+?)"
                        r"(?=,\s*(?:what|which|how|who|do|does|are|is)\b|[?;]|$)", re.I)


def _set_aside(question: str, found: Gathered) -> list[str]:
    """The names the question sets aside, as written, typed in lower case too ("apart from minif2f")."""
    names: list[str] = []
    for match in _SET_ASIDE.finditer(question):
        names += names_in(match["names"]) + [m.text for m in found.view.lexicon.find(match["names"])]
    return names


def _is_set_aside(name: str, aside: Sequence[str]) -> bool:
    """The name, or a split of it ("miniF2F-test" of miniF2F); not another name it starts ("MathQA" of "MATH")."""
    return any(key(name) == key(a) or name.lower().startswith(f"{a.lower()}-") for a in aside)


def aggregate(question: str, found: Gathered, besides: Sequence[str] = ()) -> Answer | None:
    """"What datasets are used for X across these papers?": each named thing once, with the papers that use it
    and the sentence that says so; not of the papers `besides` ("-- leave out verification work like FVEL")."""
    # The named things of a paper only loosely about the question are no answer ("P3" for "What benchmarks did F*
    # use?"): an aggregation keeps to papers whose sentences come close, or to the papers about what the question
    # says the data is used for, as many as found for it (only those naming data are listed).
    topic = aggregated_topic(question)
    if asks_tuned_models(question):
        return _tuned(question, found, topic)
    if asks_evaluated_models(question) and not _asks_data(question):
        return _evaluated(question, found, topic, besides)
    if asks_metrics(question) and not _asks_data(question):
        return _metrics(question, found, topic)
    relevant = [s.paper_id for s in relevant_papers(found, ranked=False, topic=topic,
                                                    limit=ACROSS_DEPTH if topic else MAX_ACROSS)
                if s.paper_id not in besides]
    if not relevant:
        return None
    papers = found.view.papers
    data_only = bool(_ASKS_DATA.search(question)) and not ASKS_METRICS.search(question)
    used: dict[str, list[tuple[str, str]]] = {}  # name -> [(paper id, sentence)]
    # "apart from miniF2F, what other benchmarks ...": the names set aside are no answer.
    aside = _set_aside(question, found)
    for s in sorted(found.scored_in(relevant), key=lambda s: (s.paper_id, s.position)):
        for name in names_used(s.text, papers[s.paper_id]):
            if _is_set_aside(name, aside):
                continue
            if data_only and not used_as_data(name, s.text):
                continue
            entries = _entries(used, name)
            if all(pid != s.paper_id for pid, _ in entries):
                entries.append((s.paper_id, s.text))
    if data_only and not re.search(r"\b(?:existing|prior|previous|established|standard|public)\b", question, re.I):
        # "what benchmarks are used for repository-level completion?": a paper introducing one for it (Codev-Bench)
        # answers with its own name, which names_used leaves out ("which existing benchmarks" asks for others).
        for pid in relevant:
            if made := introduced_data(papers[pid]):
                entries = _entries(used, made[0])
                if all(p != pid for p, _ in entries):
                    entries.append((pid, made[1]))
    return _named_things(question, found, used)


def _tuned(question: str, found: Gathered, topic: str) -> Answer | None:
    """"Which base models get fine-tuned in the math reasoning papers?": each model once, with the papers that tune
    or start from it. The papers are the first ACROSS_DEPTH found for the set the question describes ("the math
    reasoning papers"), or the whole index when it describes none ("across these papers ... the full set"); saying
    what was tuned is itself the filter, so no sentence score has to come close."""
    if described := paper_set(found.searched, min_words=1) or topic:
        ids = _described_set(found, described)
    else:
        ids = list(dict.fromkeys([*(e.paper_id for e in found.retrieved), *found.view.papers]))
    return _models_named(question, found, ids, lambda paper: tuned_models(paper, used_as_data))


def _evaluated(question: str, found: Gathered, topic: str, besides: Sequence[str]) -> Answer | None:
    """"Which LLMs get evaluated in the math evaluation papers?": each model once, with the papers testing or
    comparing with it. The papers are the first ACROSS_DEPTH found for the set the question describes in two words
    or more ("the math evaluation papers"); "the empirical studies" or no set at all says too little to find them
    by, and the question is answered across the papers close to it instead."""
    if not (described := paper_set(found.searched) or topic):
        return None
    ids = [pid for pid in _described_set(found, described) if pid not in besides]
    return _models_named(question, found, ids,
                         lambda paper: evaluated_models(paper, lambda n, s: used_as_data(n, s, using=False)))


def _described_set(found: Gathered, described: str) -> list[str]:
    """The first ACROSS_DEPTH papers found for a set of papers the question describes ("the math reasoning papers")."""
    hits, _ = found.search(described, ACROSS_DEPTH)
    return list(dict.fromkeys(e.paper_id for e in hits))


def _models_named(question: str, found: Gathered, ids: Sequence[str],
                  models_of: Callable[[Paper], list[tuple[str, str]]]) -> Answer | None:
    """Each model the papers name (`models_of`: (name, sentence) of one paper) once, with the papers naming it."""
    used: dict[str, list[tuple[str, str]]] = {}
    for pid in ids:
        for name, sentence in models_of(found.view.papers[pid]):
            _entries(used, name).append((pid, sentence))
    return _named_things(question, found, used)


def _metrics(question: str, found: Gathered, topic: str) -> Answer | None:
    """"What metrics do the code completion papers report?": each metric once, with the papers reporting it. The
    papers are those found for the set the question describes, or those close to the question."""
    papers = found.view.papers
    relevant = [s.paper_id for s in relevant_papers(found, ranked=True, topic=topic, limit=ACROSS_DEPTH)]
    used: dict[str, list[tuple[str, str]]] = {}
    for pid in relevant:
        for sentence in split_sentences(papers[pid].abstract):
            for metric in metrics_in(sentence):
                entries = _entries(used, metric)
                if all(p != pid for p, _ in entries):
                    entries.append((pid, sentence))
    return _named_things(question, found, used)


def _entries(used: dict[str, list[tuple[str, str]]], name: str) -> list[tuple[str, str]]:
    """The papers using a name so far, under the first writing of it: "MiniF2F-Test" and "miniF2F-test" are one
    ("HumanEval+" and "HumanEval" are not)."""
    return used.setdefault(next((k for k in used if k.lower() == name.lower()), name), [])


def _named_things(question: str, found: Gathered, used: dict[str, list[tuple[str, str]]]) -> Answer | None:
    """Each named thing once, the most used first, with the papers using it, then the sentences that say so."""
    if not used:
        return None
    papers = found.view.papers
    book = CitationBook(papers)
    lines, sentences, quotes = [], [], []
    for name, entries in sorted(used.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))[:12]:
        cited = []
        for pid, sentence in entries:
            n = book.cite(pid, sentence)
            if not any(a.text == sentence for a in sentences):
                sentences.append(AnswerSentence(text=sentence, citations=[n]))
                # The sentences that name them, each once: a reader checks a name where the paper says it.
                quotes.append(f"- {escape_markers(short_name(papers[pid]))} [{n}]: “{escape_markers(sentence)}”")
            cited.append(f"{escape_markers(short_name(papers[pid]))} [{n}]")
        lines.append(f"- **{escape_markers(name)}**: {', '.join(cited)}")
    lines += ["\nWhere the abstracts say so:", *quotes]
    return Answer(query=question, searched_query=found.searched, answer="\n".join(lines), citations=book.citations,
                  sentences=sentences, kind="list")
