"""The installed package: spaCy finds the components by entry point, the rules ship inside."""
from __future__ import annotations

import subprocess
import sys


def test_spacy_finds_the_components_without_importing_the_package(tmp_path):
    script = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "for name in ('claims_sentences', 'claims_boilerplate', 'claims_amounts', 'claims_equivalents',"
        " 'claims_currency'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('ByteDance will buy over CNY 400 billion (approximately USD 55 billion) of chips.')\n"
        "print([(m['mention'], m['currency'], m['qualifier']) for m in doc._.money])\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "('over CNY 400 billion', 'CNY', 'more_than')" in proc.stdout
    assert "('approximately USD 55 billion', 'USD', 'approximately')" in proc.stdout


def test_pipeline_serialises_with_docbin(nlp):
    from spacy.tokens import DocBin

    doc = nlp("Acme paid $5m (£4m) for Widget, Reuters said.")
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    assert [m["mention"] for m in restored._.money] == ["$5m", "£4m"]
    assert restored._.money[1]["equivalent_of"] == 0
