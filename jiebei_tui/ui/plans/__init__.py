"""The plans area's screens: what other screens may open (Review lists and opens plans; a promise from a
call becomes a payment; a call started from a plan shows its script)."""

from jiebei_tui.ui.plans.builder import PLANS_CSS
from jiebei_tui.ui.plans.explain import signed
from jiebei_tui.ui.plans.plan import PlanScreen
from jiebei_tui.ui.plans.promise import RecordPromiseDialog

__all__ = ["PLANS_CSS", "PlanScreen", "RecordPromiseDialog", "signed"]
