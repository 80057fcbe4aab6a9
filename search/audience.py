"""Who is searching, reduced to what an engine filters on (`Audience`)."""

from __future__ import annotations

from cooperation import roles
from cooperation.selectors.agreements import agency_of

from .engines.base import Audience

RESTRICTED_DOCUMENTS_PERM = "cooperation.view_restricted_agreementdocument"


def audience_for(user) -> Audience:
    """The same scope as `agreements_visible_to`: region-wide roles see the whole register, agency
    staff their agency's agreements; anyone else (anonymous, no role) gets the public catalogue."""
    if user is None or not user.is_authenticated:
        return Audience.anonymous()
    restricted = user.has_perm(RESTRICTED_DOCUMENTS_PERM)
    if roles.is_region_wide(user):
        return Audience(public=False, agency_ids=None, restricted_documents=restricted)
    if roles.AGENCY_STAFF in roles.role_names(user) and (agency := agency_of(user=user)):
        return Audience(public=False, agency_ids=frozenset({agency.pk}), restricted_documents=restricted)
    return Audience.anonymous()
