"""The names of the counts on Overzicht, in the interface's language.

:data:`noodpost.services.status.COUNT_LABELS` names them in Dutch for ``noodpost status``; the
screen names them here, through the catalogue, so the English interface shows no Dutch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from noodpost.services.status import count_label


def count_text(key: str) -> str:
    """The name of the count ``key`` (``"households"`` → *Huishoudens*)."""
    texts = {
        "households": QCoreApplication.translate("CountLabels", "Huishoudens"),
        "people": QCoreApplication.translate("CountLabels", "Personen"),
        "present": QCoreApplication.translate("CountLabels", "Aanwezig (personen)"),
        "present_households": QCoreApplication.translate("CountLabels", "Aanwezig (huishoudens)"),
        "persons": QCoreApplication.translate("CountLabels", "Gezinsleden met eigen gegevens"),
        "visits": QCoreApplication.translate("CountLabels", "Bezoeken"),
        "needs": QCoreApplication.translate("CountLabels", "Hulpvragen"),
        "distributions": QCoreApplication.translate("CountLabels", "Uitgiften"),
        "stock_movements": QCoreApplication.translate("CountLabels", "Voorraadboekingen"),
        "supply_items": QCoreApplication.translate("CountLabels", "Artikelen in de voorraadlijst"),
        "alarms": QCoreApplication.translate("CountLabels", "Noodmeldingen"),
        "charging_tickets": QCoreApplication.translate("CountLabels", "Oplaadbonnen"),
        "generator_readings": QCoreApplication.translate("CountLabels", "Aggregaatstanden"),
        "safe_messages": QCoreApplication.translate("CountLabels", "Veilig-en-welberichten"),
        "volunteers": QCoreApplication.translate("CountLabels", "Vrijwilligers"),
        "shifts": QCoreApplication.translate("CountLabels", "Diensten"),
        "logbook_lines": QCoreApplication.translate("CountLabels", "Logboekregels"),
        "log_entries": QCoreApplication.translate(
            "CountLabels", "Logboekregels met de hand geschreven"
        ),
        "bulletins": QCoreApplication.translate("CountLabels", "Mededelingen"),
        "card_batches": QCoreApplication.translate("CountLabels", "Series blanco kaarten"),
        "posts": QCoreApplication.translate("CountLabels", "Posten"),
        "supply_dispatches": QCoreApplication.translate("CountLabels", "Leveringen van de C-NSP"),
        "supply_requests": QCoreApplication.translate("CountLabels", "Aanvragen bij de C-NSP"),
        "credentials": QCoreApplication.translate("CountLabels", "Pincodes van vrijwilligers"),
        "events": QCoreApplication.translate("CountLabels", "Wijzigingen"),
    }
    return texts.get(key) or count_label(key)
