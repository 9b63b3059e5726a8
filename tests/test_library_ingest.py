"""A researcher's own library, exported three ways, ingested into a real store: one set of papers, with authors,
years and links in answers, and list questions limited by year and author."""

import json
from pathlib import Path

import pytest
from cli_runner import run_cli

from ingest.writer import ingest_into

LIBRARY = Path(__file__).parent / "data" / "library"
BIB, RIS, OPENALEX = (LIBRARY / n for n in ("library.bib", "library.ris", "library.openalex.jsonl"))
LEAN_2023 = {"10.5555/cade.2023.0101", "2305.11111", "10.5555/neurips.2023.0457", "10.5555/jfr.2023.0009",
             "10.5555/csur.2023.0001"}
BY_SATO = {"10.5555/jfr.2023.0009", "10.5555/icml.2024.0777", "10.5555/csur.2023.0001"}


@pytest.fixture(scope="module")
def library(embedder, settings_for):
    """The .bib, then the RIS and the OpenAlex export of the same papers, ingested one after another."""
    from rag.engine import Engine

    engine = Engine(settings_for("library"), embedder=embedder)
    reports = [ingest_into(engine, [path], progress=False) for path in (BIB, RIS, OPENALEX)]
    engine.refresh()
    return engine, reports


def test_three_exports_of_one_library_are_one_set_of_papers(library):
    engine, (bib, ris, openalex) = library
    assert (bib.new, bib.papers, bib.matched) == (21, 21, 0)
    assert ris.new == openalex.new == 0
    assert ris.matched == openalex.matched == 21
    assert "21 matched to the same paper from another file" in ris.summary()
    assert len(engine.papers) == 21


def test_a_later_export_adds_what_the_first_lacked_and_keeps_what_it_had(library):
    engine, _ = library
    paper = engine.papers["2305.11111"]  # the .bib gave no DOI or URL; OpenAlex gave the arXiv DOI
    assert paper.doi == "10.48550/arxiv.2305.11111"
    assert paper.venue == "Transactions on Machine Learning Research"
    assert paper.authors == ("Lucía García", "Wei Chen") and paper.year == 2023


def test_ingesting_an_export_again_changes_nothing(library):
    engine, _ = library
    again = ingest_into(engine, [OPENALEX], progress=False)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 21)


@pytest.mark.parametrize("question, expected", [
    ("Which papers from 2023 use Lean?", LEAN_2023),
    ("Which 2023 papers use Lean?", LEAN_2023),
    ("Which papers by Kenji Sato?", BY_SATO),
    ("List papers written by Sato on Lean", BY_SATO),
    ("Which papers use Lean before 2023?", {"10.5555/iclr.2022.0311", "2210.33333"}),
])
def test_list_questions_are_limited_by_year_and_author(library, question, expected):
    engine, _ = library
    answer = engine.ask(question)
    assert answer.kind == "list"
    assert {c.paper_id for c in answer.citations} == expected


def test_a_year_no_paper_has_is_said_plainly(library):
    engine, _ = library
    answer = engine.ask("Which papers from 2019 use Lean?")
    assert answer.refused
    assert "No paper in the index is from 2019" in answer.answer


def test_citations_carry_authors_year_and_a_link(library):
    engine, _ = library
    answer = engine.ask("Which papers from 2023 use Lean?")
    cited = {c.paper_id: c for c in answer.citations}["10.5555/neurips.2023.0457"]
    assert cited.authors == ("Petra Novak", "Erik Lindqvist")
    assert cited.year == 2023
    assert cited.url == "https://doi.org/10.5555/neurips.2023.0457"


def test_cli_reports_a_bad_entry_by_line_keeps_the_rest_and_answers_json_with_metadata(tmp_path, write):
    bad = write("mine.bib", BIB.read_text(encoding="utf-8") + "\n@article{noabs, title={No Abstract Here}}\n")
    line = len(BIB.read_text(encoding="utf-8").splitlines()) + 2
    ingested = run_cli("ingest", "--quiet", str(bad), data_dir=tmp_path)
    assert ingested.returncode == 1, ingested.stderr
    assert ingested.stdout.startswith("21 papers: 21 new")
    assert f"mine.bib, line {line}: no abstract" in ingested.stdout + ingested.stderr

    asked = run_cli("ask", "--json", "Which papers from 2023 use Lean?", data_dir=tmp_path)
    assert asked.returncode == 0, asked.stderr
    citations = json.loads(asked.stdout)["citations"]
    assert {c["paper_id"] for c in citations} == LEAN_2023
    assert all(c["authors"] and c["year"] == 2023 and c["url"].startswith("https://") for c in citations)


def test_the_exported_bibtex_ingests_again_as_the_same_papers_with_their_metadata(library, embedder, settings_for,
                                                                                   tmp_path):
    from rag.engine import Engine
    from ui.conversation import Conversation, Turn
    from ui.export import write_exports

    engine, _ = library
    answer = engine.ask("Which papers from 2023 use Lean?")
    conversation = Conversation([Turn("Which papers from 2023 use Lean?", answer=answer)])
    _, bib = write_exports(conversation, engine.papers, tmp_path / "export")

    again = Engine(settings_for("round-trip"), embedder=embedder)
    report = ingest_into(again, [bib], progress=False)
    cited = {c.paper_id for c in answer.citations}
    assert report.rejected == [] and set(again.papers) == cited
    for pid in cited:
        before, after = engine.papers[pid], again.papers[pid]
        assert (after.title, after.authors, after.year, after.doi) == (before.title, before.authors, before.year,
                                                                      before.doi)


def test_the_sources_panel_names_authors_and_year(library):
    from ui.conversation import Conversation, Turn
    from ui.sources_view import sources_html

    engine, _ = library
    answer = engine.ask("Which papers from 2023 use Lean?")
    html = sources_html(Conversation([Turn("Which papers from 2023 use Lean?", answer=answer)]), engine.papers)
    assert "Petra Novak, Erik Lindqvist · 2023" in html


def test_who_wrote_a_named_paper_is_answered_from_its_record(library):
    engine, _ = library
    answer = engine.ask("Who are the authors of the Gödel's Incompleteness, Formalized paper?")
    assert not answer.refused and "Kenji Sato" in answer.answer and answer.answer.startswith("From the index record")
    assert [c.title for c in answer.citations] == ["Gödel's Incompleteness, Formalized: A Lean Case Study"]
