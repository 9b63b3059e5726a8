"""The BEIR runner end to end: a dozen-paper BEIR folder, the real model and a real Chroma store.

The qrels are built so every figure is known by hand whatever the retriever: each scored query's topic
paper is unmistakable (all three retrievers put it first), and the other judged ids are absent from the
corpus, so they can never be found.
"""

import json
import math
from pathlib import Path

import pytest

from eval.beir import BeirError, evaluate, load, open_engine
from rag.settings import IngestSettings

TOPICS = {
    "photo": ("Light reactions of photosynthesis in spinach chloroplasts",
              "Chlorophyll absorbs sunlight and drives photosynthesis in the thylakoid membranes of chloroplasts. "
              "Water is split and oxygen is released. "
              "The energy is stored as ATP and NADPH for carbon fixation in the Calvin cycle."),
    "volcano": ("Magma ascent and explosive volcanic eruptions",
                "Volcanoes erupt when gas-rich magma rises through the crust and pressure exceeds rock strength. "
                "Dissolved water and carbon dioxide form bubbles that fragment the magma into ash."),
    "chess": ("Opening theory in grandmaster chess games",
              "We study how grandmasters choose chess openings such as the Sicilian defence and the queen's gambit."),
    "bees": ("Waggle dance communication in honey bee colonies",
             "Honey bee foragers perform a waggle dance that tells nestmates the direction and distance of flowers."),
    "coffee": ("Caffeine intake and sleep latency in adults",
               "Drinking coffee in the evening delays sleep onset because caffeine blocks adenosine receptors."),
    "glacier": ("Retreat of Alpine glaciers since 1850",
                "Alpine glaciers have lost about half of their ice volume since the end of the Little Ice Age."),
    "bridge": ("Fatigue cracks in steel railway bridges",
               "Repeated train loading opens fatigue cracks at welded joints of old steel railway bridges."),
    "whale": ("Song structure of humpback whales",
              "Male humpback whales sing long structured songs that change from year to year across the ocean."),
    "bread": ("Sourdough fermentation by lactic acid bacteria",
              "Wild yeast and lactic acid bacteria leaven sourdough bread and give it a sour taste."),
    "malaria": ("Artemisinin resistance in malaria parasites",
                "Mutations in the kelch13 gene let Plasmodium falciparum survive artemisinin treatment."),
    "tides": ("Lunar forcing of ocean tides",
              "The gravitational pull of the Moon raises two tidal bulges that sweep around the Earth each day."),
    "violin": ("Varnish and the tone of Stradivari violins",
               "Chemical analysis of the varnish on Stradivari violins finds no secret ingredient behind their tone."),
}
QUERIES = {
    "q1": "How do chloroplasts turn sunlight into chemical energy in photosynthesis?",
    "q2": "Why do volcanoes erupt explosively when magma rises?",
    "q3": "Do honey bees tell each other where flowers are with a dance?",
    "q4": "Does evening coffee delay sleep?",
    "q5": "An unjudged query that the test split does not use.",
}
# q1: found at rank 1 -> 1, 1, 1.  q2: one of two relevant found at rank 1 -> nDCG 1/(1 + 1/log2 3), R 0.5,
# MRR 1.  q3: only a missing paper is relevant -> 0, 0, 0.  q4: judged non-relevant only -> not scored.
QRELS = [("q1", "photo", 1), ("q2", "volcano", 1), ("q2", "not-in-corpus-1", 1), ("q3", "not-in-corpus-2", 1),
         ("q4", "coffee", 0)]
EXPECTED = {
    "ndcg@10": (1 + 1 / (1 + 1 / math.log2(3)) + 0) / 3,
    "recall@100": (1 + 0.5 + 0) / 3,
    "mrr@10": (1 + 1 + 0) / 3,
}


