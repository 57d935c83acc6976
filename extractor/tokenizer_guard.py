"""A guard before spaCy's tokenizer: a long run of symbols or punctuation (dollar signs,
quotation marks, "$£€¥₹$£€..." in a row) costs the tokenizer time that grows with the square of the run
(it splits one prefix at a time and searches the rest again), so each such run is made one
token here, and the text between runs is tokenized as usual. The Doc's
text is the input text, character for character; text without such runs is tokenized by
the wrapped tokenizer alone. The Doc keeps the text it was made from, so that the
components need not join its tokens again to read it."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .components.view import with_text


class GuardedTokenizer:
    """Wraps a tokenizer; everything but ``__call__`` (serialisation, ``explain``) is the
    wrapped tokenizer's."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab, run: int) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self.run = re.compile(rf"[^\w\s]{{{run},}}")

    def __call__(self, text: str) -> Doc:
        """The Doc of ``text``, which keeps it (``view.text_of`` need not join the tokens)."""
        return with_text(self._tokenize(text), text)

    def _tokenize(self, text: str) -> Doc:
        runs = list(self.run.finditer(text))
        if not runs:
            return self.tokenizer(text)
        docs, pos = [], 0
        for m in runs:
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos:m.start()]))
            docs.append(Doc(self.vocab, words=[m.group()], spaces=[False]))
            pos = m.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> object:
        return getattr(self.__dict__["tokenizer"], name)
