"""POS, morphology and lemmas of parsed tokens, as the model's attribute ruler and lemmatizer give them.

spaCy's `AttributeRuler` matches its patterns over every token, then sets each match's attributes
in Python through a new `Span` per match; nearly every token matches one pattern or more, so that
loop is most of its time. The patterns of the pinned model look at nothing but a token's LOWER,
TAG, DEP and IS_SPACE, so what its one-token patterns do to a token is a function of those four
values: `Annotator` asks the real ruler once per combination it meets and keeps the answer (the
combinations new to a Doc are asked together, as a Doc of one token each, of which only the
one-token matches count). Patterns of several tokens ("there" + "is", "gon" + "na") are matched on the Doc
by a `Matcher` holding only them; on a token one of them touches, the ruler's own
`set_annotations` replays every match of that token in the ruler's order (later patterns win). A
model whose patterns look at anything else, or use quantifiers, is refused rather than answered
wrongly.

The lemmatizer then gives a lemma to each token still without one, by its word, POS and
morphology (all the rule lemmatizer reads), its answers kept by those three. It is a copy of the
model's own whose `lemma_index` tables are sets: the rule lemmatizer only asks whether a word is
`in` the index of its part of speech, and the model ships each index as a list (57,528 nouns),
searched word by word for every suffix rule that applies. A set gives the same answers at once.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

LOOKED_AT = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})  # all the ruler's patterns may read
KEY_ATTRS: list[int | str] = ["LOWER", "TAG", "DEP", "IS_SPACE", "ORTH"]
SET_ATTRS: list[int | str] = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]  # all the ruler may set

_Key = tuple[int, int, int, int]  # LOWER, TAG, DEP, IS_SPACE
_Match = tuple[int, int, int, int]  # pattern number, match id, start, end: as `AttributeRuler.match` gives them


class Annotator:
    """The model's attribute ruler and lemmatizer on a parsed Doc, with tables; see the module docstring."""

    def __init__(self, model: Language) -> None:
        self._vocab = model.vocab
        self._ruler: Any = cast(Any, model.get_pipe("attribute_ruler"))  # its stubs type patterns loosely
        self._lemmatizer = _indexed_by_sets(cast(Lemmatizer, model.get_pipe("lemmatizer")))
        self._several = Matcher(model.vocab)
        for number, pattern in enumerate(self._ruler.patterns):
            for tokens in pattern["patterns"]:
                looked = {str(name).upper() for token in tokens for name in token}
                if not looked <= LOOKED_AT:
                    raise ValueError(f"attribute ruler pattern {number} reads {sorted(looked - LOOKED_AT)}")
                if len(tokens) > 1:
                    self._several.add(str(number), [tokens])
        # per key: the ruler's one-token matches (pattern number, match id), and the values they leave
        self._ruled: dict[_Key, tuple[tuple[tuple[int, int], ...], tuple[int, ...]]] = {}  # matches in order
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(KEY_ATTRS).tolist()
        keys: list[_Key] = [(lower, tag, dep, space) for lower, tag, dep, space, _ in rows]
        new = {key: row[4] for key, row in zip(keys, rows, strict=True) if key not in self._ruled}
        if new:
            self._learn(new)
        values = [self._ruled[key][1] for key in keys]
        if values:
            doc.from_array(SET_ATTRS, as_ints(numpy.array(values, dtype="uint64")))
        self._replay_several(doc, keys)
        self._lemmatize(doc)
        return doc

    def _learn(self, new: dict[_Key, int]) -> None:
        """What the ruler does to a lone token of each new key, given the ORTH of one of its words."""
        strings = self._vocab.strings
        keys = list(new)
        doc = Doc(
            self._vocab,
            words=[strings[orth] for orth in new.values()],
            tags=[strings[tag] for _, tag, _, _ in keys],
            deps=[strings[dep] for _, _, dep, _ in keys],
            heads=list(range(len(keys))),  # each word on its own: DEP is all the patterns read of the parse
        )
        matches = [match for match in self._ruler.match(doc) if match[3] - match[2] == 1]
        self._ruler.set_annotations(doc, matches)
        own: dict[int, list[tuple[int, int]]] = {}
        for number, match_id, start, _ in matches:
            own.setdefault(start, []).append((number, match_id))
        for i, (key, values) in enumerate(zip(keys, doc.to_array(SET_ATTRS).tolist(), strict=True)):
            self._ruled[key] = (tuple(own.get(i, ())), tuple(values))

    def _replay_several(self, doc: Doc, keys: list[_Key]) -> None:
        """Where a pattern of several tokens matches, its token gets all its matches again, in order."""
        strings = self._vocab.strings
        found = self._several(doc, as_spans=False, allow_missing=True)
        if not found:
            return
        touched: dict[int, list[_Match]] = {}
        for match_id, start, end in found:
            number = int(strings[match_id])
            target = range(start, end)[self._ruler.indices[number]]
            touched.setdefault(target, []).append((number, match_id, start, end))
        replay: list[_Match] = []
        for i, matches in touched.items():
            replay += [(number, match_id, i, i + 1) for number, match_id in self._ruled[keys[i]][0]]
            replay += matches
        self._ruler.set_annotations(doc, sorted(replay))

    def _lemmatize(self, doc: Doc) -> None:
        """What the model's lemmatizer does (a lemma for each token without one), its results kept."""
        strings = self._vocab.strings
        array = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = self._lemmas.get(key)
            if value is None:
                value = self._lemmas[key] = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
            array[i, 3] = value
        doc.from_array(["LEMMA"], as_ints(array[:, 3:]))


def as_ints(array: Any) -> Any:
    """A uint64 array as `Doc.from_array` takes it (its stubs ask for thinc's Ints2d)."""
    return array


def _indexed_by_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the model's rule lemmatizer with its `lemma_index` tables as sets (see the module docstring)."""
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lookups.add_table(name)
        for key, value in lemmatizer.lookups.get_table(name).items():
            table[key] = frozenset(value) if name == "lemma_index" else value
    copy = type(lemmatizer)(lemmatizer.vocab, None, name=lemmatizer.name, mode=lemmatizer.mode)
    copy.initialize(lookups=lookups)
    return copy
