"""The scan: the parser runs on the sentences that may hold an event trigger, and only there."""

from pathlib import Path

import pytest
from spacy.tokens import Doc

from sitrep import nlp
from sitrep.events import triggers
from sitrep.annotate import Annotator
from sitrep.scan import Scanner

from .conftest import SEEDS

TRIGGERED = "Syrian government troops hailed the victory in regaining control of the town"
PLAIN = "When ISIS was in its heyday, al-Sukhnah was one of the key stops for its supplies."


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(nlp.load())


@pytest.fixture(scope="module")
def seed_003() -> str:
    return next(path for path in SEEDS if path.name.startswith("003")).read_text(encoding="utf-8")


def sentence(doc: Doc, opening: str):  # type: ignore[no-untyped-def]
    return next(s for s in doc.sents if s.text.startswith(opening))


def test_a_sentence_with_a_trigger_is_parsed_and_one_without_is_not(scanner: Scanner, seed_003: str) -> None:
    doc = scanner(seed_003)
    full = nlp.load()(seed_003)
    triggered, plain = sentence(doc, TRIGGERED), sentence(doc, PLAIN)
    assert scanner.may_hold_trigger(triggered) and not scanner.may_hold_trigger(plain)

    # the real parse, POS and lemmas, as the full pipeline gives them
    reference = sentence(full, TRIGGERED)
    assert (triggered.start, triggered.end) == (reference.start, reference.end)
    assert [(t.head.i, t.dep_, t.pos_, t.lemma_) for t in triggered] == [(t.head.i, t.dep_, t.pos_, t.lemma_) for t in reference]
    assert {t.dep_ for t in triggered} >= {"nsubj", "dobj", "ROOT"}
    assert [h.sub_event_type for h in triggers.classify(triggered)] == [h.sub_event_type for h in triggers.classify(reference)]
    assert triggers.classify(triggered)

    # no parse: every word hangs on the sentence's first word; no POS, no lemma
    assert plain.root.i == plain.start
    assert all(t.head.i == plain.start and t.dep_ == "dep" for t in plain[1:])
    assert all(t.pos_ == "" and t.lemma_ == "" for t in plain)
    assert not triggers.classify(plain)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: Path(p).name[:3])
def test_the_scanned_doc_keeps_text_entities_and_triggers(scanner: Scanner, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc, full = scanner(text), nlp.load()(text)
    assert doc.text == text and len(doc) == len(full)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(e.start_char, e.end_char, e.label_) for e in full.ents]
    assert [t.lemma_ for t in doc if t.pos_] == [full[t.i].lemma_ for t in doc if t.pos_]

    def hits(d: Doc) -> list[tuple[int, str]]:
        return [(h.start, h.sub_event_type) for s in d.sents for h in triggers.classify(s)]

    assert hits(doc) == hits(full)


@pytest.mark.parametrize("text", ["Soldiers dismantled the arsenal.", "Police recovered a stockpile in the village."])
def test_a_row_that_asks_for_a_verb_is_not_skipped(scanner: Scanner, text: str) -> None:
    # "$weapon|cache|stash|arsenal|stockpile" requires "^dismantle", "^recover", ...: the object of the verb
    (sent,) = nlp.load()(text).sents
    assert triggers.classify(sent)
    assert all(scanner.may_hold_trigger(s) for s in scanner(text).sents)


def test_the_scanner_batches_like_single_calls(scanner: Scanner, seed_003: str) -> None:
    texts = [seed_003, PLAIN, TRIGGERED + "."]
    batched = list(scanner.pipe(texts, batch_size=2))
    assert [d.text for d in batched] == texts
    assert [[(t.head.i, t.dep_) for t in d] for d in batched] == [[(t.head.i, t.dep_) for t in scanner(x)] for x in texts]


CONTRACTIONS = "There were clashes. There's a problem. Let's go, y'all. We're gon na win; I got ta go. It ai n't over. C'm on.\n\n Next"


@pytest.mark.parametrize("which", ["seeds", "contractions"])
def test_the_annotator_gives_what_the_attribute_ruler_and_lemmatizer_give(which: str) -> None:
    """Tables in place of the two components: the same POS, morphology, lemmas, tags and labels,
    patterns of several tokens ("There were", "gon na", "Let's") included."""
    model = nlp.load()
    annotate = Annotator(model)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] if which == "seeds" else [CONTRACTIONS]
    attrs = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(model.pipe(texts))
    for doc in parsed:
        real, ours = Doc(doc.vocab).from_bytes(doc.to_bytes()), Doc(doc.vocab).from_bytes(doc.to_bytes())
        model.get_pipe("lemmatizer")(model.get_pipe("attribute_ruler")(real))
        annotate(ours)
        assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.text, t.pos_, str(t.morph), t.lemma_) for t in real]
        assert (ours.to_array(attrs) == real.to_array(attrs)).all()
