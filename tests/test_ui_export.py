"""Fast tests of the conversation export: Markdown with a reference list, and BibTeX of the cited papers."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from rendered_markdown import ATTACKS, live_markup, shown_text, to_html

from rag.types import Answer, AnswerSentence, Citation, Paper
from ui.conversation import Conversation, Turn
from ui.export import bibtex_escape, conversation_bibtex, conversation_markdown, references, write_exports

ARXIV = Paper("2407.04078", "DotaMath: Decomposition of Thought", "abs", authors=("Chengpeng Li", "Guanting Dong"),
              year=2024, url="https://arxiv.org/abs/2407.04078")
DOI = Paper("10.1000/xyz_1", "Costs & Benefits of 100% {Braces}", "abs")
SLUG = Paper("infinitymath-a-scalable-abc123", "InfinityMATH: A Scalable Dataset", "abs")
TWIN = Paper("infinitymath-other-def456", "InfinityMATH: A Scalable Dataset", "abs")
PAPERS = {p.paper_id: p for p in (ARXIV, DOI, SLUG, TWIN)}


def _answer(query: str, cited: list[Paper], searched: str | None = None, text: str = "") -> Answer:
    citations = [Citation(n, p.paper_id, p.title, f"quote {n} of {p.title}") for n, p in enumerate(cited, 1)]
    return Answer(query=query, searched_query=searched or query,
                  answer=text or " ".join(f"Claim [{c.n}]." for c in citations), citations=citations,
                  sentences=[AnswerSentence(f"Claim {c.n}", [c.n]) for c in citations])


def _conversation() -> Conversation:
    return Conversation([
        Turn("Compare DotaMath and InfinityMATH", _answer("Compare DotaMath and InfinityMATH", [ARXIV, SLUG],
             text="| Paper | Result |\n|---|---|\n| DotaMath [1] | good |\n| InfinityMATH [2] | better |")),
        Turn("too long", error="The question is too long."),
        Turn("And the costs?", _answer("And the costs?", [DOI, ARXIV, TWIN], searched="What are the costs?")),
    ])


def test_every_cited_paper_is_referenced_once_in_order_with_unique_keys():
    refs = references(_conversation(), PAPERS)
    assert [r.paper.paper_id for r in refs] == [ARXIV.paper_id, SLUG.paper_id, DOI.paper_id, TWIN.paper_id]
    assert [r.number for r in refs] == [1, 2, 3, 4]
    assert refs[0].key == "li2024dotamath"
    assert refs[1].key == "infinitymathscalable" and refs[3].key == "infinitymathscalablea"
    assert len({r.key for r in refs}) == 4


def test_markdown_keeps_answers_tables_follow_ups_and_lists_references():
    md = conversation_markdown(_conversation(), PAPERS, now=datetime(2025, 1, 2, 3, 4, tzinfo=UTC))
    assert md.startswith("# paperchat conversation\n\nExported 2025-01-02 03:04 UTC.")
    assert "## 1. Compare DotaMath and InfinityMATH" in md
    assert "| DotaMath [1] | good |" in md  # the table stays Markdown
    assert "*Not answered: The question is too long.*" in md
    assert "*Searching for: What are the costs?*" in md
    assert "- [1] DotaMath: Decomposition of Thought — “quote 2 of DotaMath" in md  # its reference number
    references_part = md.split("## References", 1)[1]
    assert references_part.count("**DotaMath: Decomposition of Thought**") == 1
    assert "Chengpeng Li, Guanting Dong. 2024. id `2407.04078` <https://arxiv.org/abs/2407.04078>" in md
    assert "(BibTeX `li2024dotamath`)" in md


def test_bibtex_entries_carry_ids_and_escape_specials():
    bib = conversation_bibtex(_conversation(), PAPERS)
    assert bib.count("@misc{") == 4
    assert "@misc{li2024dotamath,\n  title = {{DotaMath: Decomposition of Thought}}," in bib
    assert "author = {Chengpeng Li and Guanting Dong}" in bib and "year = {2024}" in bib
    assert "eprint = {2407.04078},\n  archivePrefix = {arXiv}" in bib
    assert "doi = {10.1000/xyz\\_1}" in bib
    assert "title = {{Costs \\& Benefits of 100\\% \\textbraceleft{}Braces\\textbraceright{}}}" in bib
    assert bib.count("{") == bib.count("}")


def test_bibtex_escape_handles_every_special_character():
    assert bibtex_escape("a_b & c% $d #e ~f ^g \\h {i}") == (
        "a\\_b \\& c\\% \\$d \\#e \\textasciitilde{}f \\textasciicircum{}g \\textbackslash{}h "
        "\\textbraceleft{}i\\textbraceright{}"
    )


def test_nothing_cited_still_exports(tmp_path):
    empty = Conversation([Turn("q", error="No papers are indexed.")])
    md_path, bib_path = write_exports(empty, {}, tmp_path / "session")
    assert md_path.name == "paperchat-conversation.md" and bib_path.name == "paperchat-references.bib"
    assert "No paper was cited." in md_path.read_text(encoding="utf-8")
    assert bib_path.read_text(encoding="utf-8").startswith("%")


def _hostile_conversation(attack: str) -> tuple[Conversation, dict[str, Paper]]:
    data = " ".join(attack.split())
    paper = Paper("evil", f"Evil {attack}", f"It works. {attack}", authors=(f"Mallory {attack}", "Eve {"),
                  year=2024, url=f"javascript:alert(1)//{attack}")
    answer = Answer(query=f"q {attack}", searched_query=f"q {attack} rewritten", answer=f"- **Evil {data}** [1]: "
                    f"it works {data}.", citations=[Citation(1, "evil", paper.title, attack)],
                    sentences=[AnswerSentence(f"it works {attack}.", [1], verified=False, reason=f"not in {attack}")])
    return Conversation([Turn(f"q {attack}", answer), Turn(attack, error=f"failed on {attack}")]), {"evil": paper}


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_markdown_export_of_a_hostile_paper_is_inert(attack):
    exported = conversation_markdown(*_hostile_conversation(attack))
    assert live_markup(exported) == []
    html = to_html(exported)
    assert "<strong>Evil" in html and "- [1] Evil" in exported  # the answer's and the sources' own markup stay


def test_only_a_web_url_is_linked_in_the_references():
    paper = Paper("good", "Good", "abs", url="https://arxiv.org/abs/2407.04078")
    answer = Answer(query="q", searched_query="q", answer="Claim [1].", citations=[Citation(1, "good", "Good", "q")])
    exported = conversation_markdown(Conversation([Turn("q", answer)]), {"good": paper})
    assert '<a href="https://arxiv.org/abs/2407.04078">' in to_html(exported)


def _fields(entry: str) -> list[str]:
    """The field names BibTeX reads in one entry: a brace inside a value that ended it early would show here."""
    names, depth = [], 0
    for match in re.finditer(r"[{}]|^\s*(\w+) = (?={)", entry, re.MULTILINE):
        if match[1] and depth == 1:
            names.append(match[1])
        depth += {"{": 1, "}": -1}.get(match[0], 0)
        assert depth >= 0, entry
    assert depth == 0, entry
    return names


@pytest.mark.parametrize("attack", [*ATTACKS, "}, url = {javascript:alert(1)", "\\}", "{", "a}b{c"])
def test_no_bibtex_field_of_a_hostile_paper_ends_early_or_links_a_script(attack):
    bib = conversation_bibtex(*_hostile_conversation(attack))
    assert _fields(bib) == ["title", "author", "year", "abstract", "note"]  # and no `url`: the paper's is javascript:


def test_one_numbering_runs_through_the_whole_document():
    """The chat numbers each answer from [1]; the document numbers every citation by its reference."""
    md = conversation_markdown(_conversation(), PAPERS)
    second = md.split("## 3. And the costs?", 1)[1].split("## References", 1)[0]
    # The second answer cited DOI [1], DotaMath [2] and the InfinityMATH twin [3]: references 3, 1 and 4.
    assert "Claim [3]. Claim [1]. Claim [4]." in second
    assert "- [3] Costs" in second and "- [1] DotaMath" in second and "- [4] InfinityMATH" in second
    assert "3. **Costs \\& Benefits of 100% {Braces}**." in md


def test_the_markdown_has_no_html_entities_and_reads_as_typed():
    md = conversation_markdown(_conversation(), PAPERS)
    assert "&amp;" not in md and "&lt;" not in md
    assert "Costs & Benefits of 100% {Braces}" in shown_text(md)


def test_the_in_short_list_that_repeats_a_table_is_left_out():
    table = "| Paper | Result |\n|---|---|\n| DotaMath [1] | good |"
    answer = _answer("Compare", [ARXIV], text=f"{table}\n\nIn short:\n- **DotaMath**: good [1]")
    md = conversation_markdown(Conversation([Turn("Compare", answer)]), PAPERS)
    assert table in md and "In short" not in md


def test_the_scope_and_a_stopped_question_are_part_of_the_document():
    conversation = Conversation([
        Turn("What does it find?", _answer("What does it find?", [ARXIV]), scope=(ARXIV.paper_id, "gone-paper")),
        Turn("And then?", stopped=True),
    ])
    md = conversation_markdown(conversation, PAPERS)
    assert "*Asked within: “DotaMath: Decomposition of Thought”; “`gone-paper`”*" in md
    assert "## 2. And then?\n\n*Stopped before it was answered.*" in md


def test_bibtex_carries_every_identifier_the_paper_has():
    arxiv_by_url = Paper("some-slug-abc", "Found by URL", "abs", authors=("Ada Lovelace",), year=2023,
                         url="https://arxiv.org/abs/2401.01234v2")
    doi_by_url = Paper("other-slug-def", "Published", "abs", url="https://doi.org/10.1145/3597503.3639187")
    bib = conversation_bibtex(Conversation([Turn("q", _answer("q", [arxiv_by_url, doi_by_url]))]),
                              {p.paper_id: p for p in (arxiv_by_url, doi_by_url)})
    first, second = bib.split("\n\n@")
    assert _fields(first) == ["title", "author", "year", "eprint", "archivePrefix", "url", "abstract", "note"]
    assert "eprint = {2401.01234v2}" in first and "author = {Ada Lovelace}" in first
    assert _fields("@" + second) == ["title", "doi", "url", "abstract", "note"]
    assert "doi = {10.1145/3597503.3639187}" in second


def test_bibtex_and_references_name_the_venue_doi_and_arxiv_id_a_record_carries():
    published = Paper("some-slug", "A Published Paper", "abs", authors=("Grace Hopper",), year=2024,
                      venue="Proceedings of ICSE & Friends", doi="10.1145/3597503.3639187", arxiv_id="2401.01234")
    conversation = Conversation([Turn("q", _answer("q", [published]))])
    bib = conversation_bibtex(conversation, {published.paper_id: published})
    assert _fields(bib) == ["title", "author", "year", "howpublished", "eprint", "archivePrefix", "doi", "abstract",
                            "note"]
    assert "howpublished = {Proceedings of ICSE \\& Friends}" in bib and "eprint = {2401.01234}" in bib
    md = conversation_markdown(conversation, {published.paper_id: published})
    assert "Grace Hopper. *Proceedings of ICSE \\& Friends*. 2024." in md
