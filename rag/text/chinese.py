"""Chinese mixed into an English question, read in English.

Why: researchers whose first language is Chinese type a phrase of it into an English question now and then ("哪些论文
use Isabelle?", "multi-agent framework 的 paper有哪些?", "miniF2F-test 上, STP or MA-LoT?", "..., 谢谢"). The index and
the rules that read a question's shape are English; a Chinese phrase asks no list and reads as a name no abstract has.
The phrases researchers type are put in English, negations among them; a character or two no rule knows is left out
(the names the question is about are typed in English), and a question with longer Chinese no rule reads is left as
typed, since its topic may be in it.
"""

from __future__ import annotations

import re

# Phrases and their English, longest first when matched; traditional characters where they differ.
_PHRASES = {
    "哪些论文": "which papers", "哪些論文": "which papers", "哪些文章": "which papers", "哪些工作": "which papers",
    "哪些paper": "which papers", "哪篇论文": "which paper", "哪篇論文": "which paper", "哪篇文章": "which paper",
    "哪篇": "which paper", "哪些": "which", "哪个": "which", "哪個": "which",
    "相关的论文": "papers", "相关论文": "papers", "相關的論文": "papers", "的论文": " papers", "论文": "papers",
    "論文": "papers", "文章": "papers", "有哪些": ", which ones?", "是哪些": ", which ones?",
    "对比一下": "compare", "比较一下": "compare", "对比": "compare", "比较": "compare", "區別": "difference",
    "区别": "difference", "谢谢": "", "謝謝": "", "谢啦": "", "多谢": "", "请问": "", "麻烦": "", "一下": "",
    "有点好奇": "just curious", "好奇": "curious", "或者": "or", "还是": "or", "和": "and", "以及": "and", "吗": "?",
    "什么": "what", "怎么": "how", "为什么": "why", "多少": "how many", "是否": "whether", "最好": "best",
    # negation and limits: left out, they would turn "which papers don't use Lean?" into the Lean papers
    "而不是": "rather than", "不是": "not", "没有用": "do not use", "没有使用": "do not use", "没用": "do not use",
    "不用": "do not use", "不使用": "do not use", "没有": "no", "不": "not", "只用": "only use", "只": "only",
    "但是": "but", "但": "but", "使用": "use", "用": "use", "上下文": "context", "研究了": "study", "研究": "study",
    "的": "", "了": "",
}
_CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
_PHRASE = re.compile("|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True)))
# "miniF2F-test 上": on it; the place word after a name typed in Latin letters (not 上下文, "context").
_ON = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9.+-]*)\s*上(?!下)")
# Punctuation and letters typed in their Chinese width.
_WIDE = str.maketrans({**{chr(0xFF01 + at): chr(0x21 + at) for at in range(0x5E)},
                       "，": ", ", "。": ". ", "？": "? ", "！": "! ", "：": ": ", "；": "; ", "（": " (", "）": ") "})
_UNREAD = 3  # characters of Chinese no rule knows that say too much to leave out: the topic is in them


def from_chinese(question: str) -> str:
    """The question with its Chinese phrases in English ("哪些论文 use Isabelle?" -> "which papers use Isabelle?")."""
    if not re.search(_CJK, question):
        return question
    text = _ON.sub(lambda m: f"on {m['name']}", question.translate(_WIDE))
    text = _PHRASE.sub(lambda m: f" {_PHRASES[m.group(0)]} ", text)
    if any(len(unread) >= _UNREAD for unread in re.findall(rf"{_CJK}+", text)):
        return question  # "代码补全相关的论文有哪些？": what it is about is in words no rule reads
    text = re.sub(rf"{_CJK}+", " ", text)
    text = re.sub(r"\s+([?.,!;:])", r"\1", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"([?,])(?:\s*[?,])+", r"\1", text).rstrip(" ,;:")
    return text[0].upper() + text[1:] if text and text[0].islower() and question[0] != text[0] else text
