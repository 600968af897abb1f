"""Before negotiating (seeds 002, 003): what to bring, what never to do, and text the user may rewrite."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.labels import Labelled
from jiebei_tui.domain.serial import optional_text, text_from
from jiebei_tui.i18n import N_

MATERIALS: tuple[Labelled, ...] = (
    Labelled(
        "loan_contract",
        N_("Loan contract (借款合同)"),
        N_("Open it from the loan page in the app, or ask the lender's official customer service."),
    ),
    Labelled(
        "repayment_records",
        N_("Repayment records"),
        N_("Screenshots of the loan page: amounts, due dates, what you have repaid."),
    ),
    Labelled("income_proof", N_("Proof of income"), N_("Payslips or bank statements of the last few months.")),
    Labelled(
        "hardship_proof",
        N_("Proof of the hardship"),
        N_("Whatever shows what happened: a termination notice, medical bills, a family emergency."),
    ),
    Labelled("id_card", N_("Your ID"), N_("To confirm who you are; show it only through official channels.")),
)
MATERIAL_KEYS: tuple[str, ...] = tuple(item.key for item in MATERIALS)
_MATERIAL_BY_KEY: dict[str, Labelled] = {item.key: item for item in MATERIALS}

SAFETY: tuple[str, ...] = (
    N_(
        "Negotiate only through official channels: the lender's app or its official customer service. Take the "
        "number from the app, never from an article or a message."
    ),
    N_(
        "Never pay a fee to anyone who offers to negotiate for you (代理协商) or promises to get interest stopped "
        "and the debt put on hold (停息挂账). The press has reported such paid agents as a grey industry "
        "(北京商报, 2022)."
    ),
    N_("Never pay into a personal account. Repay only in the lender's app or to the account shown there."),
    N_("Keep every agreement in writing, with its date and reference number."),
)
# Facts worth having at hand when negotiating (each must exist in facts.FACTS).
NEGOTIATION_FACTS: Final = ("lender_on_loan_page", "banned_conduct", "credit_record_five_years")
for _key in NEGOTIATION_FACTS:
    fact(_key)


def material_label(key: str) -> str:
    """The label msgid of a checklist item; KeyError for an unknown key."""
    return _MATERIAL_BY_KEY[key].label


def ticked_in_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Known keys in checklist order (unknown keys from an old file are dropped)."""
    chosen = set(keys)
    return tuple(key for key in MATERIAL_KEYS if key in chosen)


@dataclass(frozen=True)
class DraftText:
    """Text the app writes and the user may rewrite; the user's version is never overwritten.

    ``generated`` follows the plan's numbers; ``edited`` is the user's own version
    (None until they edit), and ``edited_from`` the generated text it started from,
    so the screen can say when the numbers changed after the user's last edit.
    """

    generated: str
    edited: str | None = None
    edited_from: str | None = None

    @property
    def text(self) -> str:
        return self.edited if self.edited is not None else self.generated

    @property
    def is_edited(self) -> bool:
        return self.edited is not None

    @property
    def outdated(self) -> bool:
        """The user's version was started from numbers that have since changed."""
        return self.edited is not None and self.edited_from != self.generated

    def edit(self, text: str) -> DraftText:
        return DraftText(self.generated, text, self.generated)

    def regenerate(self, generated: str) -> DraftText:
        return DraftText(generated, self.edited, self.edited_from)

    def discard_edit(self) -> DraftText:
        return DraftText(self.generated)

    def to_dict(self) -> dict[str, Any]:
        return {"generated": self.generated, "edited": self.edited, "edited_from": self.edited_from}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DraftText:
        return cls(
            text_from(data.get("generated"), "generated"),
            optional_text(data.get("edited"), "edited"),
            optional_text(data.get("edited_from"), "edited_from"),
        )
