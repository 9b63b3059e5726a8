"""The Papers tab's search box (issue 16): plain words, `year:` and `author:` terms -> the papers listed, and the
Authors column."""

from __future__ import annotations

import pytest

from rag.types import Paper
from ui.paper_query import parse_query
from ui.papers_view import count_line, filter_papers, paper_columns, paper_rows, short_authors

PAPERS = {p.paper_id: p for p in [
    Paper("sato23", "Gödel in Lean", "A formalization of incompleteness in Lean.", authors=("Kenji Sato",), year=2023),
    Paper("garcia22", "Autoformalizing Algebra", "Statements translated into Lean.",
          authors=("Lucía García", "Wei Chen"), year=2022),
    Paper("muller24", "Proof Search in Lean 4", "Best-first search with a small model.",
          authors=("Anna Müller", "Chidi Okafor", "Kenji Satoh"), year=2024),
    Paper("2401.01234", "RLCoder: Reinforcement Learning for Code", "Retrieval for repository-level completion."),
]}


@pytest.mark.parametrize(("query", "ids"), [
    ("", ["garcia22", "sato23", "muller24", "2401.01234"]),
    ("lean", ["garcia22", "sato23", "muller24"]),
    ("lean search", ["muller24"]),
    ("GODEL", ["sato23"]),  # case and accents do not count, in plain words either
    ("year:2023", ["sato23"]),
    ("year:2022-2023", ["garcia22", "sato23"]),
    ("year:2023-2022", ["garcia22", "sato23"]),  # a range either way round
    ("year:2022–2023", ["garcia22", "sato23"]),  # an en dash, as typed by a word processor
    ("year:2023-", ["sato23", "muller24"]),
    ("year:-2022", ["garcia22"]),
    ("YEAR:2024", ["muller24"]),
    ("year:2022-2024 year:2023", ["sato23"]),  # two year terms: the years both allow
    ("year:1999", []),
    ("author:sato", ["sato23", "muller24"]),  # a substring of any author: "Satoh" too
    ("author:garcia", ["garcia22"]),  # "García"
    ("author:MÜLLER", ["muller24"]),
    ("author:chen year:2022", ["garcia22"]),
    ("author:chen year:2023", []),
    ('author:"kenji sato"', ["sato23", "muller24"]),
    ("author:okafor author:muller", ["muller24"]),  # both authors on one paper
    ("author:okafor author:chen", []),
    ("author:sato,", ["sato23", "muller24"]),  # a comma typed after the name
    ("by:chen", ["garcia22"]),
    ("lean author:sato year:2023", ["sato23"]),
    ("arxiv:2401", []),  # not a term: a plain word with a colon, matched as typed
    ("RLCoder:", ["2401.01234"]),
    ('"proof search"', ["muller24"]),
    ('"search proof"', []),
    # A term still being typed limits nothing, so the list does not empty while the reader types.
    ("year:", ["garcia22", "sato23", "muller24", "2401.01234"]),
    ("year:20", ["garcia22", "sato23", "muller24", "2401.01234"]),
    ("year:2022-20", ["garcia22", "sato23", "muller24", "2401.01234"]),
    ("author:", ["garcia22", "sato23", "muller24", "2401.01234"]),
    ("lean year:abc", ["garcia22", "sato23", "muller24"]),  # malformed: limits nothing, and the count says so
])
def test_the_search_box_keeps_the_papers_its_terms_allow(query, ids):
    found = [p.paper_id for p in filter_papers(PAPERS, query)]
    assert sorted(found) == sorted(ids)
    assert found == sorted(found, key=lambda i: PAPERS[i].title.lower())  # by title, as before


def test_a_year_filter_leaves_out_papers_without_a_year():
    assert "2401.01234" not in [p.paper_id for p in filter_papers(PAPERS, "year:1900-2100")]


@pytest.mark.parametrize(("query", "problems"), [
    ("year:abc", ("“year:abc”: write a year as year:2023, or a range as year:2022-2024",)),
    ("year:20234", ("“year:20234”: write a year as year:2023, or a range as year:2022-2024",)),
    ("year:2023", ()),
    ("year:20", ()),
])
def test_a_malformed_year_says_how_to_write_one(query, problems):
    assert parse_query(query).problems == problems


def test_the_count_line_names_a_malformed_year():
    line = count_line(3, 3, 4, "lean year:abc")
    assert line.startswith("3 of 4 papers match") and "write a year as year:2023" in line


@pytest.mark.parametrize(("authors", "cell"), [
    ((), ""),
    (("Kenji Sato",), "Kenji Sato"),
    (("Lucía García", "Wei Chen"), "Lucía García and Wei Chen"),
    (("Anna Müller", "Chidi Okafor", "Kenji Satoh"), "Anna Müller et al."),
    (("A" * 60,), "A" * 39 + "…"),  # a broken export's "author" does not widen the column
])
def test_the_authors_cell_is_short(authors, cell):
    assert short_authors(authors) == cell


@pytest.mark.parametrize(("papers", "columns"), [
    ([Paper("a", "A", "abs")], ["Title", "Paper id"]),
    ([Paper("a", "A", "abs", year=2024)], ["Title", "Year", "Paper id"]),
    ([Paper("a", "A", "abs", authors=("X Y",))], ["Title", "Authors", "Paper id"]),
    ([Paper("a", "A", "abs", authors=("X Y",)), Paper("b", "B", "abs", year=2021)],
     ["Title", "Authors", "Year", "Paper id"]),
])
def test_the_authors_and_year_columns_show_when_any_paper_fills_them(papers, columns):
    assert paper_columns(papers) == columns
    assert len(paper_rows(papers, columns)[0]) == len(columns)


def test_a_row_ends_with_the_paper_id_which_picking_a_row_reads():
    papers = filter_papers(PAPERS, "author:sato")
    rows = paper_rows(papers, paper_columns(PAPERS.values()))
    assert rows == [["Gödel in Lean", "Kenji Sato", "2023", "sato23"],
                    ["Proof Search in Lean 4", "Anna Müller et al.", "2024", "muller24"]]
