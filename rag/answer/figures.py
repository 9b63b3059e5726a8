"""A sentence's figures held to the text it cites, as a careful reader would hold a restatement to its source.

Word overlap and meaning cannot see that "80% with a single try" misstates "80% with 1,000 tries", or that
"none of the 397" contradicts "18% of 397": the sentences are nearly the same. So before anything else, every
number the sentence writes must be in the cited text (however either writes it: "81%", "eighty-one percent"),
each figure must keep the condition the cited text gives it, and a count of a total ("none of", "all", "X of Y")
must agree with the share the cited text gives of that total.
"""

from __future__ import annotations

from rag.text.numbers import Figure, Reading, plain, read, same

# A count against a percentage of the same total ("71 of 397" vs "18%") agrees within this many points.
SHARE_TOLERANCE = 0.5


def figure_problem(sentence: str, cited: str) -> str | None:
    """Why the figures of `sentence` are not supported by `cited`, or None when they are."""
    said, source = read(sentence), read(cited)
    agreed, disagreement = _shares(said, source)
    missing = [f.text.replace(",", "") for f in said.figures
               if not f.implied and not any(f is a for a in agreed) and not source.writes(f.value)]
    missing += [plain(f.total) for f in said.figures if f.total is not None and not source.writes(f.total)]
    missing = list(dict.fromkeys(missing))
    if missing:
        return f"the number{'s' if len(missing) > 1 else ''} {', '.join(missing)} not in the cited text"
    return disagreement or _moved_condition(said, source) or _unstated_condition(said, source)


def _shares(said: Reading, source: Reading) -> tuple[list[Figure], str | None]:
    """The sentence's counts of a total that the cited text confirms, and the first one it contradicts.

    Only figures measured under the same conditions are compared: "80% of 397 with 1,000 tries" does not
    contradict "18% of 397 with a single try"."""
    agreed: list[Figure] = []
    for figure in (f for f in said.figures if f.total is not None and f.share is not None):
        rivals = [s for s in source.figures
                  if s.total is not None and same(s.total, figure.total) and s.share is not None
                  and figure.comparable(s)]
        if not rivals:
            continue
        if any(_same_share(figure, s) for s in rivals):
            agreed.append(figure)
            continue
        quoted = " and ".join(f"“{_of_total(s)}”" for s in rivals)
        return agreed, f"it says “{figure.phrase}” where the cited text says {quoted}"
    return agreed, None


def _moved_condition(said: Reading, source: Reading) -> str | None:
    """A figure the cited text gives only under another condition: "80% with a single try" against "80% with
    1,000 tries"."""
    for figure in said.figures:
        twins = [s for s in source.figures if same(s.value, figure.value) and not s.in_name]
        for condition in (c for c in figure.conditions if c.count is not None):
            elsewhere = [(s, given) for s in twins if (given := s.condition(condition.kind)) is not None
                         and given.count is not None and not same(given.count, condition.count)]
            if twins and len(elsewhere) == len(twins):
                twin, given = elsewhere[0]
                return f"the cited text gives {twin.phrase} {given.text}, not {condition.text}"
    return None


def _unstated_condition(said: Reading, source: Reading) -> str | None:
    """A condition the cited text never gives: "with 100 samples" where it speaks only of "a single try" and
    "1,000 tries", or "with 10 tries" where it writes no 10 at all."""
    for condition in said.conditions:
        if condition.count is None:
            continue
        of_kind = [c for c in source.conditions if c.kind == condition.kind]
        if any(c.count is not None and same(c.count, condition.count) for c in of_kind):
            continue
        if of_kind:
            return f"“{condition.text}” is not in the cited text, which gives " + " and ".join(
                f"“{c.text}”" for c in of_kind)
        if not source.writes(condition.count):
            return f"“{condition.text}” is not in the cited text"
    return None


def _of_total(figure: Figure) -> str:
    """A share as the cited text gives it, with the total a reader took from an earlier count."""
    return f"{figure.phrase} (of {figure.total_from})" if figure.total_from else figure.phrase


def _same_share(a: Figure, b: Figure) -> bool:
    if a.percent == b.percent:
        return same(a.value, b.value)
    return a.share is not None and b.share is not None and abs(a.share - b.share) <= SHARE_TOLERANCE
