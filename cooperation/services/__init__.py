"""Every change of state, one function each: agreements, proposals, outside requests, mail."""

from .agreements import (
    ALLOWED_TRANSITIONS,
    STATUS_CHANGE_ACTION,
    bring_agreements_into_force,
    change_agreement_status,
    ensure_can_change,
    record_new_agreement,
    record_signature,
)
from .publication import prepare_publication, publish_agreement, unpublish_agreement

__all__ = [
    "ALLOWED_TRANSITIONS",
    "STATUS_CHANGE_ACTION",
    "bring_agreements_into_force",
    "change_agreement_status",
    "ensure_can_change",
    "prepare_publication",
    "publish_agreement",
    "record_new_agreement",
    "record_signature",
    "unpublish_agreement",
]
