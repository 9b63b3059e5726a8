"""Chinese mixed into an English question, read in English.

Why: researchers whose first language is Chinese type a phrase of it into an English question now and then ("哪些论文
use Isabelle?", "multi-agent framework 的 paper有哪些?", "miniF2F-test 上, STP or MA-LoT?", "..., 谢谢"). The index and
the rules that read a question's shape are English; a Chinese phrase asks no list and reads as a name no abstract has.
The phrases researchers type are put in English; Chinese no rule knows is left out, since no abstract has it and the
names the question is about are typed in English.
"""

from __future__ import annotations

import re

# Phrases and their English, longest first when matched.
_PHRASES = {
    "哪些论文": "which papers", "哪些文章": "which papers", "哪些工作": "which papers", "哪些paper": "which papers",
    "哪篇论文": "which paper", "哪篇文章": "which paper", "哪篇": "which paper", "哪些": "which", "哪个": "which",
    "相关的论文": "papers", "相关论文": "papers", "的论文": " papers", "论文": "papers", "文章": "papers",
    "有哪些": ", which ones?", "是哪些": ", which ones?", "对比一下": "compare", "比较一下": "compare",
    "对比": "compare", "比较": "compare", "区别": "difference", "谢谢": "", "谢啦": "", "多谢": "", "请问": "",
    "麻烦": "", "一下": "",
    "有点好奇": "just curious", "好奇": "curious", "或者": "or", "还是": "or", "和": "and", "以及": "and", "吗": "?",
    "什么": "what", "怎么": "how", "为什么": "why", "多少": "how many", "是否": "whether", "最好": "best",
    "的": "",
}
_CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
_PHRASE = re.compile("|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True)))
# "miniF2F-test 上": on it; the place word after the name.
_ON = re.compile(r"(?P<name>[\w.+-]+)\s*上")
# Punctuation typed in its Chinese width.
_WIDE = str.maketrans({"，": ", ", "。": ". ", "？": "? ", "！": "! ", "：": ": ", "；": "; ", "（": " (", "）": ") "})


def from_chinese(question: str) -> str:
    """The question with its Chinese phrases in English ("哪些论文 use Isabelle?" -> "which papers use Isabelle?")."""
    if not re.search(_CJK, question):
        return question
    text = _ON.sub(lambda m: f"on {m['name']}", question.translate(_WIDE))
    text = _PHRASE.sub(lambda m: f" {_PHRASES[m.group(0)]} ", text)
    text = re.sub(rf"{_CJK}+", " ", text)
    text = re.sub(r"\s+([?.,!;:])", r"\1", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"([?,])(?:\s*[?,])+", r"\1", text).rstrip(" ,;:")
    return text[0].upper() + text[1:] if text and text[0].islower() and question[0] != text[0] else text
