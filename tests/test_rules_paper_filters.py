"""Year and author limits in list questions: what the question says -> the topic left to match and the limit."""

import pytest

from rag.answer.paper_filters import PaperFilter, split_filters
from rag.answer.plan import list_topic
from rag.types import Paper


@pytest.mark.parametrize("question, topic", [
    ("Which papers from 2023 use Lean", "Lean, from 2023"),
    ("Which papers use Lean in 2024", "Lean, from 2024"),
    ("Which papers by Kenji Sato", "by Kenji Sato"),
    ("List papers written by Sato on Lean", "Lean, by Sato"),
    ("Which papers use Lean before 2023", "Lean, up to 2022"),
    ("Which papers published between 2021 and 2022 use Coq", "Coq, from 2021 to 2022"),
    ("Which papers since 2023 by Anna Müller use Lean", "Lean, since 2023, by Anna Müller"),
    ("Which 2023 papers use Lean?", "Lean, from 2023"),
    ("what 2022-2023 papers evaluate on miniF2F", "miniF2F, from 2022 to 2023"),
    ("Which of the 2024 papers are about Lean?", "Lean, from 2024"),
    ("Papers from 2023 on Lean", "Lean, from 2023"),
    ("Which papers use Lean, published 2023?", "Lean, from 2023"),
    # The kind of paper said before the noun narrows the topic; words that say no kind are dropped.
    ("Which Lean papers use miniF2F?", "miniF2F in Lean"),
    ("which theorem-proving papers report results on miniF2F", "miniF2F in theorem-proving"),
    ("What other papers use GSM8K?", "GSM8K"),
    ("What datasets do the papers use?", ""),  # an aggregation, not a list of papers
    # No limit: the topic is what it was.
    ("Which papers use Lean", "Lean"),
    ("Which papers report results improved by GPT-4", "improved by GPT-4"),
])
def test_list_questions_keep_their_limits_in_one_canonical_form(question, topic):
    assert list_topic(question) == topic


@pytest.mark.parametrize("topic", ["Lean, from 2023", "Lean, from 2021 to 2022", "Coq, since 2023, by Anna Müller",
                                   "by Kenji Sato", "Lean, up to 2022"])
def test_the_canonical_form_parses_back_to_itself(topic):
    rest, only = split_filters(topic)
    assert (f"{rest}, {only.phrase()}" if rest else only.phrase()) == topic


SATO_2023 = Paper("p", "T", "A.", authors=("Kenji Sato", "Lucía García"), year=2023)


@pytest.mark.parametrize("limit, keeps", [
    (PaperFilter(2023, 2023), True),
    (PaperFilter(2024, None), False),
    (PaperFilter(None, 2023), True),
    (PaperFilter(author="Sato"), True),
    (PaperFilter(author="K. Sato"), True),
    (PaperFilter(author="lucia garcia"), True),  # accents and case do not count
    (PaperFilter(author="Satoshi"), False),
    (PaperFilter(2023, 2023, "Chen"), False),
])
def test_a_limit_keeps_papers_by_year_and_author(limit, keeps):
    assert limit.keeps(SATO_2023) is keeps


def test_a_year_limit_leaves_out_papers_without_a_year():
    assert not PaperFilter(2023, 2023).keeps(Paper("q", "T", "A."))


# Described list topics ("papers that rely on abstract syntax trees"): which papers' best sentence scores keep them.
@pytest.mark.parametrize(("scores", "kept"), [
    ([0.80, 0.70, 0.50, 0.40], 2),                           # a strong best: the 0.60 floor and 0.72 of the best
    ([0.59, 0.53, 0.53, 0.40, 0.36, 0.34, 0.30, 0.29], 3),  # worded loosely: the best stands out, those near it
    ([0.54, 0.51, 0.50, 0.50, 0.49, 0.49, 0.48, 0.45], 0),  # flat: nothing is about it more than the rest
])
def test_a_described_topic_keeps_the_papers_that_stand_out(scores, kept):
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    papers = [Paper(f"p{i}", f"Paper {i}", "An abstract.") for i in range(len(scores))]
    scored = [ScoredSentence(f"p{i}", 0, "An abstract.", s, 0.0, s, i) for i, s in enumerate(scores)]
    assert len(find_matches("rely on abstract syntax trees", papers, lambda topic: scored)) == kept


@pytest.mark.parametrize(("papers", "said"), [
    ([Paper("q", "T", "A."), Paper("r", "U", "B.")], "None of the 2 indexed papers has years"),
    ([Paper("q", "T", "A."), Paper("r", "U", "B.", year=2021)], "Only 1 of the 2 indexed papers have years"),
])
def test_why_a_year_limited_list_is_empty(papers, said):
    from rag.answer.paper_filters import why_none

    assert said in why_none(PaperFilter(2024, 2024), papers)
