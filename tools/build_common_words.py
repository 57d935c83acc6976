"""Rebuild rules/common_words.json: the 20,000 most frequent English words.

Usage: pip install wordfreq && python tools/build_common_words.py
Source: wordfreq (Robyn Speer et al., https://github.com/rspeer/wordfreq), its 'en' list
(data CC BY-SA 4.0). The entity finder uses it to tell "Sales rose" (a common word that
starts a sentence) from "Qantas rose" (a name), for words the text never writes mid-sentence.
"""
from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from wordfreq import top_n_list

SIZE = 20000
OUT = Path(__file__).resolve().parent.parent / "rules" / "common_words.json"


def main() -> None:
    words = sorted({w for w in top_n_list("en", SIZE) if w.isalpha()})
    OUT.write_text(json.dumps({
        "about": f"The {SIZE} most frequent English words (alphabetic only), lower case.",
        "source": f"wordfreq {version('wordfreq')} top_n_list('en', {SIZE}); data CC BY-SA 4.0 "
                  "(https://github.com/rspeer/wordfreq); built by tools/build_common_words.py",
        "words": words,
    }, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
