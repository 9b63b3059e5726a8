"""How the asker wants the answer laid out: a table's columns, CSV, JSON, a format template, bullets, "just the names".

Why: engineers ask for structured output ("which papers evaluate on MBPP? CSV: paper,benchmark_variant,number",
"table: paper | technique | speed", "BigCodeBench scale: # libraries, # tasks. JSON pls", "format: <paper>: <score>").
The layout's words are not what is asked: column names read as names no abstract has ("benchmark_variant",
"number_if_given"), so the question was refused, and a layout first ("CSV: paper,dataset,size. I want every paper
that ...") hid the ask's shape. What each column asks is asked in the question's words already; the layout is set
aside and the answer is the one the question asks for.
"""

from __future__ import annotations

import re

_PLEASE = r"(?:\s+(?:pls|plz|please|thx|thanks|is\s+fine|is\s+ok(?:ay)?|would\s+be\s+great))?"
# A table's columns: "paper | benchmark | score", "columns = paper | own score | GPT-4 baseline score".
_COLUMNS = r"(?:[^|\n.?;,]{1,40}?\|)+[^|\n.?;,]{1,40}?(?=\s*(?:--|—|–|[.?;,\n]|$))"
_TABLE = (r"(?:(?:as|in)\s+)?(?:an?\s+)?(?:(?:markdown|md|\d+-row|small|short|quick)\s+)*table"
          rf"(?:\s+(?:w/|with)\s+columns?|\s+columns?)?(?:\s*(?::|=|of|with)\s*|\s+)(?:columns?\s*[:=]?\s*)?{_COLUMNS}|"
          rf"columns?\s*[:=]\s*{_COLUMNS}|"
          rf"(?:an?\s+)?(?:\d+-row|markdown|md)\s+table{_PLEASE}")
# CSV with its header: "CSV: paper,dataset,size".
_CSV = (r"(?:as\s+)?csv\s*[:=]?\s*[\w#/-]+(?:\s*,\s*[\w#/-]+)+|"
        rf"(?:(?:answer|output|reply|respond|return\s+it)(?:\s+(?:in|as))?\s+(?:a\s+)?)?(?:csv|json|markdown|yaml)"
        rf"{_PLEASE}(?=\s*[.?!]*\s*$)")
# JSON with its keys or alone: "as JSON: {paper, base model}", "give me {paper, level} as JSON", "JSON pls".
_JSON = (r"(?:give\s+me\s+)?\{[^{}\n]{1,80}\}\s+as\s+json(?:\s+list)?|"
         r"(?:(?:answer|give\s+it|return\s+it|output)\s+)?(?:as\s+)?(?:a\s+)?json(?:\s+list|\s+object)?\s*[:=]?\s*"
         r"\{[^{}\n]{1,80}\}|"
         r"(?:answer|output)\s+as\s+\{[^{}\n]{1,80}\}|"
         rf"(?:as|in)\s+json(?:\s+list)?{_PLEASE}(?=\s*[.?!]*\s*$)|"
         rf"(?:(?<=^)|(?<=[.?!]\s))json{_PLEASE}(?=\s*[.?!]*\s*$)")
# A template: "format: <paper>: <ROUGE-L number>", "format <setting>: <pass@10>".
_TEMPLATE = (r"(?:one\s+line\s+per\s+\w+\s*,?\s*)?format\s*:?\s*<[^<>\n]{1,40}>"
             r"(?:\s*(?::|->|→|,|-|=)?\s*<[^<>\n]{1,40}>)*")
# Bullets, lines, names only: "[bullet list, one line per paper]", "bullet list w/ dataset name", "one bullet per
# paper", "just the names, comma-separated", "just the number", "(y/n + source)", "yes/no + one line of evidence"
# (the "y/n" kept).
_BULLETS = (r"(?:one\s+)?(?:bullet|line)\s+(?:per|each)\s+(?:paper|item|benchmark|one)|"
            r"(?:as\s+)?(?:an?\s+)?bullet(?:ed)?(?:\s+(?:list|points?))?(?:\s*,\s*one\s+line\s+per\s+\w+)?"
            r"(?:\s+(?:w/|with)\s+[\w\s-]{1,30}?(?=\s*(?:[.?!;)\]]|--|$)))?|"
            r"just\s+(?:the\s+)?(?:names|titles|numbers?|figures?)(?:\s*,?\s*comma[-\s]separated)?(?=\s*(?:[.?!:;)\]]|$))|"
            r"comma[-\s]separated|one\s+(?:per|a)\s+line|one\s+line\s+each")
