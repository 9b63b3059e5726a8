"""Every supported format read into clean Paper records; unknown formats get an error naming the supported ones."""

import json

import pytest

from ingest.formats import reader_for
from ingest.pipeline import BUILTIN_CORPUS
from ingest.records import InputError, Rejected
from rag.types import Paper


def read_all(path):
    return list(reader_for(path)(path))


def test_builtin_corpus_yields_the_67_papers_clean():
    papers = read_all(BUILTIN_CORPUS)
    assert len(papers) == 67 and all(isinstance(p, Paper) for p in papers)
    titles = [p.title for p in papers]
    assert titles[0] == "Automated Design of Agentic Systems"
    assert "Only-IF:Revealing the Decisive Effect of Instruction Diversity on Generalization" in titles
    assert titles[-1].startswith("InfinityMATH")
    assert all(p.abstract[-1] in ".!?" or p.abstract.endswith("rigen") or "github" in p.abstract[-40:]
               for p in papers)
    for p in papers:
        for debris in ("\\textbf", "\\url", "$\\", "{", "}", "Subscribe", "Get trending papers"):
            assert debris not in p.title + p.abstract, (debris, p.title)
    execrepo = next(p for p in papers if p.title.startswith("ExecRepoBench"))
    assert "https://execrepobench.github.io/" in execrepo.abstract
    assert len({p.paper_id for p in papers}) == 67


def test_page_reader_strips_a_glued_upvote_count(write):
    page = write("page.txt", "new\n\nSubscribe\n\nMar 11\n\nA Title\n\nWe solve it. Version 2.0 is out.276\n")
    (paper,) = read_all(page)
    assert paper.abstract == "We solve it. Version 2.0 is out."


def test_jsonl_csv_beir_and_arxiv_are_picked_from_the_file(write):
    rows = [{"id": "p1", "title": "Alpha", "abstract": "Alpha does A.", "authors": "Ann, Bob", "year": 2021}]
    jsonl = write("export.jsonl", "\n".join(json.dumps(r) for r in rows))
    csv = write("export.csv", 'title,abstract,url\n"Beta, the sequel",Beta does B.,http://b\n')
    beir = write("corpus.jsonl", json.dumps({"_id": "d7", "title": "Gamma", "text": "Gamma does C."}))
    arxiv = write("arxiv.json", json.dumps({"id": "2101.00001", "title": "Delta\n  paper", "abstract": " Delta.\n",
                                            "authors": "X", "update_date": "2021-02-03", "submitter": "X"}))
    (alpha,) = read_all(jsonl)
    assert (alpha.paper_id, alpha.authors, alpha.year) == ("p1", ("Ann", "Bob"), 2021)
    (beta,) = read_all(csv)
    assert (beta.title, beta.url) == ("Beta, the sequel", "http://b")
    (gamma,) = read_all(beir)
    assert (gamma.paper_id, gamma.abstract) == ("d7", "Gamma does C.")
    (delta,) = read_all(arxiv)
    assert (delta.title, delta.year, delta.url) == ("Delta paper", 2021, "https://arxiv.org/abs/2101.00001")


def test_unknown_format_lists_the_supported_ones(write):
    with pytest.raises(InputError, match="Supported formats: JSON Lines"):
        reader_for(write("notes.md", "# just some notes\n"))


def test_a_bad_jsonl_line_is_reported_with_its_number_and_the_rest_still_read(write):
    path = write("x.jsonl", '{"title": "A", "abstract": "a."}\n{oops\n{"title": "", "abstract": "b."}\n'
                            '{"title": "C", "abstract": "c."}\n')
    records = read_all(path)
    assert [r.title for r in records if isinstance(r, Paper)] == ["A", "C"]
    assert [str(r) for r in records if isinstance(r, Rejected)] == [
        "x.jsonl, line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        "x.jsonl, line 3: empty title",
    ]
