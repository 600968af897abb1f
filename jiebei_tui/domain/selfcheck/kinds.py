"""The kinds of debt, repayment, essential spending and verdict, with their labels."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Final

from jiebei_tui.i18n import N_


class DebtKind(str, Enum):
    JIEBEI = "jiebei"
    HUABEI = "huabei"
    CREDIT_CARD = "credit_card"
    ONLINE_LOAN = "online_loan"
    FAMILY_FRIENDS = "family_friends"
    OTHER = "other"


DEBT_KIND_LABELS: Final[Mapping[DebtKind, str]] = {
    DebtKind.JIEBEI: N_("Jiebei"),
    DebtKind.HUABEI: N_("Huabei"),
    DebtKind.CREDIT_CARD: N_("Credit card"),
    DebtKind.ONLINE_LOAN: N_("Online loan"),
    DebtKind.FAMILY_FRIENDS: N_("Family or friends"),
    DebtKind.OTHER: N_("Other debt"),
}

# Kinds whose lenders are licensed credit providers; only these make the
# credit-record facts relevant. A loan from family is never reported.
_CREDIT_REPORTED_KINDS: Final = frozenset(
    {DebtKind.JIEBEI, DebtKind.HUABEI, DebtKind.CREDIT_CARD, DebtKind.ONLINE_LOAN}
)


class RepaymentMethod(str, Enum):
    EQUAL_INSTALLMENT = "equal_installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金
    INTEREST_FIRST = "interest_first"  # 先息后本
    LUMP_SUM = "lump_sum"
    OTHER = "other"


REPAYMENT_METHOD_LABELS: Final[Mapping[RepaymentMethod, str]] = {
    RepaymentMethod.EQUAL_INSTALLMENT: N_("Equal monthly instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: N_("Equal principal each month"),
    RepaymentMethod.INTEREST_FIRST: N_("Interest first, principal at the end"),
    RepaymentMethod.LUMP_SUM: N_("All at once on the due date"),
    RepaymentMethod.OTHER: N_("Other or not sure"),
}


class EssentialCategory(str, Enum):
    """In CFPB "which debts first" order: housing, food, utilities, transport, medical."""

    RENT = "rent"
    FOOD = "food"
    UTILITIES = "utilities"
    TRANSPORT = "transport"
    MEDICAL = "medical"
    FAMILY_SUPPORT = "family_support"
    OTHER = "other"


ESSENTIAL_LABELS: Final[Mapping[EssentialCategory, str]] = {
    EssentialCategory.RENT: N_("Housing (rent or mortgage)"),
    EssentialCategory.FOOD: N_("Food"),
    EssentialCategory.UTILITIES: N_("Utilities (water, power, gas, phone)"),
    EssentialCategory.TRANSPORT: N_("Transport"),
    EssentialCategory.MEDICAL: N_("Medical"),
    EssentialCategory.FAMILY_SUPPORT: N_("People who depend on you"),
    EssentialCategory.OTHER: N_("Other essentials"),
}


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