# "y/n + source": "y/n" itself says a yes or no is asked; only what is to come with it goes.
_WITH_YES_NO = r"(?:(?<=y/n)|(?<=yes/no))\s*\+\s*(?:one\s+line\s+of\s+)?(?:evidence|source|reason|citation)"
# A layout asked starts the question or a clause of it ("? CSV: ...", "-- table: ...", "(bullet list pls)"); inside
# one it is what is asked about ("is the data given as a CSV: rows, columns?", "uses the format <PRE> <SUF>",
# "Does CodeFill report just the numbers?", "a silver bullet").
_CLAUSE_START = r"(?:(?<=^)|(?<=\n)|(?<=[.?!;:,(\[—–-])|(?<=[.?!;:,(\[—–-]\s)|(?<=\bpls\s)|(?<=\bplease\s))"
_LAYOUT = re.compile(rf"{_CLAUSE_START}(?:{_TABLE}|{_CSV}|{_JSON}|{_TEMPLATE}|{_BULLETS}){_PLEASE}|{_WITH_YES_NO}",
                     re.I)
# What a slot of a layout names, when the question asks nothing else ("format: <paper>: <SWE-bench score> for
# AutoCodeRover" asks that score): the slots but for the paper's own.
_OWN_SLOT = re.compile(r"^(?:paper|papers|title|name|paper[\s_]name|paper[\s_]title|method|model|system)$", re.I)
_ASKS = re.compile(r"\?|^\s*(?:which|what|who|how|where|when|why|is|are|does|do|did|can|list|give|show|name|"
                   r"compare|i\s+want|every|all|any)\b", re.I)
# What a layout leaves: empty brackets, a dash or colon with nothing after it, a sentence of a JSON field's default.
_EMPTY = re.compile(r"[\[(]\s*[,;:]?\s*[\])]|(?:\s*(?:--|—|–|:|,))+\s*(?=[.?!]?\s*$)|"
                    r"(?:^|(?<=[.?!]\s))[^.?!\n]*=\s*null\b[^.?!\n]*[.?!]?", re.I)
_LEAD = re.compile(r"^\s*(?:--|—|–|:|,|\.)+\s*|^\s*(?:for\s+)?(?=every\s+paper\b)", re.I)


# "a markdown table comparing A and B on X": the table is a comparison's.
_TABLE_COMPARING = re.compile(r"(?:(?:give\s+me|make)\s+)?(?:an?\s+)?(?:(?:markdown|md|small|short)\s+)*table\s+"
                              r"compar(?:ing|es?)\b", re.I)


def without_layout(question: str) -> str:
    """The question without the layout asked for its answer; the question as typed when nothing else is left."""
    if not _LAYOUT.search(question) and not _TABLE_COMPARING.search(question):
        return question
    slots: list[str] = []

    def slot_names(match: re.Match[str]) -> str:
        said = re.sub(r"^.*?\b(?:csv|columns?|table(?:\s+w/\s+columns)?)\s*[:=]?\s*", "", match.group(0), flags=re.I)
        for part in re.split(r"[|,{}<>]|:\s|->|→", said):
            part = re.sub(r"[_\s]+", " ", part).strip(" #=:")
            if part and not _OWN_SLOT.match(part) and not re.match(r"(?:format|json|as|list)\b", part, re.I):
                slots.append(part)
        return " "

    text = _LAYOUT.sub(slot_names, _TABLE_COMPARING.sub("compare", question))
    for _ in range(2):
        text = _LEAD.sub("", _EMPTY.sub("", text))
    text = re.sub(r"\s+(?=[?.!,;:)\]])", "", re.sub(r"[ \t]{2,}", " ", text)).strip(" \t\n,;:-")
    text = re.sub(r"([?.!])[.:]+$", r"\1", text)
    if slots and not _ASKS.search(text):
        text = f"{' and '.join(dict.fromkeys(slots))} {text}"  # "SWE-bench verified score for AutoCodeRover"
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 2:
        return question
    return text
