"""Reference-manager and catalogue exports (BibTeX, RIS, Zotero CSV, OpenAlex, Semantic Scholar) read as papers,
with their metadata and one id per paper whichever export it came from. No model, no store."""

import json
from pathlib import Path

import pytest

from ingest.formats import read_records
from ingest.library import arxiv_id_of, latex_to_text, normalise_doi
from ingest.records import Found, Rejected

LIBRARY = Path(__file__).parent / "data" / "library"
EXPORTS = ["library.bib", "library.ris", "library.openalex.jsonl"]


def papers_of(path: Path) -> dict:
    return {r.paper.paper_id: r.paper for r in read_records(path) if isinstance(r, Found)}


@pytest.mark.parametrize("latex, text", [
    (r"G{\"o}del's theorem", "Gödel's theorem"),
    (r"\textbf{Lean~4} tactics", "Lean 4 tactics"),
    (r"a budget of $64 \times 100$ calls", "a budget of 64 × 100 calls"),
    (r"41.2\% of \emph{miniF2F}", "41.2% of miniF2F"),
    (r"Garc{\'\i}a", "García"),
    ("no LaTeX at all", "no LaTeX at all"),
])
def test_latex_in_bibtex_values_becomes_the_text_a_reader_sees(latex, text):
    assert latex_to_text(latex) == text


@pytest.mark.parametrize("given, doi, arxiv", [
    ("https://doi.org/10.1145/ABC.123.", "10.1145/abc.123", ""),
    ("doi:10.5555/neurips.2023.0457", "10.5555/neurips.2023.0457", ""),
    ("https://doi.org/10.48550/arXiv.2305.11111", "10.48550/arxiv.2305.11111", "2305.11111"),
    ("https://arxiv.org/abs/2402.44444v3", "", "2402.44444"),
    ("arXiv: 2210.33333", "", "2210.33333"),
    ("https://example.org/2023.12345", "", ""),
])
def test_identifiers_are_normalised_so_two_exports_spell_them_alike(given, doi, arxiv):
    assert (normalise_doi(given), arxiv_id_of(given)) == (doi, arxiv)


def test_the_same_library_as_bibtex_ris_and_openalex_gives_the_same_papers_with_authors_and_years():
    bib, ris, openalex = (papers_of(LIBRARY / name) for name in EXPORTS)
    assert len(bib) == 21
    assert bib.keys() == ris.keys() == openalex.keys()
    for paper_id, paper in bib.items():
        assert paper.authors and paper.year, paper_id
        assert paper.title == ris[paper_id].title == openalex[paper_id].title
        assert paper.abstract == ris[paper_id].abstract == openalex[paper_id].abstract
        assert paper.authors == ris[paper_id].authors == openalex[paper_id].authors


@pytest.mark.parametrize("paper_id, title, authors, year, venue", [
    # DOI first; LaTeX accents in names; a journal given as an @string macro.
    ("10.5555/neurips.2023.0457", "Retrieval of Premises for Lean Proofs at Library Scale",
     ("Petra Novak", "Erik Lindqvist"), 2023, "Advances in Neural Information Processing Systems"),
    # No DOI: the arXiv id from eprint.
    ("2305.11111", "Autoformalizing Competition Algebra into Lean", ("Lucía García", "Wei Chen"), 2023,
     "Transactions on Machine Learning Research"),
    ("10.5555/cade.2023.0101", "Proof Search with Lean 4 Tactics and Small Language Models",
     ("Anna Müller", "Chidi Okafor"), 2023, "Proceedings of the Conference on Automated Deduction"),
])
def test_bibtex_entries_carry_their_metadata(paper_id, title, authors, year, venue):
    paper = papers_of(LIBRARY / "library.bib")[paper_id]
    assert (paper.title, paper.authors, paper.year, paper.venue) == (title, authors, year, venue)