def write_beir(root: Path, topics=TOPICS, qrels=QRELS, split="test") -> Path:
    (root / "qrels").mkdir(parents=True, exist_ok=True)
    with (root / "corpus.jsonl").open("w") as f:
        for pid, (title, text) in topics.items():
            f.write(json.dumps({"_id": pid, "title": title, "text": text, "metadata": {}}) + "\n")
    with (root / "queries.jsonl").open("w") as f:
        for qid, text in QUERIES.items():
            f.write(json.dumps({"_id": qid, "text": text, "metadata": {}}) + "\n")
    lines = ["query-id\tcorpus-id\tscore", *(f"{q}\t{p}\t{g}" for q, p, g in qrels)]
    (root / "qrels" / f"{split}.tsv").write_text("\n".join(lines) + "\n")
    return root


@pytest.fixture(scope="module")
def minibeir(tmp_path_factory):
    return write_beir(tmp_path_factory.mktemp("minibeir") / "minibeir")


@pytest.fixture(scope="module")
def beir_engine(minibeir, embedder, settings_for):
    dataset = load(minibeir)
    engine, report, removed = open_engine(settings_for("beir"), dataset, embedder=embedder, progress=False)
    return dataset, engine, report, removed


@pytest.fixture
def cli(monkeypatch, embedder):
    """The real `paperchat` entry point, with the session's already loaded model instead of a second copy."""
    import rag.index.encoder
    from ui.cli import main

    monkeypatch.setattr(rag.index.encoder, "Embedder", lambda *args, **kwargs: embedder)
    return main


def test_load_keeps_only_the_split_queries_and_reads_grades(minibeir):
    dataset = load(minibeir)
    assert dataset.name == "minibeir"
    assert set(dataset.queries) == {"q1", "q2", "q3", "q4"}
    assert dataset.qrels["q2"] == {"volcano": 1, "not-in-corpus-1": 1}
    assert dataset.qrels["q4"] == {"coffee": 0}


def test_corpus_goes_to_a_collection_of_its_own(beir_engine):
    _, engine, report, removed = beir_engine
    assert engine.store.name.startswith("beir-minibeir-")
    assert report.new == 12 and removed == 0
    assert set(engine.papers) == set(TOPICS)


@pytest.mark.parametrize("retriever", ["dense", "bm25", "hybrid"])
def test_scores_match_the_hand_computed_figures(beir_engine, retriever):
    from rag.settings import RetrievalSettings

    dataset, engine, _, _ = beir_engine
    result = evaluate(engine, dataset, RetrievalSettings(retriever=retriever), progress=False)
    assert result.n_queries == 3
    assert result.scores == pytest.approx(EXPECTED)
    assert result.rankings["q1"][0] == "photo" and result.rankings["q2"][0] == "volcano"
    for ranking in result.rankings.values():
        assert len(ranking) == len(set(ranking))  # one entry per paper, never one per chunk
    if retriever != "bm25":  # dense ranks every paper; BM25 only those sharing a word with the query
        assert len(result.rankings["q1"]) == len(TOPICS)


def test_cli_prints_and_writes_the_summary_then_reuses_the_collection(cli, minibeir, tmp_path, capsys):
    args = ["eval", "beir", str(minibeir), "--data-dir", str(tmp_path / "data"), "--quiet"]
    assert cli([*args, "--retriever", "bm25", "--out", str(tmp_path / "out")]) == 0
    first = capsys.readouterr().out
    assert "12 papers: 12 new, 0 updated, 0 unchanged" in first
    assert f"nDCG@10 {EXPECTED['ndcg@10']:.4f}" in first and "MRR@10 0.6667" in first
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["retriever"] == "bm25" and summary["n_queries"] == 3
    assert summary["index"]["chunk_tokens"] == IngestSettings().chunk_tokens  # says which vectors were scored
    assert summary["ndcg@10"] == pytest.approx(EXPECTED["ndcg@10"], abs=1e-5)
    assert summary["recall@100"] == pytest.approx(0.5, abs=1e-5)
    assert summary["mrr@10"] == pytest.approx(2 / 3, abs=1e-5)
    rows = [json.loads(line) for line in (tmp_path / "out" / "per_query.jsonl").read_text().splitlines()]
    assert [r["query_id"] for r in rows] == ["q1", "q2", "q3"] and rows[0]["top10"][0] == "photo"

    assert cli(args) == 0  # default retriever, same data folder: nothing is embedded again
    second = capsys.readouterr().out
    assert "12 papers: 0 new, 0 updated, 12 unchanged" in second and "retriever hybrid" in second


