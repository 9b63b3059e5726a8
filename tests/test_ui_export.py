"""Fast tests of the conversation export: Markdown with a reference list, and BibTeX of the cited papers."""

from __future__ import annotations

from datetime import UTC, datetime

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
    assert "- [2] DotaMath: Decomposition of Thought — reference 1 — “quote 2 of DotaMath" in md
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
    assert "title = {{Costs \\& Benefits of 100\\% \\{Braces\\}}}" in bib
    plain = bib.replace("\\{", "").replace("\\}", "")
    assert plain.count("{") == plain.count("}")


def test_bibtex_escape_handles_every_special_character():
    assert bibtex_escape("a_b & c% $d #e ~f ^g \\h {i}") == (
        "a\\_b \\& c\\% \\$d \\#e \\textasciitilde{}f \\textasciicircum{}g \\textbackslash{}h \\{i\\}"
    )


def test_nothing_cited_still_exports(tmp_path):
    empty = Conversation([Turn("q", error="No papers are indexed.")])
    md_path, bib_path = write_exports(empty, {}, tmp_path / "session")
    assert md_path.name == "paperchat-conversation.md" and bib_path.name == "paperchat-references.bib"
    assert "No paper was cited." in md_path.read_text(encoding="utf-8")
    assert bib_path.read_text(encoding="utf-8").startswith("%")
