"""The public info screen's words for the public (issue 18, item 18).

The screen speaks to people who do not know the volunteers' terms: what a post offers is worded
for them (*eten en drinken*, not *voedsel en water uitdelen*), and an item that ran out is *niet
meer beschikbaar* (*op* reads as *op voorraad* from across the hall). In the interface's
language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from noodpost.core.vocabulary import PostFunction
from noodpost.services.public_info import Availability


def availability_text(state: Availability) -> str:
    """``op voorraad``, ``bijna op``, ``niet meer beschikbaar``."""
    if state is Availability.OUT:
        return QCoreApplication.translate("PublicWords", "niet meer beschikbaar")
    if state is Availability.RUNNING_LOW:
        return QCoreApplication.translate("PublicWords", "bijna op")
    return QCoreApplication.translate("PublicWords", "op voorraad")


def public_service_text(code: str) -> str | None:
    """What a post offers, for the public; ``None`` for a code this version does not know."""
    texts: dict[str, str] = {
        PostFunction.DISTRIBUTION: QCoreApplication.translate("PublicWords", "eten en drinken"),
        PostFunction.WARM_COOL_LOCATION: QCoreApplication.translate(
            "PublicWords", "even opwarmen of afkoelen"
        ),
        PostFunction.MEDICAL_HYGIENE: QCoreApplication.translate(
            "PublicWords", "eerste hulp, hygiëne en medicijnen"
        ),
        PostFunction.LISTENING_EAR: QCoreApplication.translate("PublicWords", "een luisterend oor"),
        PostFunction.CHARGING_STATION: QCoreApplication.translate(
            "PublicWords", "uw telefoon opladen"
        ),
        PostFunction.RELATIVES_CONTACT: QCoreApplication.translate(
            "PublicWords", "laten weten dat u veilig en wel bent"
        ),
        PostFunction.INFORMATION_REFERRAL: QCoreApplication.translate(
            "PublicWords", "informatie en doorverwijzing"
        ),
        PostFunction.ALARM: QCoreApplication.translate(
            "PublicWords", "hulpdiensten waarschuwen als u ze niet kunt bellen"
        ),
        PostFunction.CITIZEN_HELP: QCoreApplication.translate(
            "PublicWords", "hulp aanbieden of vragen in de buurt"
        ),
    }
    return texts.get(code)
