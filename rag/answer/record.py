"""Questions about one named paper that its abstract is not where the answer is.

Who wrote it and when are in the paper's record (a reference library's export fills them; the built-in abstracts
have none), so they are answered from there, or refused when the record has none: the abstract's best sentence is
no answer to "who are the authors". Details an abstract rarely states (its license, optimiser, learning rate,
batch size, hardware) must be in the abstract to be answered at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rag.answer.citations import CitationBook
from rag.answer.refusal import refusal
from rag.text.names import short_name
from rag.text.sentences import split_sentences
from rag.types import Answer, AnswerSentence, Paper

# "The empirical study includes ...": a paper speaking of its own study in the third person.
_SELF = re.compile(r"\b(?:we|our|us|this (?:paper|work|study|method|approach|model|system))\b|"
                   r"^(?:the|this)\s+(?:empirical\s+|present\s+|proposed\s+)?(?:study|paper|work)\b", re.I)
# "written by" of the paper ("was ENAMEL written by ...?"), not of what it made ("reference solutions written by a
# human expert").
# "per the authors of X", "according to the authors of X": whose claim it is, not who they are.
_ASKS_AUTHORS = re.compile(r"\bwho (?:are|were|is|was) (?:the |its )?authors?\b|\bwho wrote\b|"
                           r"(?<!\bper the )(?<!\bby the )(?<!\bto the )(?<!\bsay the )(?<!\bsays the )\bauthors? of\b|"
                           r"\b(?:paper|it|this|that|article|work|study|(?-i:[A-Z][\w.+*-]*))\s+(?:was\s+|is\s+)?"
                           r"written by\b|\bwho (?:are|were) behind\b", re.I)
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b|\bwhen (?:was|did|were)\b.*\b(?:publish\w*|come out|came out|"
                        # "did it come out in 2023?", not "what % of tokens come out right"
                        r"appear\w*|released?)\b|\b(?:did|does)\s+(?:[\w.:'’-]+\s+){1,6}come\s+out\b"
                        # "did InCoder come out on top?": a result, not a date
                        r"(?!\s+(?:on\s+top|ahead|best|first|better|worse|well|badly|right|wrong|of|as)\b)|"
                        r"\bcome\s+out\s*(?:\?|$)|\bpublication (?:year|date)\b", re.I)
# A detail asked by its word, and the forms an abstract would state it in.
_DETAILS = [
    # "is it released under Apache 2.0?" asks the licence too.
    ("license", re.compile(r"\blicen[cs]\w*|\b(?:released|available|distributed)\s+under\b|\b(?:apache|gpl)\b|"
                           r"(?-i:\bMIT\b)", re.I), re.compile(r"\blicen[cs]\w*|\bMIT\b|\bApache\b|\bGPL\b|"
                                                                 r"\bCC[- ]BY\b", re.I)),
    ("optimiser", re.compile(r"\boptimi[sz]er\b", re.I), re.compile(r"\boptimi[sz]er\b|\bAdam\w*|\bSGD\b", re.I)),
    ("learning rate", re.compile(r"\blearning[- ]rates?\b", re.I), re.compile(r"\blearning[- ]rates?\b", re.I)),
    ("batch size", re.compile(r"\bbatch[- ]sizes?\b", re.I), re.compile(r"\bbatch[- ]sizes?\b", re.I)),
    ("hardware", re.compile(r"\b(?:hardware|gpus?|tpus?)\b", re.I),
     re.compile(r"\b(?:hardware|gpus?|tpus?|A100|H100|V100)\b", re.I)),
    # What a paper says about itself beyond its results, asked of it: only its abstract's words can answer.
    ("limitations", re.compile(r"\b(?:limitations?|weakness(?:es)?|shortcomings?|drawbacks?)\b", re.I),
     re.compile(r"\b(?:limitations?|weakness\w*|shortcomings?|drawbacks?|limited|fails?|failures?)\b", re.I)),
    ("ablations", re.compile(r"\bablat\w*", re.I), re.compile(r"\bablat\w*", re.I)),
    # How a component is built inside: "what network architecture does DEPS's Selector use, and what loss?"
    ("network architecture", re.compile(r"\b(?:network\s+)?architecture\b|\bhow\s+many\s+layers\b|\bhidden\s+size\b",
                                        re.I),
     re.compile(r"\barchitectur\w*|\blayers?\b|\btransformer\w*|\bMLP\b|\bencoder\b|\bdecoder\b|\bnetworks?\b|"
                r"\bGPT\b|\bLSTM\b|\bCNN\b", re.I)),
    # Not "how much accuracy loss": a figure asked, which "a 1.1% reduction in ROUGE-L" may give.
    ("loss function", re.compile(r"\bloss\s+functions?\b|\b(?:what|which)\s+(?:\w+\s+)?loss\b|"
                                 r"\btraining\s+(?:objective|loss)\b", re.I),
     re.compile(r"\bloss\b|\bobjective\b|\bcross-entropy\b|\bcontrastive\b|\blikelihood\b", re.I)),
    ("failure cases", re.compile(r"\b(?:get|got|gets) wrong\b|\bfailure cases?\b|\bfail(?:s|ed)? on\b", re.I),
     re.compile(r"\bfail\w*|\bwrong\b|\berrors?\b|\bmistakes?\b|\bunsolved\b", re.I)),
    # Who the authors are with: no abstract here says it of itself, however its authors are known.
    ("affiliation", re.compile(r"\b(?:universit(?:y|ies)|institutions?|affiliat\w*|(?:what|which)\s+(?:lab|labs|"
                               r"company|companies|organi[sz]ations?|group)\b)", re.I),
     re.compile(r"\b(?:universit\w*|institut\w*|laborator\w*|lab)\b", re.I)),
    # "what programming language(s) did AlphaCode write its submissions in?": one it names, or a count of them.
    ("programming language",
     re.compile(r"\b(?:what|which)\s+(?:programming\s+)?languages?(?:\s*\(s\))?(?!\s+models?\b)|"
                r"\bin\s+what\s+(?:programming\s+)?language\b", re.I),
     # Names as written ("go", "lean", "rust", "swift" are words too).
     re.compile(r"(?-i:\b(?:Python|Java|JavaScript|TypeScript|Rust|Go|Haskell|Fortran|Julia|Kotlin|Scala|Ruby|PHP|"
                r"Lean|Isabelle|Coq|Verilog|SQL|OCaml|Lisp|Perl|Swift|OpenMP|MPI|CUDA|OpenCL|Dafny|Solidity|MATLAB|R|"
                # a natural language may be the one asked for ("which language are its questions in?")
                r"English|Chinese|Japanese|Korean|French|German|Spanish|Russian|Arabic|Hindi)\b|\bC(?:\+\+|#)|"
                r"\bC\b(?!-)|\bF\*)|\b(?:programming|natural)\s+languages?\b|\b(?:multi|bi)lingual\b", re.I)),
    # "where did UGMathBench source its problems from?": a sentence saying what its data was drawn from.
    # Only of data: "where does its gain come from?" asks why.
    ("data source", re.compile(r"\bwhere\s+(?:did|does|do|were|was|are|is)\b(?=[^?]*\b(?:data|datasets?|problems|"
                               r"questions|tasks|examples|samples|code|corpus|corpora|benchmarks?|instances|pairs|"
                               r"repositories|programs|proofs)\b)(?=[^?]*\b(?:source[sd]?|get|got|collect\w*|"
                               r"obtain\w*|gather\w*|draw|drawn|come\s+from|came\s+from|taken\s+from)\b)", re.I),
     re.compile(r"\b(?:collected|sourced|scraped|crawled|mined|drawn|derived|gathered|obtained|curated|taken|"
                r"extracted|adapted|compiled|built|constructed|sampled|selected|comes?|came|originat\w+)\s+"
                r"(?:[\w-]+\s+){0,3}?from\b|\bbased\s+on\b|\bfrom\s+(?:real|open-source|public|GitHub|online)\b|"
                r"\b(?:uploaded|posted|submitted|published)\s+(?:in|to|on)\b",  # "code ... uploaded in Leetcode"
                re.I)),
    # A setting's value ("what confidence threshold did they set for stopping?"): a number said beside its name.
    ("threshold or temperature value",
     re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:thresholds?|tempe?ratures?|cut-?offs?)\b", re.I),
     re.compile(r"\b(?:threshold|temperature|cut-?off)\w*\b[^.;]*?\d|\d[^.;]*?\b(?:threshold|temperature|cut-?off)",
                re.I)),
    # "which ChatGPT version/date was tested?": a version or release date written beside a name ("GPT-3", "v2",
    # "(October 2023)"), or the word itself ("the Lean4 version of MiniF2F").
    ("model's version or snapshot date",
     re.compile(r"\b(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:versions?|releases?|snapshots?)\b", re.I),
     re.compile(r"\b(?:versions?|releases?|snapshots?)\b|\b[vV]\d|[A-Za-z]-\d+(?:\.\d+)?[a-z]?\b|\b(?:19|20)\d\d\b|"
                r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.I)),
    # How far annotators agreed ("what was the inter-rater agreement (Cohen's kappa)?"), said in so many words.
    ("agreement between annotators",
     re.compile(r"\binter-?(?:rater|annotator|coder)\b|\b(?:cohen|fleiss)['’]?s?\s+kappa\b|\bkappa\b|"
                r"\bkrippendorff|\bmeasure\w*\s+(?:the\s+)?agreement\b|\bagreement\s+between\s+(?:them|the\s+)?"
                r"(?:annotators|raters|coders|experts|them)\b", re.I),
     re.compile(r"\bagree\w*|\bkappa\b|\bkrippendorff", re.I)),
    # Whether test data leaked into training ("did they check for overlap with the GSM8K test set?").
    ("check for test-set contamination",
     # Whether it was checked, not whether the paper is about it ("does UGMathBench address contamination?").
     re.compile(r"\b(?:check|test|measur|verif|look|screen|filter)\w*\s+(?:for\s+)?(?:[\w-]+\s+){0,3}?"
                r"(?:contaminat\w*|overlap\w*|leak\w*)|\bdecontaminat\w*", re.I),
     re.compile(r"\bcontaminat\w*|\boverlap\w*|\bleak\w*|\bdedup\w*", re.I)),
    # How sure a figure is: a reviewer's question that an abstract rarely answers ("the CI on that 10.59%?").
    ("number of runs or seeds",
     re.compile(r"\b(?:how\s+many|number\s+of)\s+(?:random\s+|independent\s+|training\s+|finetuning\s+|"
                r"fine-tuning\s+)?(?:seeds|runs|trials|repetitions)\b|"
                # not "seed data", "seed problems": what data grows from
                r"\bseeds?\b(?!\s+(?:data|datasets?|examples?|problems?|questions?|instructions?|tasks?|sets?|"
                r"prompts?|programs?|statements?|theorems?|proofs?))", re.I),
     re.compile(r"\bseeds?\b|\b(?:\d+|several|multiple|independent|repeated)\s+(?:\w+\s+)?(?:runs|trials)\b", re.I)),
    # "MBPP has 974 tasks: how were they split into train / validation / test?": the parts' sizes, said with them.
    ("split into training, validation and test parts",
     re.compile(r"\bsplit\s+(?:up\s+)?(?:into|in|between|across)\b[^?]*\b(?:train\w*|valid\w*|dev|test)\b|"
                r"\b(?:train\w*|valid\w*|test)\s*/\s*(?:val\w*|dev|test)\b[^?]*\b(?:splits?|sizes?|how\s+many)\b|"
                r"\b(?:train\w*|valid\w*|test)\s*/\s*(?:val\w*|dev|test)\s+splits?\b", re.I),
     re.compile(r"\b(?:train\w*|validation|dev|test)\b[^.;]{0,40}?\d|\d[^.;]{0,40}?\b(?:train\w*|validation|test)\b",
                re.I)),
    # "how many test cases come from each of the source datasets?", "the per-language breakdown": counts per part,
    # stated as two figures in a sentence at least.
    ("counts per part",
     re.compile(r"\bper[- ](?:source|categor\w+|subjects?|languages?|datasets?|domains?|difficult\w+|levels?|splits?|"
                r"types?)\b|\b(?:from|in|for)\s+each\s+(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+)?(?:sources?|categor\w+|"
                r"subjects?|languages?|datasets?|domains?|difficult\w+|levels?|splits?|types?)\b|\bbroken\s+down\s+by\b|"
                # not "BBB breakdown": a breakdown of counts, by or per something
                r"\bbreakdown\s+(?:by|per|across)\b", re.I),
     # Two figures in a sentence at least ("29M and 425M lines", "66.3% ..., 24.4% ..."): one total is no breakdown.
     re.compile(r"(?<![\w.,])\d[\d,.]*[%KMB]?(?![\w.]|,\d)[^.;]+?(?<![\w.,-])\d[\d,.]*[%KMB]?(?![\w.-])")),
    ("measure of uncertainty or significance",
     re.compile(r"\bconfidence\s+intervals?\b|\bstandard\s+(?:deviation|error)s?\b|\bstd\b|\bstdev\b|"
                r"\berror\s+bars?\b|\bp[- ]values?\b|\bstatistical(?:ly)?\s+significan\w*|\bvariance\s+(?:across|over|"
                r"between)\b", re.I),
     re.compile(r"\bconfidence\b|\bstandard\s+(?:deviation|error)\b|\bstd\b|±|\+/-|\bp\s*[<=]|\bp-values?\b|"
                r"\bstatistical\w*|\berror\s+bars?\b", re.I)),
    # "risks of misuse", not a user's misuse of a tool as a cause of failures.
    ("ethical or safety concerns", re.compile(r"\bethic\w*|\bsafety\b|\b(?:potential|possible|risks?\s+of|against)\s+"
                                              r"misuse\b|\bmisuse\s+(?:risks?|potential)\b", re.I),
     re.compile(r"\bethic\w*|\bsafe(?:ty|ly)?\b|\bmisuse\b|\brisks?\b|\bharm\w*", re.I)),
]


def record_answer(paper: Paper, question: str, searched: str) -> Answer | None:
    """The answer to "who wrote X" / "when did X come out" from X's record, a refusal when the record lacks it,
    or None for any other question."""
    name = short_name(paper)
    if _ASKS_AUTHORS.search(question):
        if not paper.authors:
            return refusal([paper], query=question, searched=searched,
                           reason=f"The index has no authors for {name}, and its abstract does not name them.")
        said = f"{paper.title} is by {', '.join(paper.authors)}" + (f" ({paper.year})." if paper.year else ".")
        return _from_record(paper, said, question, searched)
    if _ASKS_YEAR.search(question):
        if not paper.year:
            return refusal([paper], query=question, searched=searched,
                           reason=f"The index has no year for {name}, and its abstract does not give one.")
        return _from_record(paper, f"{paper.title} is from {paper.year}.", question, searched)
    return None


# What money a run costs: stated as an amount, wherever the abstract says it ("at a cost of less than $15 per
# paper" names no one, yet is the paper's own).
# "a dollar figure on running it": money, which abstracts write as "$0.43", not "dollar".
_ASKS_COST = re.compile(r"\b(?:api|dollar|monetary)\s+(?:fees?|costs?|prices?|figures?|amounts?|values?)\b|"
                        r"\bprice\s+tags?\b|\bin (?:dollars|usd|api fees)\b|"
                        r"\bhow much money\b|\bcosts? in (?:dollars|money)\b|\bhow many dollars\b|"
                        # "the cost per task", "how much does a run cost": not a compute cost ("FLOPs per token").
                        r"(?<!compute )(?<!computational )(?<!inference )(?<!training )\bcosts?\s+(?:per|of)\s+"
                        r"(?:each\s+|a\s+|one\s+|an\s+)?(?:task|run|issue|paper|problem|query|request|call|fix)s?\b|"
                        r"\bhow much (?:does|did|do|would|will) [^?]*\bcosts?\b", re.I)
_MONEY = re.compile(r"[$€£]\s?\d[\d.,]*(?![\d.,]*\\)|\b(?:USD|dollars?|cents?)\b", re.I)  # not LaTeX "$2\times$"


def asks_money(text: str) -> bool:
    """Whether a question or list topic asks for a cost in money."""
    return bool(_ASKS_COST.search(text))


def money_sentence(abstract: str) -> str:
    """The abstract's first sentence stating an amount of money ("at a cost of less than $15 per paper"), or ""."""
    return next((s for s in split_sentences(abstract) if _MONEY.search(s)), "")


