"""Every query a view needs, already scoped to what the user may see."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .. import roles
from ..models import (
    EXPIRING_SOON,
    EXPIRING_SOON_LABEL,
    Agency,
    Agreement,
    AgreementDocument,
    AgreementStatus,
    Publication,
)


def agency_of(*, user: roles.User) -> Agency | None:
    """The agency a staff account belongs to, or None."""
    if not user.is_authenticated:
        return None
    membership = getattr(user, "agency_membership", None)
    return membership.agency if membership else None


def agreements_visible_to(*, user: roles.User) -> QuerySet[Agreement]:
    """Region-wide roles see the whole register; agency staff only their agency's records."""
    agreements = Agreement.objects.all()
    if roles.is_region_wide(user):
        return agreements
    if roles.AGENCY_STAFF in roles.role_names(user) and (agency := agency_of(user=user)):
        # Two indexed lookups rather than one join over the whole register.
        implemented = Agreement.implementing_agencies.through.objects.filter(agency=agency).values("agreement_id")
        return agreements.filter(Q(initiating_agency=agency) | Q(pk__in=implemented))
    return agreements.none()


def agreements_changeable_by(*, user: roles.User) -> QuerySet[Agreement]:
    """The register keepers change any record; reviewers none; agency staff their own agency's."""
    if roles.keeps_register(user):
        return Agreement.objects.all()
    if roles.is_region_wide(user):
        return Agreement.objects.none()
    return agreements_visible_to(user=user)


def agreement_chain(*, agreement: Agreement, user: roles.User) -> list[dict]:
    """The parent, the children (PKS, addenda), the predecessor and successors the user may see."""
    visible = agreements_visible_to(user=user).select_related("document_type")
    chain = []
    if agreement.parent_id and (parent := visible.filter(pk=agreement.parent_id).first()):
        chain.append({"relation": _("Naskah induk"), "agreement": parent})
    chain += [
        {"relation": _("Naskah turunan"), "agreement": child}
        for child in visible.filter(parent=agreement).order_by("signed_on", "pk")
    ]
    if agreement.replaces_id and (old := visible.filter(pk=agreement.replaces_id).first()):
        chain.append({"relation": _("Memperpanjang"), "agreement": old})
    chain += [
        {"relation": _("Diperpanjang oleh"), "agreement": renewal}
        for renewal in visible.filter(replaces=agreement).order_by("pk")
    ]
    return chain


def agencies_selectable_by(*, user: roles.User) -> QuerySet[Agency]:
    """Agency staff file records for their own agency only."""
    agencies = Agency.objects.filter(is_active=True)
    if roles.keeps_register(user) or roles.is_region_wide(user):
        return agencies
    agency = agency_of(user=user)
    return agencies.filter(pk=agency.pk) if agency else agencies.none()


def document_visible_to(*, user: roles.User, document: AgreementDocument) -> bool:
    """Anyone gets a public document of a published agreement; everything else needs an entitled user.

    A restricted document needs the restricted-document permission and the right to see the
    agreement (or proposal) it belongs to, whatever URL is tried.
    """
    from .public import is_public_document

    if is_public_document(document):
        return True
    if not user.is_authenticated:
        return False
    if document.is_restricted and not user.has_perm("cooperation.view_restricted_agreementdocument"):
        return False
    if document.agreement_id is not None:
        return agreements_visible_to(user=user).filter(pk=document.agreement_id).exists()
    if document.proposal_id is not None:
        from .proposals import proposals_visible_to

        return proposals_visible_to(user=user).filter(pk=document.proposal_id).exists()
    if document.monev_report_id is not None:
        from .monev import monev_reports_visible_to

        return monev_reports_visible_to(user=user).filter(pk=document.monev_report_id).exists()
    return roles.is_region_wide(user)


def status_counts(*, user: roles.User) -> list[dict]:
    """Counts by status, with the derived "Akan Berakhir" as its own row."""
    visible = agreements_visible_to(user=user)
    by_status = dict(visible.values_list("status").annotate(n=Count("pk")).order_by())
    rows = [
        {"status": value, "label": label, "count": by_status.get(value, 0)} for value, label in AgreementStatus.choices
    ]
    rows.insert(
        [r["status"] for r in rows].index(AgreementStatus.IN_FORCE) + 1,
        {"status": EXPIRING_SOON, "label": EXPIRING_SOON_LABEL, "count": visible.expiring_within().count()},
    )
    return rows


def agreements_ending_soon(*, user: roles.User, months: int = 6, limit: int = 10) -> QuerySet[Agreement]:
    return (
        agreements_visible_to(user=user)
        .expiring_within(months=months)
        .select_related("initiating_agency", "document_type")
        .order_by("ends_on")[:limit]
    )


def agreements_awaiting_publication(*, user: roles.User) -> QuerySet[Agreement]:
    """Signed agreements the user may see that have no publication yet: what the chooser offers."""
    return (
        agreements_visible_to(user=user)
        .filter(status__in=AgreementStatus.signed_states())
        .exclude(pk__in=Publication.objects.values("agreement_id"))
    )


def publications_awaiting(*, user: roles.User) -> QuerySet:
    """Publications in a publication workflow whose current task this user's groups must act on."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import TaskState

    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type=ContentType.objects.get_for_model(Publication),
    ).select_related("task", "workflow_state")
    if not user.is_superuser:
        states = states.filter(task__groupapprovaltask__groups__in=user.groups.all()).distinct()
    return states.order_by("started_at")


def publication_backlog_count(*, user: roles.User) -> int:
    """Signed agreements not yet in the catalogue: the Editor/PPID's to-do count."""
    return agreements_awaiting_publication(user=user).count()
