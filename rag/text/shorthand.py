"""The field's own shorthand, written out: "TP" (theorem proving), "CG" (code generation), "TTS" (test-time
scaling), "SE agents" (software engineering), "PaT@10" (pass@10), "mF2F" (miniF2F), "SWE-b" (SWE-bench).

Why: senior researchers type the field's acronyms ("TP in Lean -- which papers build provers?", "unit tests as
signal for CG", "GitChameleon: GPT-4o PaT@10, w/o error feedback?"). No abstract writes them and none is a name's
capitals, so they read as names the index lacks and the question was refused. A closed list of what each means in
this field, read only in the capitals typed and only when no abstract writes the shorthand itself: an index that has
"TTS" for text-to-speech keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

SHORTHAND = {
    "TP": "theorem proving", "ATP": "automated theorem proving", "CG": "code generation",
    "TTS": "test-time scaling", "RLVR": "reinforcement learning with verifiable rewards",
    "NL2Code": "code generation from natural language", "mF2F": "miniF2F", "SWE-b": "SWE-bench",
    "HE+": "HumanEval+", "PaT": "pass@k", "SE": "software engineering",
}
# A short form other fields use too is read only beside words of this one's sense: "TP in Lean", "unit tests for
# CG", "TTS for code/math", not "TP=8 tensor parallelism", "CG (conjugate gradient)", "TTS for voice cloning".
_PROVING = r"lean|isabelle|coq|prov\w*|proofs?|theorem\w*|minif2f|formal\w*|olympiad|math\w*"
_SENSE = {
    "TP": _PROVING, "ATP": _PROVING,
    "CG": r"code|coding|programs?|programming|humaneval|mbpp|llms?|unit\s+tests?|repo\w*|alphacode\S*|search|"
          r"synthes\w+|sampl\w+|pass@\w+|benchmarks?|agents?",
    "TTS": r"compute|inference|sampling|scal\w+|reasoning|math\w*|code|verifi\w+|search",
    "SE": r"agents?|issues?|github|code|coding|repair|bugs?|programs?|programming|repositor\w*|swe\S*",
}
_OTHER_SENSE = re.compile(r"speech|voice|audio|tennis|tensor|parallelism|gradient|animation|graphics", re.I)
_SHORT = re.compile(r"(?<![\w@.+-])(?<![a-z0-9]/)(?P<short>" +
                    "|".join(re.escape(s) for s in sorted(SHORTHAND, key=len, reverse=True)) +
                    r")(?P<at>@(?:\d+|k))?(?![\w+=-]|\.\w)")


def shorthand_written_out(question: str, written: Callable[[str], bool]) -> str:
    """The question with the field's shorthand written out, but for any the abstracts write (`written`)."""
    def meant(match: re.Match[str]) -> str:
        short = match["short"]
        if written(short):
            return match.group(0)
        if short == "PaT":  # "PaT@10" is pass@10; "vanilla PaT", pass@k
            return f"pass{match['at']}" if match["at"] else "pass@k"
        if match["at"] or (short in _SENSE and (_OTHER_SENSE.search(question) or
                                                not re.search(rf"\b(?:{_SENSE[short]})\b", question, re.I))):
            return match.group(0)  # "TP@1", "TTS for voice cloning", "CG animation"
        return SHORTHAND[short]

    return _SHORT.sub(meant, question)
