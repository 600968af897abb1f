"""The Markdown export read as a person would read it: a document in their language, not a dump of the files."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

from jiebei_tui.domain.calls import (
    LetterKind,
    NoteKind,
    RecordKind,
    change_kind,
    correct,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.instants import BEIJING
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.factory import open_services
from jiebei_tui.i18n import _, ngettext, set_language
from jiebei_tui.store.export import stream_export

UTC = timezone.utc
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
# What a dump would show and a person should never see.
INTERNAL = ("_id", "record_id", "offset_seconds", "they_said", "i_said", "kind:", "call_commitments", "manual_flags", "started_at")
UUID = re.compile(r"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-")


def fill(data_dir: Path) -> None:
    services = open_services(data_dir, clock=lambda: NOW)
    repo = services.calls
    call = new_record(repo.new_id(), RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=UTC), "+86 138-0013-8000")
    call = call.with_identity(call.identity.with_value("institution", "某资产管理公司")).ended(
        datetime(2026, 12, 1, 14, 40, tzinfo=UTC)
    )
    repo.save(call)
    said = new_note(repo.new_id(), call, "他:今天必须还5000.00", datetime(2026, 12, 1, 14, 31, tzinfo=UTC))
    said = correct(said, "今天必须还5000元", datetime(2026, 12, 1, 14, 50, tzinfo=UTC))
    repo.save_note(call, said)
    refiled = change_kind(
        new_note(repo.new_id(), call, "我会周五前还一部分", datetime(2026, 12, 1, 14, 33, tzinfo=UTC)),
        NoteKind.COMMITMENT,
        datetime(2026, 12, 1, 14, 55, tzinfo=UTC),
    )
    repo.save_note(call, refiled)
    repo.save_note(call, new_note(repo.new_id(), call, "!说要告诉我的同事", datetime(2026, 12, 1, 14, 35, tzinfo=UTC)))
    for index in range(7):
        repo.save(missed_call(repo.new_id(), f"1390000000{index}", datetime(2026, 12, 1, 1 + index, tzinfo=UTC)))
    set_language("zh-Hans")
    services.letters.new(LetterKind.COMPLAINT, [call], _)


def export(data_dir: Path, language: str, zone: timezone = BEIJING) -> str:
    set_language(language)  # the app's own translate: it knows message contexts
    services = open_services(data_dir, clock=lambda: NOW)
    out = io.StringIO()
    stream_export(services.store, "markdown", ExportPage(_, zone, NOW, ngettext), out)
    return out.getvalue()


def test_the_chinese_export_reads_as_a_document(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "zh-Hans")
    for word in INTERNAL:
        assert word not in text, word
    assert UUID.search(text) is None
    assert "<br>" not in text
    assert "2026\\-12\\-01" not in text and "5000\\.00" not in text  # escaping only where Markdown needs it
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0].startswith("# ") and not re.search(r"[A-Za-z]{4,}", headings[0].replace("jiebei-tui", ""))
    assert "北京时间" in text  # the zone is said
    assert "22:30" in text and "14:30" not in text  # times on the user's clock, not the server's
    assert max(len(line) for line in text.splitlines()) < 400  # no whole section on one line
    assert "今天必须还5000.00" in text and "今天必须还5000元" in text  # the original and its correction
    assert "致：国家金融监督管理总局" in text or "12378" in text  # the saved letter is in it


def test_the_english_export_has_no_chinese_ui_words_and_says_its_zone(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en", zone=UTC)
    assert "All times are in UTC." in text
    assert "14:30" in text
    for word in ("record_id", "offset_seconds", "they_said"):
        assert word not in text


def test_a_kind_change_is_shown_after_the_original(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en")
    original = text.index("| 2026-12-01 22:33:00 | +03:00 | Note | 我会周五前还一部分 |")
    refiled = text.index("| 2026-12-01 22:55:00 | +25:00 | Correction | the line of 2026-12-01 22:33:00 was re-filed: Note → Commitment |")
    assert original < refiled


def test_seven_attempts_from_seven_numbers_are_one_flagged_day(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en")
    assert "| 2026-12-01 | **7** (more than six) |" in text
    assert "should not" in text


def fill_plan_and_habits(data_dir: Path) -> None:
    """An agreed plan with a payment, a habit checked in, a spend, a fund, a reflection and a borrowing check."""
    from decimal import Decimal

    from jiebei_tui.domain.causes import Cause
    from jiebei_tui.domain.habits import BorrowAnswers, set_current, set_essentials, set_saving
    from jiebei_tui.domain.plans import (
        Agreement,
        Channel,
        DebtPosition,
        Option,
        OptionKind,
        PaymentMethod,
        Proposed,
        Rate,
    )

    services = open_services(data_dir, clock=lambda: NOW)
    position = DebtPosition(name="借呗", lender="重庆蚂蚁消费金融", principal=Decimal("12000.00"),
                            overdue_principal=Decimal("3000.00"), accrued=Decimal("0.00"), daily_rate=Decimal("0.0005"))
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 6, rate=Rate.monthly(Decimal("0.01")))
    today = NOW.astimezone(BEIJING).date()
    plan = services.plans.create("借呗分期", position, option, today)
    services.plans.propose(plan.id, Proposed(today, Channel.APP))
    services.plans.agree(plan.id, Agreement(option, today, today, "客服小王", "A-1"))
    services.plans.record_payment(plan.id, today, Decimal("1234.56"), PaymentMethod.APP, "先还一部分")
    habit = services.habits.adopt("record_spending")
    services.habits.check_in(habit.id)
    services.habits.add_spend("food", "38.50", "午饭")
    services.habits.change_fund(lambda fund: set_saving(set_current(set_essentials(fund, "4000"), "3000.10"), "500"))
    services.habits.reflect([Cause.INCOME_DROP], "公司裁员", "先存应急金")
    services.habits.check_borrowing(BorrowAnswers(Decimal("5000"), Decimal("900"), Decimal("0.0005"), True))


def test_plans_and_habits_read_as_a_document(data_dir: Path) -> None:
    fill_plan_and_habits(data_dir)
    text = export(data_dir, "zh-Hans")
    for word in (*INTERNAL, "plan_id", "habit_id", "record_spending", "target_months", "not laid out", "JSON 导出完整"):
        assert word not in text, word
    assert UUID.search(text) is None
    assert "还没有整理成便于阅读的格式" not in text  # both areas are laid out now
    plans, habits = text.index("## 计划\n"), text.index("## 习惯\n")
    assert plans < text.index("### 借呗分期") < habits
    assert "已谈妥" in text and "与 客服小王 谈妥，编号 A-1" in text
    assert "| 2026-12-02 | ¥1,234.56 |" in text  # the payment, to the fen
    assert "2026-12-02 10:00" in text and "02:00" not in text  # the history on the user's clock (Beijing)
    assert "下次应还" in text
    part = text[habits:]
    assert "记下每一笔支出" in part and "每天" in part and "1 天" in part  # cadence and streak in words
    assert "| 2026-12-02 | 吃饭 | ¥38.50 | 午饭 |" in part
    assert "¥3,000.10" in part and "¥12,000.00" in part  # fund: current and target
    assert "#### 2026-12-02" in part and "收入减少或中断了" in part and "公司裁员" in part
    assert "| 2026-12-02 | ¥5,000.00 | ¥900.00 | 0.05% | 是 | 这笔借款是用来还另一笔借款的 |" in part
    headings = [line for line in part.splitlines() if line.startswith("#")]
    assert all(not re.search(r"[A-Za-z]{3,}", line) for line in headings), headings
