"""A database search string in a question, read as the list it asks for.

Why: librarians ask the way they search bibliographic databases: Boolean operators in capitals, parentheses,
quoted phrases, truncation ("autoformali*"), field tags ("abs:Bellman*") and now and then pseudo-SQL ("SELECT title
FROM papers WHERE abstract LIKE '%PRM%'"), often followed by the ask in plain words ("-> which papers ..."). Read as
typed, "AND", "abs:" and "LIKE" are words no abstract has, and the question is refused. The string says exactly
which papers it wants, so a list asked by one is run as typed (rag/text/boolean_search.py) and planned as "which
papers mention ..."; a question across the papers it finds ("-> how do these papers ...") is left as typed.
"""

from __future__ import annotations

import re

from rag.text.boolean_search import FIELD_TAG, SQL, parse

# Where a string ends and the plain words begin: an arrow, a double dash, "i.e.".
_RESTATED = re.compile(r"\s*(?:->|=>|→|\s--+|\s[—–])\s*(?:i\.\s?e\.,?\s*)?|\s*\bi\.\s?e\.,?\s*", re.I)
_OPERATOR = re.compile(r"(?<=[\w\"')*])\s+(?:AND\s+NOT|AND|OR|NOT)\s+(?=[\w\"'(])")
_TRUNCATED = re.compile(r"(?<![\w*])(?P<stem>[A-Za-z][\w-]{2,})\*(?![\w*])")
_ASK = re.compile(r"\b(?:which|what|who|how|list|any|every|all|does|do|is|are)\b|\?", re.I)
# A plain ask after the string that wants papers: the string's words are its criterion.
_LIST_ASK = re.compile(r"^(?:(?:so|ok)\s+)?(?:which|what)\s+(?:(?!(?:do|does|did|are|is|were|was|have|has|these|those|"
                       r"the)\b)[\w-]+\s+)?(?:papers|works|studies|abstracts|evals|benchmarks|ones)\b|"
                       r"^(?:(?:i\s+)?(?:want|need)\s+)?(?:every|all|each|only)\s+(?:the\s+)?"
                       r"(?:papers?|works?|studies|ones)\b|^who\s+(?!is|was|are)\b|^list\b", re.I)
# A sentence, not a string: a question or a request in words ("Summarize PlanSearch AND CodeTree"), a claim with a
# verb ("AlphaCode did NOT use RL", "pass@1 OR pass@k, whichever they report").
_PROSE = re.compile(r"^\s*(?:which|what|who|how|is|are|does|do|did|can|could|list|name|summari[sz]e|compare|describe|"
                    r"show|give|explain|tell|find|difference|contrast|hi|hey|hello|thanks|morning|note)\b|"
                    r"\b(?:which\w*|what\w*|who|how|i|i['’]m|my|we|they|their|did|does|do|was|were|is|are|has|have|"
                    r"had)\b|\?", re.I)
# "(HumanEval+ counts too)": the searcher's remark in brackets, not a group of terms.
_REMARK = re.compile(r"\s*\((?=[^()]*\b(?:counts?|too|incl\w*|e\.g\.|only|also|those|these|false)\b)[^()]*\)")
_NOT_AFTER = re.compile(r"^\s*NOT\s+(?P<rest>.+)$", re.S)


def in_words(question: str) -> str:
    """The question as the list its search string asks for ("which papers mention A or B?", what the plan reads; the
    string itself is run by `string_run`'s caller), the ask in words when it names what the string does not, or the
    question itself."""
    if (run := string_run(question)) and (search := parse(run)) is not None:
        return f"which papers mention {' or '.join(_said(term.text) for term in search.terms())}?"
    string, _, plain = _split(question)
    if _is_search_string(string) and _list_asked(plain := plain.strip()) and _names_more(plain, string):
        # "agent* -> which papers evaluate on Minecraft?": the ask in words names what the string does not; it is
        # the narrower criterion
        return plain
    return question


def string_run(question: str) -> str:
    """The search string a question asks to run as the list of papers it finds ("" when it asks no such list): the
    string, with a NOT after it joined ("... -- NOT "software evolution""); not when the words after it ask another
    question ("-> how do these papers connect models to tools?": asked of the papers it finds, as typed) or name what
    the string does not."""
    string, _, plain = _split(question)
    plain = plain.strip()
    if not _is_search_string(string):
        return ""
    string = _REMARK.sub("", string).strip(" .;,")
    if plain and (not_ := _NOT_AFTER.match(plain)):
        return f"({string}) AND NOT ({_left_out(not_['rest'])})"
    if plain and ((_ASK.search(plain) and not _list_asked(plain)) or _names_more(plain, string)):
        return ""
    return string


def _list_asked(plain: str) -> bool:
    return any(_LIST_ASK.match(part) for part in re.split(r"[,.;:]\s+", plain))


def _said(term: str) -> str:
    """A term as the plan reads it: a phrase quoted, a truncation's stem ("mathemat*": "mathemat")."""
    term = term.rstrip("*")
    return f"“{term}”" if " " in term else term


def _left_out(rest: str) -> str:
    """What a "NOT ..." after the string leaves out, the searcher's remark aside: "X", NOT "Y" (false drops)."""
    return re.sub(r",?\s+NOT\s+", " OR ", _REMARK.sub("", rest)).strip(" ,.;")


def _names_more(plain: str, string: str) -> bool:
    named = {n for n in re.findall(r"\b[A-Z][\w.+-]*[A-Z0-9][\w.+-]*|\b[A-Z][a-z]+\b", plain[1:]) if len(n) >= 3}
    return bool(named - set(re.findall(r"[\w.+-]+", string)))


def _split(question: str) -> tuple[str, str, str]:
    if (sql := SQL.match(question)) and not _RESTATED.search(sql["where"]):
        return question, "", ""
    match = _RESTATED.search(question) or re.search(r"(?<=[.?!])\s+(?=[A-Z])", question)
    if not match:
        return question, "", ""
    return question[:match.start()], match.group(), question[match.end():]


def _is_search_string(text: str) -> bool:
    if SQL.match(text):
        return True
    if _PROSE.search(text):
        return False  # a sentence with a word in capitals for stress ("I'm NOT counting")
    operators = len(_OPERATOR.findall(text))
    # One operator between two bare words may be a sentence's "Lean AND Isabelle"; brackets, quotes or a truncation
    # make it a string, as does a string of a few words ("Lean AND NOT Isabelle").
    words = [w for w in text.split() if w not in ("AND", "OR", "NOT")]
    return bool(FIELD_TAG.search(text) or operators >= 2 or
                (operators and re.search(r"[()\"*]", text)) or (operators and len(words) <= 3) or
                # "conjectur* -> which papers ...": a truncated word alone, not a name in a sentence ("... HACL*.")
                (_TRUNCATED.search(text) and len(text.split()) <= 3))
