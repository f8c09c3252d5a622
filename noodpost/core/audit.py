"""What the audit log records (DESIGN §3.6): the actions, by stable name."""

from __future__ import annotations

from enum import StrEnum


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


#: Dutch words for the audit view and ``audit verify``.
ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.INIT: "ingericht",
    AuditAction.SIGN_IN: "inlog",
    AuditAction.SIGN_IN_LOCK: "inloggen geblokkeerd",
    AuditAction.PAIRING_EXPORT: "koppelbestand gemaakt",
    AuditAction.PAIRING_IMPORT: "hub gekoppeld",
    AuditAction.POST_APPROVE: "post goedgekeurd",
    AuditAction.POST_REPLACE: "sleutel van post vervangen",
    AuditAction.BUNDLE_IMPORT: "bundel ingelezen",
    AuditAction.BUNDLE_EXPORT: "bundel geschreven",
    AuditAction.BACKUP: "back-up",
    AuditAction.RESTORE: "back-up teruggezet",
    AuditAction.EXPORT: "export",
    AuditAction.VIEW_PERSONAL: "persoonslijst bekeken",
    AuditAction.SEARCH_MESSAGES: "veilig-en-wel gezocht",
    AuditAction.SEARCH_HOUSEHOLDS: "huishouden gezocht",
    AuditAction.PURGE: "persoonsgegevens geanonimiseerd",
    AuditAction.RECOVERY_HELP: "hulp bij terugzetten zonder herstelcode",
}
