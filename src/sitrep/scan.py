"""Parse only where events are read: a cheap scan picks the sentences that may hold a trigger.

The dependency parser, the attribute ruler and the lemmatizer are only needed where `events`
reads a sentence, and it reads only sentences with a trigger word. So articles go through the
model in two steps:

1. the scan: tok2vec, tagger, the model's own `senter` (shipped disabled; it is a small, fast
   sentence splitter) and `paragraph_breaks`. A sentence is a candidate when it may hold a trigger
   of the event lexicon: for some row, a word of each of its positions appears, in order, in the
   sentence, and a word its `requires` column asks for appears in it, or when it may claim an
   attack ("responsibility", "credit", or "claim" with an attack word: `events.claimants`). Words
   are matched by every form `events.lexicon` may compare (lower case, a bare plural, and every
   lemma the rule lemmatizer or the attribute ruler could give the word), so a sentence the lexicon
   would find a trigger in is always a candidate.
2. runs of adjacent candidate sentences are parsed as one piece, from the tok2vec output the scan
   already computed (the parser reads nothing else), then get their POS, morphology and lemmas
   from the attribute ruler and the lemmatizer, exactly as the full pipeline gives them. The parse
   is copied back into the article's Doc: real heads and labels in the candidate pieces, and
   elsewhere a flat tree per sentence (each word hangs on the sentence's first word, label "dep")
   that keeps the scan's sentence boundaries. Last, NER runs on the whole article, seeing the final
   sentence boundaries.

The result is one Doc per article, with its offsets, entities and sentences, and the real parse,
POS and lemmas wherever a trigger may stand. Outside the candidates tokens have no POS or lemma.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .annotate import Annotator, as_ints
from .events import lexicon
from .events.lexicon import plural_stem
from .events.claimants import may_claim

SCAN_COMPONENTS = ("tok2vec", "tagger", "senter", "paragraph_breaks")
PARSE_COMPONENTS = ("parser",)  # then `annotate.Annotator`: the attribute ruler and the lemmatizer, from tables
LAST_COMPONENTS = ("ner",)
BATCH = 64
ENTITY = "@"


@dataclass(frozen=True)
class _Row:
    """What the scan checks of a trigger row: its words position by position, and its required words."""

    positions: tuple[frozenset[str], ...]  # gaps left out
    requires: frozenset[str]  # words; empty when the row requires nothing or an entity label


class Scanner:
    """The two-step pass over a loaded `sitrep.nlp` model; see the module docstring."""

    def __init__(self, model: Language) -> None:
        self.model = model
        self._rows = _rows()
        self._lemma_forms = _LemmaForms(model)
        self._keys: dict[tuple[int, int], frozenset[str]] = {}  # by ORTH and TAG
        self._annotate = Annotator(model)
        self._dep_label = model.vocab.strings.add("dep")
        self._root_label = model.vocab.strings.add("ROOT")

    def pipe(self, texts: Iterable[str], batch_size: int = BATCH) -> Iterator[Doc]:
        """One Doc per text, in order."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def __call__(self, text: str) -> Doc:
        return next(iter(self._batch([text])))

    def _batch(self, texts: Sequence[str]) -> list[Doc]:
        model = self.model
        docs = [model.make_doc(text) for text in texts]
        for name in SCAN_COMPONENTS:
            docs = list(_run(model, name, docs))
        pieces = [(doc, span) for doc in docs for span in self.candidates(doc)]
        parsed = [_piece_doc(doc, span) for doc, span in pieces]
        for name in PARSE_COMPONENTS:
            parsed = list(_run(model, name, parsed))
        for piece in parsed:
            self._annotate(piece)
        by_doc: dict[int, list[tuple[Span, Doc]]] = {}
        for (doc, span), piece in zip(pieces, parsed, strict=True):
            by_doc.setdefault(id(doc), []).append((span, piece))
        for doc in docs:
            self._copy_back(doc, by_doc.get(id(doc), []))
        for name in LAST_COMPONENTS:
            docs = list(_run(model, name, docs))
        return docs

    # ------------------------------------------------------------ candidates

    def candidates(self, doc: Doc) -> list[Span]:
        """The runs of adjacent candidate sentences of a scanned Doc, in order."""
        runs: list[Span] = []
        start = end = -1
        words = doc.to_array(["ORTH", "TAG"]).tolist()
        for sent in doc.sents:
            keys = [self._token_keys(orth, tag) for orth, tag in words[sent.start : sent.end]]
            present: set[str] = set().union(*keys)
            if not (self._may_match(keys, present) or may_claim(present)):
                continue
            if sent.start == end:
                end = sent.end
                continue
            if end > start >= 0:
                runs.append(doc[start:end])
            start, end = sent.start, sent.end
        if end > start >= 0:
            runs.append(doc[start:end])
        return runs

    def may_hold_trigger(self, sent: Span) -> bool:
        """Whether some trigger row may match in the sentence (never False where one does)."""
        keys = [self._token_keys(token.orth, token.tag) for token in sent]
        return self._may_match(keys, set().union(*keys))

    def _may_match(self, keys: list[frozenset[str]], present: set[str]) -> bool:
        """`may_hold_trigger` of a sentence given the keys of its words and all of them together."""
        for i, here in enumerate(keys):
            for key in here:
                for row in self._rows.get(key, ()):
                    if row.requires and not row.requires & present:
                        continue
                    if _in_order(keys, i + 1, row.positions[1:]):
                        return True
        return False

    def _token_keys(self, orth: int, tag: int) -> frozenset[str]:
        cached = self._keys.get((orth, tag))
        if cached is None:
            strings = self.model.vocab.strings
            lower = strings[orth].lower()
            keys = {lower, *self._lemma_forms(lower)}
            stem = plural_stem(lower, strings[tag])
            if stem is not None:
                keys.add(stem)
            cached = frozenset(key.replace("’", "'") for key in keys)
            self._keys[(orth, tag)] = cached
        return cached

    # ------------------------------------------------------------ copying the parse back

    def _copy_back(self, doc: Doc, pieces: Sequence[tuple[Span, Doc]]) -> None:
        """Heads and labels for the whole Doc: the pieces' own, a flat tree per sentence elsewhere;
        POS, morphology, lemmas and tags of the pieces."""
        attrs: list[int | str] = ["HEAD", "DEP", "TAG", "POS", "MORPH", "LEMMA"]
        array = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
        array[:, 2] = doc.to_array("TAG")
        heads = numpy.zeros(len(doc), dtype="int64")  # offsets to the head, as spaCy stores them
        for sent in doc.sents:
            heads[sent.start : sent.end] = numpy.arange(0, -(sent.end - sent.start), -1)
            array[sent.start : sent.end, 1] = self._dep_label
            array[sent.start, 1] = self._root_label
        array[:, 0] = heads.view("uint64")
        for span, piece in pieces:
            array[span.start : span.end] = piece.to_array(attrs)
        doc.from_array(attrs, as_ints(array))