def stated_detail(paper: Paper, question: str) -> str:
    """The paper's own sentence stating the detail a question asks of it ("the +/-"), or "" (none asked or said)."""
    own = _own_sentences(paper)
    for _, asked, stated in _DETAILS:
        if asked.search(question):
            return next((s for s in own if stated.search(s)), "")
    return ""


def _own_sentences(paper: Paper) -> list[str]:
    """What an abstract says of its own work: as the authors, naming the paper, or a figure with its margin ("by +20%
    (+/-3%)"), a result measured, which only the paper's own can be."""
    return [s for s in split_sentences(paper.abstract)
            if _SELF.search(s) or short_name(paper).lower() in s.lower() or _MARGIN.search(s)]


def missing_detail(paper: Paper, question: str) -> str:
    """The detail a question asks of this paper ("which optimiser", "its limitations", "its API fees")
    that its abstract never states of itself, or "". A sentence states it of the paper when it speaks as the
    authors or names the paper: "both approaches have significant drawbacks" is about earlier work."""
    own = _own_sentences(paper)
    for label, asked, stated in _DETAILS:
        if asked.search(question) and not any(stated.search(s) for s in own):
            return label
    if _ASKS_COST.search(question) and not _MONEY.search(paper.abstract):
        return "cost in money"
    return ""


