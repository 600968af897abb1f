"""The kinds of debt, repayment, essential spending and verdict; each member carries its label."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Final

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_


class DebtKind(LabelledEnum):
    JIEBEI = "jiebei", N_("Jiebei")
    HUABEI = "huabei", N_("Huabei")
    CREDIT_CARD = "credit_card", N_("Credit card")
    ONLINE_LOAN = "online_loan", N_("Online loan")
    FAMILY_FRIENDS = "family_friends", N_("Family or friends")
    OTHER = "other", N_("Other debt")


# Kinds whose lenders are licensed credit providers; only these make the
# credit-record facts relevant. A loan from family is never reported.
CREDIT_REPORTED_KINDS: Final = frozenset(
    {DebtKind.JIEBEI, DebtKind.HUABEI, DebtKind.CREDIT_CARD, DebtKind.ONLINE_LOAN}
)


class RepaymentMethod(LabelledEnum):
    EQUAL_INSTALLMENT = "equal_installment", N_("Equal monthly instalments")  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal", N_("Equal principal each month")  # 等额本金
    INTEREST_FIRST = "interest_first", N_("Interest first, principal at the end")  # 先息后本
    LUMP_SUM = "lump_sum", N_("All at once on the due date")
    OTHER = "other", N_("Other or not sure")


class EssentialCategory(LabelledEnum):
    """In CFPB "which debts first" order: housing, food, utilities, transport, medical."""

    RENT = "rent", N_("Housing (rent or mortgage)")
    FOOD = "food", N_("Food")
    UTILITIES = "utilities", N_("Utilities (water, power, gas, phone)")
    TRANSPORT = "transport", N_("Transport")
    MEDICAL = "medical", N_("Medical")
    FAMILY_SUPPORT = "family_support", N_("People who depend on you")
    OTHER = "other", N_("Other essentials")


class VerdictKind(str, Enum):
    CLEAR_NOW = "clear_now"
    CLEAR_IN_MONTHS = "clear_in_months"
    NEGOTIATE = "negotiate"
    CRISIS = "crisis"


# Worst to best; used to tell whether a later snapshot is an improvement.
VERDICT_RANK: Final[Mapping[VerdictKind, int]] = {
    VerdictKind.CRISIS: 0,
    VerdictKind.NEGOTIATE: 1,
    VerdictKind.CLEAR_IN_MONTHS: 2,
    VerdictKind.CLEAR_NOW: 3,
}