def test_a_paper_without_doi_or_arxiv_id_is_named_by_its_title_as_every_other_reader_names_it():
    from rag.ids import paper_id_from_title

    title = "Learning to Write Isar Proof Sketches"
    assert paper_id_from_title(title) in papers_of(LIBRARY / "library.bib")


def test_bad_bibtex_entries_are_reported_with_their_line_and_the_rest_read(write):
    path = write("mine.bib", (
        "@string{jfr = {Journal of Formalized Reasoning}}\n"                      # 1
        "@article{good1, title={First}, journal=jfr, year=2021,\n"                 # 2
        "  author={Doe, Jane}, abstract={It works.}}\n"                            # 3
        "@article{noabs, title={Second}, year=2022}\n"                             # 4
        "@article{broken, title={Third, year=2022,\n"                              # 5
        "@article{good2, title={Fourth}, year=2023, abstract={It works too.}}\n"   # 6
    ))
    records = list(read_records(path))
    good = [r.paper.title for r in records if isinstance(r, Found)]
    rejected = [str(r) for r in records if isinstance(r, Rejected)]
    assert good == ["First", "Fourth"]
    assert rejected[0].startswith("mine.bib, line 4: no abstract")
    assert rejected[1].startswith("mine.bib, line 5: not valid BibTeX")
    assert len(rejected) == 2


def test_ris_without_extension_is_told_from_its_first_tag_and_a_record_without_abstract_is_named(write):
    path = write("export", "TY  - JOUR\nTI  - Has one\nAB  - Text.\nPY  - 2020\nER  - \n\n"
                           "TY  - JOUR\nTI  - Has none\nPY  - 2021\nER  - \n")
    records = list(read_records(path))
    assert [r.paper.year for r in records if isinstance(r, Found)] == [2020]
    assert [str(r).split(":")[0:2] for r in records if isinstance(r, Rejected)] == [["export, line 7", " no abstract"]]


def test_zotero_csv_export_reads_its_own_column_names(write):
    path = write("My Library.csv", (
        '"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Url","Abstract Note",'
        '"Extra"\n'
        '"AB12","journalArticle","2023","Sato, Kenji; Chen, Wei","Lean Things","J. Lean","10.1234/XY","",'
        '"We prove things in Lean.","arXiv: 2301.00001"\n'
    ))
    [record] = list(read_records(path))
    paper = record.paper
    assert (paper.paper_id, paper.authors, paper.year, paper.venue, paper.arxiv_id) == (
        "10.1234/xy", ("Kenji Sato", "Wei Chen"), 2023, "J. Lean", "2301.00001")


def test_semantic_scholar_papers_and_api_pages_are_read(write):
    paper = {"paperId": "abc", "title": "S2 Paper", "abstract": "It is about Coq.", "year": 2022,
             "venue": "ITP", "externalIds": {"DOI": "10.2345/S2", "ArXiv": "2201.00002"},
             "authors": [{"authorId": "1", "name": "Giulia Rossi"}], "url": "https://www.semanticscholar.org/p/abc"}
    path = write("s2.json", json.dumps({"total": 1, "data": [paper]}))
    [record] = list(read_records(path))
    assert (record.paper.paper_id, record.paper.authors, record.paper.venue) == ("10.2345/s2", ("Giulia Rossi",), "ITP")
    assert record.where == "line 1, item 1"


def test_openalex_abstract_is_rebuilt_from_its_inverted_index(write):
    work = {"id": "https://openalex.org/W1", "title": "T", "publication_year": 2024,
            "abstract_inverted_index": {"models": [1, 4], "Large": [0], "prove": [2], "what": [3]}}
    [record] = list(read_records(write("works.jsonl", json.dumps(work) + "\n")))
    assert record.paper.abstract == "Large models prove what models"


def test_openalex_work_without_abstract_is_rejected_with_its_line(write):
    work = {"id": "https://openalex.org/W1", "title": "T", "abstract_inverted_index": None}
    [record] = list(read_records(write("works.jsonl", "\n" + json.dumps(work) + "\n")))
    assert str(record).startswith("works.jsonl, line 2: no abstract")
