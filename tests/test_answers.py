"""Extractive answers over the built-in corpus: cited, quoted, and refused when the abstracts say nothing."""


def test_codex_puzzle_question_cites_programming_puzzles_with_the_figure(engine):
    answer = engine.ask("How many of the 397 test puzzles does Codex solve with a single try?")
    assert "18%" in answer.answer
    assert answer.citations[0].title == "Programming Puzzles"
    assert "18%" in answer.citations[0].quote
    assert not answer.refused


def test_every_answer_sentence_is_a_sentence_of_the_cited_abstract(engine):
    answer = engine.ask("Which benchmarks does RLCoder improve on?")
    cited = {c.n: engine.papers[c.paper_id] for c in answer.citations}
    assert answer.sentences
    for sentence in answer.sentences:
        assert sentence.text in cited[sentence.citations[0]].abstract


def test_off_topic_question_is_refused_with_the_closest_papers_marked(engine):
    answer = engine.ask("What is the boiling point of ethanol at sea level?")
    assert answer.refused and answer.citations == []
    assert "do not answer" in answer.answer and "Closest papers" in answer.answer
