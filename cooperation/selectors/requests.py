"""Queries about requests from outside, scoped to the user."""

from django.db.models import QuerySet

from .. import roles
from ..models import ExternalRequest


def external_requests_visible_to(*, user: roles.User) -> QuerySet[ExternalRequest]:
    """Region-wide roles granted the view permission read every request; agency staff none."""
    if roles.is_region_wide(user) and user.has_perm("cooperation.view_externalrequest"):
        return ExternalRequest.objects.all()
    return ExternalRequest.objects.none()


def external_requests_triageable_by(*, user: roles.User) -> QuerySet[ExternalRequest]:
    from ..services.requests import may_triage

    if may_triage(user):
        return external_requests_visible_to(user=user)
    return ExternalRequest.objects.none()
