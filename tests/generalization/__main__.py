"""python -m tests.generalization OUT [--count 48] [--seed 1] [--forms docx,pdf,browser,scan]"""

from __future__ import annotations

import argparse
from pathlib import Path

from .generate import ALL_FORMS, FORMS, write_suite


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.generalization",
        description="Write generated CCHC / PAPI plans with their gold.",
    )
    parser.add_argument(
        "out", type=Path, help="folder to write docx/, pdf/, browser/, scan/, gold/"
    )
    parser.add_argument("--count", type=int, default=48, help="how many plans (default 48)")
    parser.add_argument("--seed", type=int, default=1, help="the suite's seed (default 1)")
    parser.add_argument(
        "--forms",
        default=",".join(FORMS),
        help=f"comma-separated, of {','.join(ALL_FORMS)} (default: all but scan)",
    )
    args = parser.parse_args(argv)
    forms = tuple(f.strip() for f in args.forms.split(",") if f.strip())
    write_suite(args.out, args.count, args.seed, forms)


if __name__ == "__main__":
    main()
