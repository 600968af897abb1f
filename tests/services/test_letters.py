"""Letters as the screens use them: composed from chosen records, saved, edited, written as .md and .txt."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.calls import LetterKind, RecordKind, missed_call, new_note, new_record
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, SelfCheckInput, assess
from jiebei_tui.factory import open_services
from jiebei_tui.i18n import _

UTC = timezone.utc
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


def save_self_check(services, lender: str) -> None:  # type: ignore[no-untyped-def]
    debt = Debt(kind=DebtKind.JIEBEI, name="借呗", lender=lender, outstanding_principal=Decimal("25000"))
    inp = SelfCheckInput((debt,), CashFlow())
    services.selfchecks.save(inp, assess(inp, NOW.date()), NOW)


def test_a_new_letter_is_saved_with_the_lender_from_the_loan_page_not_the_callers_word(data_dir: Path) -> None:
    services = open_services(data_dir, clock=lambda: NOW)
    call = new_record("c1", RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=UTC), "13800000000")
    call = call.with_identity(call.identity.with_value("institution", "某催收公司")).ended(datetime(2026, 12, 1, 14, 40, tzinfo=UTC))
    services.calls.save(call)
    services.calls.save_note(call, new_note("n1", call, "!说要找我家人", datetime(2026, 12, 1, 14, 32, tzinfo=UTC)))
    assert services.letters.new(LetterKind.COMPLAINT, [call], _).lender == ""  # no self-check: the user fills it in

    save_self_check(services, "重庆蚂蚁消费金融有限公司")
    letter = services.letters.new(LetterKind.COMPLAINT, [call], _)
    assert letter.lender == "重庆蚂蚁消费金融有限公司"
    assert "重庆蚂蚁消费金融有限公司" in letter.body and "说要找我家人" in letter.body
    assert letter.record_ids == ("c1",)

    again = open_services(data_dir, clock=lambda: NOW + timedelta(hours=1))
    saved = again.letters.repo.get(letter.id)
    assert saved == letter
    edited = saved.edited(again.clock(), title=saved.title, body=saved.body + "\n补充：我有录音。", lender="L", sender="李四", contact="")
    assert again.letters.save(edited)
    assert open_services(data_dir).letters.repo.get(letter.id) == edited
    assert [item.id for item in again.letters.repo.all()][0] == letter.id  # newest change first


def test_refilling_counts_every_attempt_of_the_chosen_days(data_dir: Path) -> None:
    services = open_services(data_dir, clock=lambda: NOW)
    missed = [missed_call(f"m{i}", f"1390000000{i}", datetime(2026, 12, 1, 1 + i, tzinfo=UTC)) for i in range(7)]
    for record in missed:
        services.calls.save(record)
    letter = services.letters.new(LetterKind.COMPLAINT, [missed[-1]], _)  # only the seventh chosen
    assert "7" in letter.body and "13900000000" in letter.body  # the whole day counts, all numbers named
    title, body = services.letters.refill(letter, _, lender="某银行", sender="", contact="")
    assert title == letter.title and "某银行" in body


def test_written_files_are_private_markdown_and_plain_text(data_dir: Path, tmp_path: Path) -> None:
    services = open_services(data_dir, clock=lambda: NOW)
    call = new_record("c1", RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=UTC), "138").ended(NOW)
    services.calls.save(call)
    letter = services.letters.new(LetterKind.REQUEST, [call], _)
    markdown, text = services.letters.write_files(letter, _, tmp_path)
    assert markdown.name == "jiebei-letter-20261202-1000.md" and text.suffix == ".txt"  # named on the user's clock
    for path in (markdown, text):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert markdown.read_text(encoding="utf-8").startswith("# ")
    assert text.read_text(encoding="utf-8").startswith(letter.title + "\n\n")