def test_a_changed_corpus_is_mirrored(minibeir, embedder, settings_for, tmp_path):
    settings = settings_for("beir-changed")
    open_engine(settings, load(minibeir), embedder=embedder, progress=False)
    topics = {k: v for k, v in TOPICS.items() if k != "violin"}
    topics["tides"] = ("Lunar forcing of ocean tides", "The Sun also raises tides, about half as high as the Moon's.")
    changed = write_beir(tmp_path / "minibeir", topics=topics)
    engine, report, removed = open_engine(settings, load(changed), embedder=embedder, progress=False)
    assert (report.new, report.updated, report.unchanged, removed) == (0, 1, 10, 1)
    assert "violin" not in engine.papers and "The Sun" in engine.papers["tides"].abstract


def test_missing_split_names_the_file_and_the_splits_there(minibeir, cli, capsys, tmp_path):
    with pytest.raises(BeirError, match=r"qrels/dev\.tsv is missing \(splits here: test\); choose one with --split"):
        load(minibeir, "dev")
    assert cli(["eval", "beir", str(minibeir), "--split", "dev", "--data-dir", str(tmp_path)]) == 2
    assert "splits here: test" in capsys.readouterr().err


def test_not_a_beir_folder_says_what_it_should_hold(tmp_path):
    with pytest.raises(BeirError, match=r"corpus\.jsonl is missing: a BEIR folder holds"):
        load(tmp_path)


def test_qrels_naming_unknown_queries_is_refused(tmp_path):
    write_beir(tmp_path / "bad", qrels=[("q9", "photo", 1)])
    with pytest.raises(BeirError, match=r"1 query ids of test\.tsv are not in queries\.jsonl \(e\.g\. q9\)"):
        load(tmp_path / "bad")


def test_folder_named_beir_takes_its_parent_name(tmp_path):
    assert load(write_beir(tmp_path / "SciFact" / "beir")).name == "scifact"


def test_a_corpus_with_no_usable_record_is_refused_by_name(cli, tmp_path, capsys):
    root = write_beir(tmp_path / "empty", topics={"x": ("A title", "")})
    assert cli(["eval", "beir", str(root), "--data-dir", str(tmp_path / "data"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "no paper of" in err and "corpus.jsonl could be indexed" in err and "Traceback" not in err


def test_hybrid_fusion_weighs_normalised_scores_and_keeps_one_sided_papers():
    from rag.index.retrieval import _Scores, fuse
    from rag.settings import RetrievalSettings

    scores = {
        "a": _Scores(dense=0.9, dense_rank=0, lexical=3.0, lexical_rank=2),
        "b": _Scores(dense=0.6, dense_rank=1, lexical=12.0, lexical_rank=0),
        "c": _Scores(dense=0.5, dense_rank=2),
        "d": _Scores(lexical=6.0, lexical_rank=1),
    }
    # min-max per list: dense a 1, b .25, c 0; BM25 b 1, d 1/3, a 0; then 0.5/0.5
    fused = fuse(scores, RetrievalSettings())
    assert fused == pytest.approx({"a": 0.5, "b": 0.625, "c": 0.0, "d": 1 / 6})
    rrf = fuse(scores, RetrievalSettings(fusion="rrf", rrf_k=60, dense_weight=1, bm25_weight=1))
    assert rrf["b"] == pytest.approx(1 / 62 + 1 / 61) and rrf["d"] == pytest.approx(1 / 62)
    alone = fuse({"x": _Scores(lexical=2.0, lexical_rank=0)}, RetrievalSettings())
    assert alone == {"x": 0.5}  # a list's only candidate is its best, not its worst
