"""Benchmark: the ``claims_periods`` component alone, on text shapes that made it quadratic
(many figures in one sentence or one paragraph, many periods in a row), at 10 KB, 100 KB
and 1 MB. Prints the seconds and the seconds per MB of each; a linear component keeps the
seconds per MB about the same at every size.

    python bench/periods_shapes.py [--sizes 10000 100000 1000000]

Figure shapes run the pipeline's earlier components first, to get the money records
(their time is not counted); period-only shapes run with no money records.
"""
from __future__ import annotations

import argparse
import time

from extractor.pipeline import build

FIGURE_SHAPES = {
    "a list of figures in one sentence": "$1bn, ",
    "figures in sentences with no period": "Acme paid $5bn for Widget. ",
    "figures with periods and comparisons": "profits rose to $5m in the fourth quarter, up from last year's $4m. ",
    "anaphoric periods": "The same quarter $5m. ",
}
PERIOD_SHAPES = {
    "year ranges": "in 2004 and 2005 ",
    "relative years among capitals": "A B C D last year ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    nlp = build()
    before = nlp.pipe_names[:nlp.pipe_names.index("claims_periods")]
    periods = nlp.get_pipe("claims_periods")
    for shapes, with_money in ((FIGURE_SHAPES, True), (PERIOD_SHAPES, False)):
        for name, unit in shapes.items():
            for size in args.sizes:
                doc = nlp.make_doc(unit * (size // len(unit)))
                for step in before if with_money else ["claims_sentences"]:
                    doc = nlp.get_pipe(step)(doc)
                if not with_money:
                    doc._.money = []
                start = time.perf_counter()
                periods(doc)
                seconds = time.perf_counter() - start
                print(f"{name:40s} {size / 1000:>6.0f} KB {seconds:7.2f} s {seconds / size * 1e6:6.2f} s/MB", flush=True)


if __name__ == "__main__":
    main()
