"""The words a question names people by: whose figure is asked ("the human success rate"), or a side of a
comparison that is no paper ("how do the models compare to humans?")."""

from __future__ import annotations

# Said anywhere in a figure question, these name people whose figure only a sentence about them states.
PEOPLE = r"humans?|annotators?|experts?|crowd-?workers?|participants?"
# Said right after the measurement ("what accuracy do developers get"), more words name people.
MORE_PEOPLE = rf"{PEOPLE}|human|people|users?|developers?|programmers?|students?|mathematicians?|reviewers?|raters?|" \
    r"graders?|judges?|competitors?|contestants?"
