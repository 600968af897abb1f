"""Which plan's script shows beside which call (a call started from a plan with Ctrl+N).

Apart from the plans service so that resuming a call can tell there is no script
without importing the plans (~25 ms of `jiebei-tui call` on 2 cores).
"""

from __future__ import annotations

from jiebei_tui.store.drafts import DraftKeeper

CALL_SCRIPT_DRAFT = "plans.call_script"


def link_call(drafts: DraftKeeper, record_id: str, plan_id: str) -> None:
    drafts.set(CALL_SCRIPT_DRAFT, {"record_id": record_id, "plan_id": plan_id})


def linked_plan(drafts: DraftKeeper, record_id: str) -> str | None:
    """The id of the plan the call ``record_id`` was started from, if any."""
    link = drafts.get(CALL_SCRIPT_DRAFT)
    if not isinstance(link, dict) or link.get("record_id") != record_id:
        return None
    plan_id = link.get("plan_id")
    return plan_id if isinstance(plan_id, str) else None