def _run(model: Language, name: str, docs: list[Doc]) -> Iterable[Doc]:
    component = model.get_pipe(name)
    pipe = getattr(component, "pipe", None)
    if pipe is not None:
        return pipe(docs, batch_size=max(len(docs), 1))  # type: ignore[no-any-return]
    return (component(doc) for doc in docs)


def _piece_doc(doc: Doc, span: Span) -> Doc:
    """A run of sentences as a Doc of its own, as the parser would meet it in the full pipeline:
    the same words, tags and tok2vec output, and sentence starts only at line breaks."""
    tokens = list(span)
    starts: list[bool | int | None] = [True] + [
        True if "\n" in doc[t.i - 1].text_with_ws and not t.is_space else None for t in tokens[1:]
    ]
    piece = Doc(
        doc.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        tags=[t.tag_ for t in tokens],
        sent_starts=starts,
    )
    piece.tensor = doc.tensor[span.start : span.end]
    return piece


def _in_order(keys: Sequence[frozenset[str]], start: int, positions: Sequence[frozenset[str]]) -> bool:
    """Whether each position finds a word at or after the previous one's, from `start`."""
    i = start
    for choice in positions:
        while i < len(keys) and not keys[i] & choice:
            i += 1
        if i >= len(keys):
            return False
        i += 1
    return True


def _rows() -> dict[str, tuple[_Row, ...]]:
    """The trigger rows by each word of their first position."""
    index: dict[str, list[_Row]] = {}
    for trigger in lexicon.triggers():
        positions = tuple(element for element in trigger.elements if element != lexicon.GAP)
        words = frozenset(w.removeprefix("^") for w in trigger.requires if not w.startswith(ENTITY))  # "^verb": the verb
        requires = words if len(words) == len(trigger.requires) else frozenset()  # an entity label: not checked
        row = _Row(positions, requires)
        for word in positions[0]:
            index.setdefault(word, []).append(row)
    return {word: tuple(rows) for word, rows in index.items()}


class _LemmaForms:
    """Every lemma the model's rule lemmatizer or attribute ruler could give a lower-case word."""

    def __init__(self, model: Language) -> None:
        lookups = model.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        self._exceptions = list(lookups.get_table("lemma_exc", {}).values())
        self._rules = [rule for rules in lookups.get_table("lemma_rules", {}).values() for rule in rules]
        self._ruler: dict[str, set[str]] = {}
        for pattern in model.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
            lemma = pattern["attrs"].get("LEMMA")
            if lemma is None:
                continue
            for token in pattern["patterns"][0]:
                lower = token.get("LOWER")
                if isinstance(lower, str):
                    self._ruler.setdefault(lower, set()).add(lemma.lower())
                elif lower is not None:
                    self._ruler.setdefault("", set()).add(lemma.lower())  # a set or a regex: kept for every word

    def __call__(self, lower: str) -> set[str]:
        forms = set(self._ruler.get(lower, ())) | self._ruler.get("", set())
        for old, new in self._rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form:
                    forms.add(form)
        for table in self._exceptions:
            forms.update(form.lower() for form in table.get(lower, ()))
        return forms
