"""Factoid answers: the chosen abstract sentences, each quoted and cited to its paper."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.answer.citations import CitationBook
from rag.answer.scoring import ScoredSentence
from rag.text.markers import escape_markers
from rag.text.sentences import read_with_previous, split_sentences
from rag.types import Answer, AnswerSentence, Paper


def extractive_answer(
    chosen: Sequence[ScoredSentence], papers: dict[str, Paper], *, query: str, searched: str,
    emphasis: tuple[int, int] | None = None
) -> Answer:
    """`emphasis`: where the asked value is in the first sentence ("1,329 lemmas"), shown in bold so the reader
    finds it at once; the sentence itself (what is verified and cited) is unchanged."""
    book = CitationBook(papers)
    sentences = []
    quoted = {s.text for s in chosen}
    for s in chosen:
        n = book.cite(s.paper_id, s.text, s.score)
        sentences.append(AnswerSentence(text=s.text, citations=[n]))
        if (limit := _limiting(s, papers)) and limit not in quoted:
            # A claim is quoted with what limits or spells it out, said right after it in its abstract.
            quoted.add(limit)
            book.cite(s.paper_id, limit)
            sentences.append(AnswerSentence(text=limit, citations=[n]))
    shown = [escape_markers(s.text) for s in sentences]
    if emphasis is not None and sentences:
        start, end = emphasis
        first = sentences[0].text
        shown[0] = f"{escape_markers(first[:start])}**{escape_markers(first[start:end])}**{escape_markers(first[end:])}"
    text = " ".join(f"{quoted} [{s.citations[0]}]" for quoted, s in zip(shown, sentences, strict=True))
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations, sentences=sentences)


def _limiting(chosen: ScoredSentence, papers: dict[str, Paper]) -> str:
    """The sentence right after the chosen one in its abstract when it limits it ("However, this is only the case
    ...") or spells it out ("Specifically, ..."), or ""."""
    following = split_sentences(papers[chosen.paper_id].abstract)[chosen.position + 1:chosen.position + 2]
    return following[0] if following and read_with_previous(following[0]) else ""


# A yes/no answer without a finding takes the best finding of its first paper when that scores at least this
# share of the best sentence. Set on the 505 SciFact *train* claims with evidence (bench/scifact_yesno.py --split
# train): finding rate 0.566 without, 0.568 at 0.8, 0.598 at 0.6, no more below; dev was not looked at to set it.
# An answer holding a finding already takes one more so (stop 56): train 0.776 -> 0.784 (0.7: 0.782, 0.5: 0.784);
# the tune parts' yes/no fact recall 0.951 -> 0.965, 13 up, none down, answers 643 -> 680 characters on average.
FINDING_RATIO = 0.6
# A yes/no answer's room beyond max_sentences, for that finding: held to max_sentences exactly (the weakest sentence
# but the lead making room), the tune parts' yes/no fact recall fell 0.965 -> 0.951, the finding or the asked-for
# sentence pushed out of full answers; with this room and background giving up its place first, 0.965.
FINDING_ROOM = 1


def findings_first(chosen: Sequence[ScoredSentence], papers: dict[str, Paper],
                   scored: Sequence[ScoredSentence] = (),
                   by_ask: Sequence[ScoredSentence] = (), limit: int | None = None) -> list[ScoredSentence]:
    """A yes/no question is answered by a finding: result and conclusion sentences lead, background follows.
    The best paper's best finding among `scored` not chosen yet is added: "Does X reduce Y?" is answered by what the
    study found, not only by why it was done, and often by two of its findings; in a full answer (`limit`) it takes
    the place of the weakest sentence, background (even the best-scoring) before findings. `by_ask`: the lead paper's
    sentences scored for what the question asks beyond the paper's subject (finding_aspect); its best finding
    leads."""
    from rag.answer.roles import classify

    def is_finding(s: ScoredSentence) -> bool:
        n = len(split_sentences(papers[s.paper_id].abstract))
        return classify(s.text, s.position, n) == "results"

    chosen = list(chosen)
    kept: list[ScoredSentence] = []  # what answers the question itself: never pushed out for room
    if chosen:
        lead = max(chosen, key=lambda s: s.score)
        if is_finding(lead):  # a background sentence scoring best is the first to give up its place
            kept.append(lead)
        # With a finding chosen already too: "Our findings also reveal that merely diversifying within limited
        # domains fails ..." answers "is a narrow set of domains enough?" beside the finding that generalization
        # needs diverse domains.
        finding = next((s for s in scored if s.paper_id == lead.paper_id and s not in chosen and is_finding(s)
                        and s.score >= FINDING_RATIO * lead.score), None)
        if finding is not None:
            chosen.append(finding)
            kept.append(finding)
    asked = next((s for s in by_ask if is_finding(s)), None)
    if asked is not None:
        # Its place and score as the whole question found it, so the answer reads as before around it.
        mine = next((s for s in scored if s.paper_id == asked.paper_id and s.position == asked.position), asked)
        chosen = [mine, *(s for s in chosen if s.position != mine.position or s.paper_id != mine.paper_id)]
        kept.append(mine)
    return sorted(_within(chosen, kept, limit, is_finding), key=lambda s: not is_finding(s))


def _within(chosen: list[ScoredSentence], kept: Sequence[ScoredSentence], limit: int | None,
            is_finding: Callable[[ScoredSentence], bool]) -> list[ScoredSentence]:
    """The chosen sentences cut to the answer's limit: the weakest go first, background before findings, never one
    `kept` (with room for fewer than those, the ones first kept: the lead finding, then the finding added)."""
    if limit is None:
        return chosen
    while len(chosen) > limit:
        spare = [s for s in chosen if not any(s is k for k in kept)]
        if not spare:
            keep = kept[:limit] if limit > 1 else kept[-1:]  # one place: the finding that answers
            return [s for s in chosen if any(s is k for k in keep)]
        weakest = min(spare, key=lambda s: (is_finding(s), s.score))
        chosen = [s for s in chosen if s is not weakest]
    return chosen
