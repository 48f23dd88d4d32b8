"""tasks.deadline_date / deadline_kind: the last day a printed deadline allows."""

import json
from datetime import date

import pandas as pd
import pytest

from normalizers.deadlines import Deadline, parse_deadline, plan_year, printed_years

# every deadline phrasing the samples' gold labels print, with what it must give
SAMPLE_DEADLINES = {
    "Năm 2025": Deadline(date(2025, 12, 31), "year"),
    "Thường xuyên": Deadline(None, "ongoing"),
    "Quý I/2025.": Deadline(date(2025, 3, 31), "quarter"),
    "Quý I/2025": Deadline(date(2025, 3, 31), "quarter"),
    "Quý III/2025.": Deadline(date(2025, 9, 30), "quarter"),
    "Quý III/2025": Deadline(date(2025, 9, 30), "quarter"),
    "Theo kế hoạch của huyện": Deadline(None, "other"),
    "Thực hiện báo cáo theo kỳ báo cáo; - Tổ chức kiểm tra các bộ phận chuyên môn": Deadline(
        None, "ongoing"
    ),
}


@pytest.mark.parametrize(
    ("printed", "last_day", "kind"),
    [
        ("Quý III/2025", date(2025, 9, 30), "quarter"),
        ("Quý I năm 2025", date(2025, 3, 31), "quarter"),
        ("QUÝ IV/2025", date(2025, 12, 31), "quarter"),
        ("quý 2 năm 2025", date(2025, 6, 30), "quarter"),
        ("Trước ngày 30/6/2025", date(2025, 6, 30), "date"),
        ("trước 30/6/2025", date(2025, 6, 30), "date"),
        ("Trước ngày 15 tháng 7 năm 2025", date(2025, 7, 15), "date"),
        ("Hoàn thành trước 31.10.2025", date(2025, 10, 31), "date"),
        ("Tháng 8/2025", date(2025, 8, 31), "month"),
        ("Tháng 6/2025", date(2025, 6, 30), "month"),
        ("tháng 02 năm 2024", date(2024, 2, 29), "month"),
        ("06/2025", date(2025, 6, 30), "month"),
        ("Năm 2025", date(2025, 12, 31), "year"),
        ("Trong năm 2025", date(2025, 12, 31), "year"),
        ("6 tháng đầu năm 2025", date(2025, 6, 30), "half"),
        ("6 tháng cuối năm 2025", date(2025, 12, 31), "half"),
        # several dated parts: the latest last day; a part's missing year from the same text
        ("Quý I và Quý II/2025", date(2025, 6, 30), "quarter"),
        ("Từ tháng 3 đến tháng 6/2025", date(2025, 6, 30), "month"),
        # a date wins over "ongoing" words: it is the last day the text allows
        ("Thường xuyên, hoàn thành trước 30/9/2025", date(2025, 9, 30), "date"),
    ],
)
def test_dated_deadlines(printed, last_day, kind):
    assert parse_deadline(printed) == Deadline(last_day, kind)


@pytest.mark.parametrize(
    ("printed", "kind"),
    [
        ("Thường xuyên", "ongoing"),
        ("Hằng năm", "ongoing"),
        ("Hàng năm", "ongoing"),
        ("Hằng quý", "ongoing"),
        ("Định kỳ", "ongoing"),
        ("Thường xuyên, liên tục", "ongoing"),
        # runs on past the year it names: no last day
        ("Năm 2025 và các năm tiếp theo", "ongoing"),
        ("Từ năm 2025 trở đi", "ongoing"),
        ("Theo kế hoạch của huyện", "other"),
        ("xuyên", "other"),  # a cell OCR cut: not guessed
    ],
)
def test_undated_deadlines(printed, kind):
    assert parse_deadline(printed, 2025) == Deadline(None, kind)


def test_no_deadline_printed():
    assert parse_deadline(None) == Deadline(None, None)
    assert parse_deadline("  ") == Deadline(None, None)


def test_impossible_date_has_no_last_day():
    assert parse_deadline("Trước ngày 31/02/2025") == Deadline(None, "date")


def test_yearless_part_takes_the_plan_year():
    assert parse_deadline("Quý III", 2025) == Deadline(date(2025, 9, 30), "quarter")
    assert parse_deadline("Tháng 8", 2026) == Deadline(date(2026, 8, 31), "month")
    assert parse_deadline("6 tháng cuối năm", 2025) == Deadline(date(2025, 12, 31), "half")
    assert parse_deadline("Quý III") == Deadline(None, "quarter")  # no year known: no day


def test_plan_year_prefers_the_year_the_document_prints():
    assert printed_years("Quý I và Quý II/2025") == [2025]
    # a 2022 index answered by a plan whose deadlines say 2025
    assert plan_year(["Năm 2025", "Quý III", "Thường xuyên", "Quý I/2025"], 2022) == 2025
    assert plan_year(["Năm 2024", "Năm 2025"], 2023) == 2025  # a tie: the later year
    assert plan_year(["Thường xuyên", "Quý III", None], 2024) == 2025  # else index year + 1
    assert plan_year([], None) is None


def test_every_gold_phrasing_is_covered(gold):
    printed = {
        task["deadline"]
        for path in gold.glob("*.json")
        for task in json.loads(path.read_text(encoding="utf-8")).get("tasks", [])
        if task.get("deadline")
    }
    assert printed <= set(SAMPLE_DEADLINES), printed - set(SAMPLE_DEADLINES)
    for text in printed:
        assert parse_deadline(text, 2025) == SAMPLE_DEADLINES[text], text


def test_samples_run_tasks_carry_the_right_deadline_date(quick_run):
    _, out = quick_run
    tasks = pd.read_parquet(out / "tasks.parquet")
    printed = tasks.dropna(subset=["deadline"])
    assert not printed.empty
    for row in printed.itertuples():
        expected = SAMPLE_DEADLINES.get(row.deadline) or SAMPLE_DEADLINES.get(row.deadline + ".")
        assert expected is not None, f"a deadline phrasing with no expected value: {row.deadline}"
        got_date = None if pd.isna(row.deadline_date) else row.deadline_date
        assert (got_date, row.deadline_kind) == (expected.date, expected.kind), row.deadline
    assert tasks.loc[tasks["deadline"].isna(), "deadline_kind"].isna().all()
