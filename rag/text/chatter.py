"""The asker's own words: chatter and verbs any way of doing something is asked with. No abstract needs them, so
they are neither a topic's subject nor a word the index lacks."""

from __future__ import annotations

import re

# "choose", "pick", "handle": verbs of choosing or doing; "tricks" for techniques.
CHATTER = frozenset({"people", "folks", "actually", "really", "worry", "worries", "worried", "wondering", "curious",
                     "basically", "probably", "something", "anything", "everything", "nothing", "papers", "stuff",
                     "things", "choose",
                     "choosing", "picks", "picking", "select", "selecting", "handle", "handling", "tackle", "tackling",
                     "approach", "approaches", "deal", "dealing", "manage", "managing", "trying", "trick", "tricks",
                     # "meant to keep being refreshed", "supposed to": what something is for, said of any of it.
                     "meant", "supposed",
                     # "latency is killing us", "completion or otherwise", "spending compute in a smarter way than
                     # plain X": how the asker feels about it, not what it is.
                     "killing", "otherwise", "smarter", "plain", "spend", "spending",
                     # a patent examiner's verbs for what a paper sets out: "which references disclose a Lean dataset"
                     "disclose", "discloses", "disclosed", "disclosing", "teach", "teaches", "taught"})
# Idioms of the asker's, whose words no abstract needs: "going back and forth with the model", "and so forth" (not
# "Forth", a programming language).
IDIOMS = re.compile(r"\b(?:back\s+and\s+forth|and\s+so\s+forth)\b", re.I)
