"""Every query a view needs, already scoped to what the user may see."""

from .agreements import (
    agencies_selectable_by,
    agency_of,
    agreement_chain,
    agreements_changeable_by,
    agreements_ending_soon,
    agreements_visible_to,
    document_visible_to,
    public_register_figures,
    status_counts,
)
from .proposals import (
    missing_clearances,
    missing_required_documents,
    notification_opt_outs,
    overdue_stages,
    proposal_timeline,
    proposals_changeable_by,
    proposals_visible_to,
    stage_rows,
    stages_awaiting,
)

__all__ = [
    "agencies_selectable_by",
    "agency_of",
    "agreement_chain",
    "agreements_changeable_by",
    "agreements_ending_soon",
    "agreements_visible_to",
    "document_visible_to",
    "missing_clearances",
    "missing_required_documents",
    "notification_opt_outs",
    "overdue_stages",
    "proposal_timeline",
    "proposals_changeable_by",
    "proposals_visible_to",
    "public_register_figures",
    "stage_rows",
    "stages_awaiting",
    "status_counts",
]