_MARGIN = re.compile(r"(?:±|\+/-|\+-)\s*\d")
# Details an abstract states only as what its authors did or used ("released under the MIT licence", "trained with
# Adam"): asked with no paper named, a paper's sentences on anything else are no answer.
_RECORD_ONLY = frozenset({"license", "optimiser", "learning rate", "batch size", "affiliation"})


def detail_stated_nowhere(question: str, papers: Iterable[Paper], yes_no: bool = False) -> str:
    """The record detail a question asks ("what licence is MBPP released under?") that none of these papers'
    abstracts states in any sentence, or "". Asked yes or no ("is it released under Apache 2.0?") too, but for the
    authors' affiliation: a claim may speak of a university hospital's patients."""
    texts = [p.abstract for p in papers]
    for label, asked, stated in _DETAILS:
        if label in _RECORD_ONLY and not (yes_no and label == "affiliation") and asked.search(question) and \
                not any(stated.search(t) for t in texts):
            return label
    return ""


# "Does FunCoder also work for Haskell?", "has AutoCodeRover been evaluated on Java projects?": a setting beyond the
# one the paper reports, asked at the question's end.
_SETTING_CUE = re.compile(r"\b(?:also|still|even|as well|too)\b|\b(?:been|be|being) (?:evaluated|tested|tried|"
                          r"applied|used|run)\b", re.I)
