"""report.html: every section renders with the run's numbers, offline, small and fast to open."""

import os
import re
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import html

from pipeline.cli import main
from pipeline.output import write_tables
from pipeline.report import REPORT, code_order, criterion_field, run_date, write_report
from pipeline.runner import _write_report
from tests.generalization.convert import CHROMIUM_FLAGS as BROWSER_FLAGS

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "data" / "out"
SECTIONS = ("run", "ranking", "heatmap", "criteria", "tasks", "findings", "review")
MAX_BYTES = 5 * 1024 * 1024
MAX_LOAD_MS = 2000
CHROMIUM_FLAGS = [
    *BROWSER_FLAGS,
    # any host name the page asked for would not resolve: what renders needs no network
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# appended to a copy of the page under test: what the browser loaded and when the load ended
PROBE = """<script>
addEventListener("load", () => {
  const names = performance.getEntriesByType("resource").map((e) => e.name);
  document.body.dataset.resources = names.join(" ");
  document.body.dataset.loadMs = Math.round(performance.now());
});
</script>"""
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*["']?https?:""")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("headless Chromium is missing: .ci/run installs it (Debian package chromium)")
    pytest.skip("headless Chromium is not installed here (apt-get install chromium)")


def run_chromium(args: list[str], url: str, profile: Path) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout, time.perf_counter() - started


def open_in_chromium(report: Path, tmp_path: Path, screenshot: Path):
    """The page's DOM after the browser rendered it, its load time, and a screenshot."""
    probed = tmp_path / "probed.html"
    probed.write_text(
        report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    dom, wall = run_chromium(
        ["--dump-dom", "--virtual-time-budget=5000"], probed.as_uri(), tmp_path / "profile-dom"
    )
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    run_chromium(
        [f"--screenshot={screenshot}", "--window-size=1400,4000", "--hide-scrollbars"],
        report.as_uri(),
        tmp_path / "profile-shot",
    )
    return html.fromstring(dom), wall


def cells(page, table_id: str, column: int) -> list[str]:
    return [row[column].get("data-value") for row in page.xpath(f'//*[@id="{table_id}"]//tbody/tr')]


def fact(page, section: str, index: int = 0) -> int:
    return int(page.xpath(f'//section[@id="{section}"]//ul[@class="facts"]/li/b')[index].text)


def check_report(out: Path, page) -> None:
    documents = pd.read_parquet(out / "documents.parquet")
    scores = pd.read_parquet(out / "scores.parquet")
    tasks = pd.read_parquet(out / "tasks.parquet")
    issues = pd.read_parquet(out / "issues.parquet")
    review = pd.read_csv(out / "review.csv")
    body = page.xpath("//body")[0]

    assert body.get("data-resources") == "", "the page loaded something"
    for section in SECTIONS:
        assert page.xpath(f'//section[@id="{section}"]/h2'), section

    # the run: every file, the ones to act on first
    assert fact(page, "run") == len(documents)
    statuses = cells(page, "run-files", 3)
    assert len(statuses) == len(documents)
    order = ["failed", "partial", "skipped", "ok"]
    assert statuses == sorted(statuses, key=order.index)

    # ranking: each table best first; the best total of the run leads one of them
    tables = page.xpath('//section[@id="ranking"]//table')
    assert tables
    firsts = []
    for table in tables:
        values = [float(v) for v in cells(page, table.get("id"), 3)]
        assert values == sorted(values, reverse=True)
        firsts.append(values[0])
    assert max(firsts) == pytest.approx(scores.loc[scores["level"] == "total", "score"].max())

    # heatmap: one chart per index with criteria lost; the most lost criterion is on it
    criteria = scores[(scores["level"] == "criterion") & (scores["deducted"] > 0)]
    worst = criteria.sort_values("deducted", ascending=False).iloc[0]
    heatmap = page.xpath(f'//section[@id="heatmap"]//div[@data-index="{worst["index"]}"]//svg')
    assert heatmap
    assert worst["code"] in heatmap[0].xpath(".//text()")

    # the criteria most often deducted: that criterion, with at least its points
    codes = cells(page, "criteria-top", 1)
    points = [float(v) for v in cells(page, "criteria-top", 4)]
    assert worst["code"] in codes
    assert points[codes.index(worst["code"])] >= worst["deducted"] - 1e-9
    assert page.xpath('//section[@id="criteria"]//svg')

    # tasks: counts by lead add up; overdue ones are due before the run date
    counted = fact(page, "tasks")
    assert 0 < counted <= len(tasks)
    assert sum(int(v) for v in cells(page, "tasks-by-lead", 1)) == counted
    overdue = [date.fromisoformat(v) for v in cells(page, "tasks-overdue", 4)]
    assert len(overdue) == fact(page, "tasks", 1)
    assert all(d < run_date(out) for d in overdue)
    assert page.xpath('//section[@id="tasks"]//svg')

    # findings and the review queue: every row, each linking to its file
    assert len(cells(page, "findings", 0)) == len(issues)
    findings_links = page.xpath('//*[@id="findings"]//tbody/tr/td[5]/a/@href')
    assert len(findings_links) == len(issues)
    assert len(page.xpath('//*[@id="review"]//tbody/tr')) == len(review)


def test_report_renders_in_chromium(quick_run, tmp_path):
    _, out = quick_run
    report = out / REPORT
    text = report.read_text(encoding="utf-8")
    assert not EXTERNAL.search(text), EXTERNAL.search(text)
    assert report.stat().st_size < MAX_BYTES
    page, _ = open_in_chromium(report, tmp_path, SHOTS / "report.png")
    check_report(out, page)
    assert int(page.xpath("//body")[0].get("data-load-ms")) < MAX_LOAD_MS
    assert (SHOTS / "report.png").stat().st_size > 0


@pytest.mark.slow
def test_samples_report_is_small_and_fast(full_run, tmp_path):
    _, out = full_run
    report = out / REPORT
    size = report.stat().st_size
    page, wall = open_in_chromium(report, tmp_path, SHOTS / "report-samples.png")
    check_report(out, page)
    load_ms = int(page.xpath("//body")[0].get("data-load-ms"))
    print(f"report.html: {size / 1024:.0f} KB, loaded in {load_ms} ms ({wall:.2f} s with Chromium)")
    assert size < MAX_BYTES
    assert load_ms < MAX_LOAD_MS


def test_report_command_renders_the_same_page(quick_run, tmp_path):
    _, out = quick_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns(".cache", REPORT))
    result = CliRunner().invoke(main, ["report", "--out", str(copy), "--as-of", "2030-01-01"])
    assert result.exit_code == 0, result.output
    again = html.fromstring((copy / REPORT).read_bytes())
    assert not again.xpath("//section[@id='run']//a")  # without --raw, no links to the files
    for section in ("ranking", "heatmap", "criteria", "findings", "review"):
        first = html.fromstring((out / REPORT).read_bytes()).xpath(f"//section[@id='{section}']")
        assert (
            first[0].text_content() == again.xpath(f"//section[@id='{section}']")[0].text_content()
        )
    assert "01/01/2030" in again.xpath("//section[@id='tasks']")[0].text_content()


def test_a_report_failure_does_not_fail_the_run(tmp_path, monkeypatch, caplog):
    def broken(*_):
        raise ValueError("no tables")

    monkeypatch.setattr("pipeline.report.write_report", broken)
    _write_report(tmp_path, tmp_path, {})
    assert "report.html was not written" in caplog.text


def test_the_same_tables_on_the_same_day_are_not_drawn_again(tmp_path, monkeypatch):
    drawn = []

    def draw(out, _folder):
        drawn.append(out)
        (out / REPORT).write_text("<html></html>")

    monkeypatch.setattr("pipeline.report.write_report", draw)
    rows = {"documents": [{"doc_id": "a"}]}
    _write_report(tmp_path, tmp_path, rows)
    _write_report(tmp_path, tmp_path, rows)
    assert len(drawn) == 1
    _write_report(tmp_path, tmp_path, {"documents": [{"doc_id": "b"}]})
    assert len(drawn) == 2


def test_criterion_codes_group_and_sort_by_field():
    assert [criterion_field(c) for c in ("1.2.1", "7b.2.3", "XHH.1", "10")] == [
        "1",
        "7",
        "XHH",
        "10",
    ]
    codes = ["7b.2.1", "1.10", "1.9", "XHH", "7a.1", "10"]
    assert sorted(codes, key=code_order) == ["1.9", "1.10", "7a.1", "7b.2.1", "10", "XHH"]


def test_an_empty_run_gets_a_report(tmp_path):
    write_tables({}, tmp_path)
    page = html.fromstring(write_report(tmp_path).read_bytes())
    for section in SECTIONS:
        assert page.xpath(f'//section[@id="{section}"]/h2'), section
    assert fact(page, "run") == 0
