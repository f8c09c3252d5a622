"""What the audit log records (DESIGN §3.6): the actions, by stable name."""

from __future__ import annotations

from enum import StrEnum

from noodpost.core.i18n import recorded, translate


class AuditAction(StrEnum):
    """One kind of audited action. The value is stored; keep it stable."""

    INIT = "init"
    SIGN_IN = "sign_in"
    SIGN_IN_LOCK = "sign_in_lock"
    PAIRING_EXPORT = "pairing_export"
    PAIRING_IMPORT = "pairing_import"
    POST_APPROVE = "post_approve"
    POST_REPLACE = "post_replace"
    BUNDLE_IMPORT = "bundle_import"
    BUNDLE_EXPORT = "bundle_export"
    BACKUP = "backup"
    RESTORE = "restore"
    EXPORT = "export"
    VIEW_PERSONAL = "view_personal"
    SEARCH_MESSAGES = "search_messages"
    SEARCH_HOUSEHOLDS = "search_households"
    PURGE = "purge"
    RECOVERY_HELP = "recovery_help"


def action_labels() -> dict[str, str]:
    """The words for the actions, in the interface's language (the audit view)."""
    return {
        AuditAction.INIT: translate("AuditAction", "ingericht"),
        AuditAction.SIGN_IN: translate("AuditAction", "inlog"),
        AuditAction.SIGN_IN_LOCK: translate("AuditAction", "inloggen geblokkeerd"),
        AuditAction.PAIRING_EXPORT: translate("AuditAction", "koppelbestand gemaakt"),
        AuditAction.PAIRING_IMPORT: translate("AuditAction", "hub gekoppeld"),
        AuditAction.POST_APPROVE: translate("AuditAction", "post goedgekeurd"),
        AuditAction.POST_REPLACE: translate("AuditAction", "sleutel van post vervangen"),
        AuditAction.BUNDLE_IMPORT: translate("AuditAction", "bundel ingelezen"),
        AuditAction.BUNDLE_EXPORT: translate("AuditAction", "bundel geschreven"),
        AuditAction.BACKUP: translate("AuditAction", "back-up"),
        AuditAction.RESTORE: translate("AuditAction", "back-up teruggezet"),
        AuditAction.EXPORT: translate("AuditAction", "export"),
        AuditAction.VIEW_PERSONAL: translate("AuditAction", "persoonslijst bekeken"),
        AuditAction.SEARCH_MESSAGES: translate("AuditAction", "veilig-en-wel gezocht"),
        AuditAction.SEARCH_HOUSEHOLDS: translate("AuditAction", "huishouden gezocht"),
        AuditAction.PURGE: translate("AuditAction", "persoonsgegevens geanonimiseerd"),
        AuditAction.RECOVERY_HELP: translate(
            "AuditAction", "hulp bij terugzetten zonder herstelcode"
        ),
    }


#: The Dutch words, for ``audit verify`` and the command line.
ACTION_LABELS: dict[str, str] = {
    action: recorded(words) for action, words in action_labels().items()
}