_SETTING = re.compile(r"\b(?:for|on|in|with|to|from|beyond)\s+(?P<setting>[^?,;.]+?)\s*[?.!]*$", re.I)


# Words saying "some other one", which no abstract need write: "when transferred to other domains or different
# models" is said "across domains and models".
_ANY_OTHER = frozenset({"other", "different", "new", "unseen", "various", "similar", "more", "another"})


def unstated_setting(paper: Paper, question: str, papers_using: Callable[[str], int]) -> str:
    """The most specific word (the one fewest indexed papers use) of a setting a question asks a paper to extend to
    ("haskell" of "haskell programs") when it is nowhere in the paper's abstract, or "": whatever the abstract says,
    it does not say that."""
    from rag.text.chatter import CHATTER
    from rag.text.tokens import STOPWORDS
    from rag.text.vocabulary import Vocabulary

    # The cue and the setting in one sentence, the last: "even o3-mini finds few. Right? And how does that compare
    # to the share it solves?" extends nothing.
    last = (split_sentences(question) or [""])[-1]
    if not _SETTING_CUE.search(last) or not (match := _SETTING.search(last)):
        return ""
    if re.search(r"\b(?:what|which|how|who)\b", match["setting"], re.I):
        return ""  # "even the best model ... builds them for what fraction of the solutions?": that is the ask
    # Not the asker's chatter: "the recursion parallel processing stuff".
    words = [w for w in re.findall(r"[a-z][\w+#-]*", match["setting"].lower())
             if len(w) >= 3 and w not in STOPWORDS and w not in CHATTER and w not in _ANY_OTHER]
    if not words:
        return ""
    rarest = min(words, key=papers_using)
    return "" if Vocabulary(f"{paper.title} {paper.abstract}").uses(rarest) else rarest


def _from_record(paper: Paper, said: str, question: str, searched: str) -> Answer:
    """One sentence from the record, cited with the record as its quote: it is what the index says, not the
    abstract, and reads as such."""
    book = CitationBook({paper.paper_id: paper})
    n = book.cite(paper.paper_id, said)
    return Answer(query=question, searched_query=searched, answer=f"From the index record: {said} [{n}]",
                  citations=book.citations, sentences=[AnswerSentence(text=said, citations=[n])], kind="factoid")
