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


def rejections(records):
    return [str(r) for r in records if isinstance(r, Rejected)]


def titles(records):
    return [r.title for r in records if isinstance(r, Paper)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.jsonl", b"", "empty.jsonl is empty"),
        ("blank.csv", b"\n  \n", "blank.csv is empty"),
        ("export.jsonl", bytes(range(256)) * 8, "export.jsonl cannot be read as text: it is binary data"),
        ("corpus.jsonl", b"\x1f\x8b\x08\x00" + bytes(64), "it is a gzip archive: decompress it"),
        ("papers.csv", "title,abstract\nA,b\n".encode("utf-16"), "it is UTF-16 text: save it as UTF-8"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "it is a PDF"),
    ],
)
def test_a_file_that_is_not_text_is_refused_whole_with_its_name(write, name, content, message):
    with pytest.raises(InputError, match=message):
        reader_for(write(name, content))


def test_invalid_utf8_costs_only_its_own_line_in_jsonl_csv_and_the_page(write):
    jsonl = write("x.jsonl", b'{"title": "A", "abstract": "a."}\n{"title": "Caf\xe9", "abstract": "b."}\n'
                             b'{"title": "C", "abstract": "c."}\n')
    records = read_all(jsonl)
    assert titles(records) == ["A", "C"]
    assert rejections(records) == [
        "x.jsonl, line 2: not valid UTF-8 (byte 0xE9); save the file as UTF-8 to ingest this record"]

    csv = write("x.csv", b'\xef\xbb\xbftitle,abstract\nA,a.\nB,b \xff.\n"C\nspans lines",c.\nD,d.\n')
    records = read_all(csv)
    assert titles(records) == ["A", "C spans lines", "D"]  # the BOM does not hide the title column
    assert rejections(records) == [
        "x.csv, line 3: not valid UTF-8 (byte 0xFF); save the file as UTF-8 to ingest this record"]

    page = write("page.txt", b"new\n\nSubscribe\n\nP1\n\nOne.\n\nP2\n\nTwo \xfe.\n\nP3\n\nThree.\n")
    records = read_all(page)
    assert titles(records) == ["P1", "P3"]
    assert rejections(records) == [
        "page.txt, line 11: not valid UTF-8 (byte 0xFE); save the file as UTF-8 to ingest this record"]


def test_a_csv_without_an_abstract_column_names_the_columns_it_has(write):
    path = write("export.csv", "Title,Summary,Year\nA,b,2020\n")
    with pytest.raises(InputError, match=r"export.csv: the header has no 'abstract' column \(found: title, summary, "
                                         r"year\)"):
        read_all(path)


def test_a_multi_line_csv_record_is_reported_by_its_line_span(write):
    path = write("x.csv", 'title,abstract\nA,a.\n"B\n\n",\nC,c.\n')
    assert rejections(read_all(path)) == ["x.csv, lines 3-5: empty abstract"]


def test_a_megabyte_abstract_is_rejected_with_the_limit_in_jsonl_and_csv(write):
    huge = "word " * 210_000  # 1 MB: a whole paper body, not an abstract
    jsonl = write("x.jsonl", json.dumps({"title": "Huge", "abstract": huge}) + '\n{"title": "B", "abstract": "b."}\n')
    csv = write("x.csv", f"title,abstract\nHuge,{huge}\nB,b.\n")
    for path, line in ((jsonl, 1), (csv, 2)):
        records = read_all(path)
        assert titles(records) == ["B"]
        (message,) = rejections(records)
        assert message.startswith(f"{path.name}, line {line}: abstract is 1,049,999 characters, over the 200,000 limit")
        assert "PAPERCHAT_INGEST__MAX_ABSTRACT_CHARS" in message


def test_records_with_an_empty_title_or_abstract_or_non_text_fields_are_rejected_by_line(write):
    rows = [
        {"title": "", "abstract": "x."}, {"title": "B", "abstract": "  "}, {"title": "C"},
        {"title": ["C"], "abstract": "c."}, {"title": "Fine", "abstract": "fine."},
        {"title": "T" * 3000, "abstract": "t."},
    ]
    records = read_all(write("x.jsonl", "\n".join(json.dumps(r) for r in rows)))
    assert titles(records) == ["Fine"]
    assert rejections(records) == [
        "x.jsonl, line 1: empty title",
        "x.jsonl, line 2: empty abstract",
        "x.jsonl, line 3: empty abstract",
        "x.jsonl, line 4: title is a JSON list, not text",
        "x.jsonl, line 6: title is 3,000 characters long: a broken record (an unclosed quote?)",
    ]


def test_a_json_array_export_is_read_record_by_record(write):
    rows = [{"id": "a", "title": "A", "abstract": "a."}, {"id": "b", "title": "", "abstract": "b."}, 7]
    records = read_all(write("export.json", json.dumps(rows, indent=2)))
    assert titles(records) == ["A"]
    assert rejections(records) == ["export.json, record 2: empty title", "export.json, record 3: not a JSON object"]
    with pytest.raises(InputError, match=r"broken.json is a JSON array that does not parse \(line 1"):
        read_all(write("broken.json", '[{"title": "A", "abstract": "a."},'))


def test_a_byte_order_mark_does_not_break_the_first_jsonl_line(write):
    records = read_all(write("x.jsonl", '\ufeff{"title": "A", "abstract": "a."}\n'))
    assert titles(records) == ["A"]


def test_beir_documents_without_a_title_stay_findable_under_their_id(write):
    corpus = write("corpus.jsonl", "\n".join(json.dumps(d) for d in [
        {"_id": "d1", "title": "", "text": "Masks reduce transmission."},
        {"_id": "d2", "title": "Vaccines", "text": "Vaccines work."},
        {"_id": "", "title": "", "text": "No id and no title."},
    ]))
    records = read_all(corpus)
    assert [(r.paper_id, r.title) for r in records if isinstance(r, Paper)] == [
        ("d1", "Untitled document d1"), ("d2", "Vaccines")]
    assert [r.reason for r in records if isinstance(r, Rejected)] == ["empty title"]
