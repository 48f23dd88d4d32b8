"""Command line: a thin layer over pipeline.runner; errors are translated here, at the boundary."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from rich.progress import Progress

from pipeline import __version__
from pipeline.executors import DaskExecutor, NoScheduler
from pipeline.inventory import discover
from pipeline.runner import Limits, run


@click.group()
@click.version_option(__version__)
def main() -> None:
    """cchc-extract: commune CCHC / PAPI remediation plans -> Parquet."""


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/out"),
    show_default=True,
    help="Folder the Parquet tables are written to.",
)
@click.option(
    "--overrides",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Name -> code corrections (CSV: province, year, name, code). Default: data/overrides.csv.",
)
@click.option(
    "--timeout",
    default=Limits.timeout,
    show_default=True,
    help="Seconds one file may take before it is given up as failed.",
)
@click.option(
    "--memory",
    default=Limits.memory_mb,
    show_default=True,
    help="MB of memory one file's reader may use.",
)
@click.option(
    "--workers",
    default=Limits.workers,
    show_default=True,
    help="Files read at once (each in its own process): the local pool's, or with --executor "
    "dask the LocalCluster's workers.",
)
@click.option("--force", is_flag=True, help="Parse every file again, ignoring cached results.")
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where files are read: a process pool here, or Dask (a LocalCluster of --workers).",
)
@click.option(
    "--scheduler",
    default=None,
    help="Read files on the Dask cluster at this address (tcp://host:8786); implies "
    "--executor dask. Its workers must see FOLDER at the same path.",
)
def extract(folder: Path, out: Path, overrides: Path | None, timeout: float, memory: int,
            workers: int, force: bool, executor: str, scheduler: str | None) -> None:  # fmt: skip
    """Extract every plan under FOLDER (recursively) into Parquet tables in --out."""
    total = len(discover(folder))
    limits = Limits(timeout=timeout, memory_mb=memory, workers=workers)
    reader = _executor(executor, scheduler, workers)
    terminal = sys.stderr.isatty()
    with Progress(transient=True, disable=not terminal) as bar:
        task = bar.add_task("extracting", total=total)
        # a log (CI, cron, nohup) gets a line per file instead of a bar it cannot show
        lines = _ProgressLines(total)
        advance = (lambda *_: bar.advance(task)) if terminal else lines
        try:
            summary = run(folder, out, progress=advance, overrides=overrides, limits=limits,
                          force=force, executor=reader)  # fmt: skip
        except NoScheduler as error:  # before any table is written: the outputs are as they were
            raise click.ClickException(str(error)) from error
    for result in summary.results:
        if result.status != "ok":
            click.echo(f"{result.status:>8}  {result.source_path}: {result.error}", err=True)
    click.echo(summary.line())


def _executor(name: str, scheduler: str | None, workers: int):
    """None for the runner's local pool; Dask (imported by DaskExecutor) only when asked for."""
    if name == "local" and scheduler is None:
        return None
    try:
        return DaskExecutor(scheduler, workers)
    except ImportError as error:  # the optional extra is not installed
        raise click.ClickException(str(error)) from error


class _ProgressLines:
    """'[3/40] ok  12.4 s  scan/plan.pdf  (about 7 min left)': one line per file read."""

    def __init__(self, total: int):
        self.total, self.done, self.started = total, 0, time.monotonic()

    def __call__(self, source_path: str, parsed) -> None:
        self.done += 1
        if parsed is None:
            return  # from the cache: nothing was read, nothing to say
        elapsed = time.monotonic() - self.started
        left = elapsed / self.done * (self.total - self.done)
        click.echo(
            f"[{self.done}/{self.total}] {parsed.status:<7} {parsed.seconds:6.1f} s  "
            f"{source_path}  ({_duration(left)} left)",
            err=True,
        )


def _duration(seconds: float) -> str:
    return f"about {seconds / 60:.0f} min" if seconds >= 90 else f"about {seconds:.0f} s"


@main.command("eval")
@click.option(
    "--out",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder of a run's Parquet tables.",
)
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder of gold <id>.json files.",
)
@click.option("--misses", default=40, show_default=True, help="How many misses to print.")
def evaluate_command(out: Path, gold: Path, misses: int) -> None:
    """Score a run against gold labels: precision / recall / F1 per table and per form."""
    from pipeline.evaluate import evaluate  # pandas: only this command needs it

    report = evaluate(out, gold)
    click.echo(report.render(misses))


@main.command()
@click.option(
    "--out",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("data/out"),
    show_default=True,
    help="Folder of a run's Parquet tables and review.csv; report.html is written there.",
)
@click.option(
    "--raw",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The folder the run read, for links to its files (without it: no links).",
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Date tasks are overdue against. Default: the day the tables were written.",
)
def report(out: Path, raw: Path | None, as_of) -> None:
    """Render OUT/report.html again from the tables of a run."""
    from pipeline.report import write_report  # pandas, Matplotlib: only this command needs them

    click.echo(write_report(out, raw, as_of.date() if as_of else None))
