"""The register of cooperation agreements in the columns the province and Kemendagri ask for.

Columns follow the register of Permendagri 22/2020: number and date of the document for both
parties, kind, subject, parties, object and scope, term, value and funding, implementing agency,
DPRD approval, status and remarks (extended, terminated, addenda).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .. import roles
from ..models import Agreement, AgreementStatus, DocumentRole
from .implementation import agency_names, agreements_in_force_during, day, rupiah


@dataclass(frozen=True)
class RegisterColumn:
    key: str
    heading: str
    width: int
    number_format: str = ""


REGISTER_COLUMNS = [
    RegisterColumn("number", pgettext_lazy("nomor urut", "No"), 6),
    RegisterColumn("document_numbers", gettext_lazy("Nomor dan Tanggal Naskah (Pihak Daerah / Pihak Mitra)"), 40),
    RegisterColumn("document_type", gettext_lazy("Jenis Naskah"), 22),
    RegisterColumn("title", gettext_lazy("Judul/Tentang"), 48),
    RegisterColumn("parties", gettext_lazy("Para Pihak"), 36),
    RegisterColumn("scope", gettext_lazy("Objek/Ruang Lingkup"), 48),
    RegisterColumn("term", gettext_lazy("Jangka Waktu"), 30),
    RegisterColumn("value", gettext_lazy("Nilai (Rp)"), 18, "#,##0"),
    RegisterColumn("funding_source", gettext_lazy("Sumber Pendanaan"), 18),
    RegisterColumn("implementing_agency", gettext_lazy("OPD Pelaksana"), 30),
    RegisterColumn("dprd_approval", gettext_lazy("Persetujuan DPRD (Nomor/Tanggal)"), 30),
    RegisterColumn("status", gettext_lazy("Status"), 16),
    RegisterColumn("remarks", gettext_lazy("Keterangan"), 44),
]


def _document_numbers(agreement: Agreement) -> str:
    signed = f", {day(agreement.signed_on)}" if agreement.signed_on else ""
    region = (agreement.region_number or "—") + signed
    return f"{_('Pihak daerah')}: {region}\n{_('Pihak mitra')}: {agreement.partner_numbers or '—'}"


def _term(agreement: Agreement) -> str:
    text = f"{day(agreement.starts_on)} s.d. {day(agreement.ends_on)}"
    if agreement.term_years is not None:
        years = f"{agreement.term_years:g}".replace(".", ",")
        text += " " + _("(%(years)s tahun)") % {"years": years}
    return text


def _dprd_approval(agreement: Agreement) -> str:
    if agreement.dprd_approval_number or agreement.dprd_approval_date:
        date = f", {day(agreement.dprd_approval_date)}" if agreement.dprd_approval_date else ""
        return (agreement.dprd_approval_number or "—") + date
    return _("Diperlukan, belum dicatat") if agreement.burdens_apbd else _("Tidak diperlukan")


def _reference(agreement: Agreement) -> str:
    return agreement.region_number or agreement.title


def register_remarks(agreement: Agreement) -> str:
    """Extended, terminated, renewal of, addenda and implementing agreements: the chain in one cell."""
    remarks = []
    if agreement.status == AgreementStatus.TERMINATED:
        remark = _("Diakhiri")
        if agreement.terminated_on:
            remark += " " + _("pada %(date)s") % {"date": day(agreement.terminated_on)}
        if agreement.termination_reason:
            remark += f": {agreement.termination_reason}"
        remarks.append(remark)
    renewals = list(agreement.renewals.all())
    if renewals:
        remarks.append(_("Diperpanjang dengan %(items)s") % {"items": "; ".join(_reference(a) for a in renewals)})
    elif agreement.status == AgreementStatus.EXTENDED:
        remarks.append(_("Diperpanjang"))
    if agreement.replaces_id:
        remarks.append(_("Perpanjangan dari %(item)s") % {"item": _reference(agreement.replaces)})
    children = list(agreement.children.all())
    addenda = [child for child in children if child.document_type.role == DocumentRole.AMENDMENT]
    others = [child for child in children if child.document_type.role != DocumentRole.AMENDMENT]
    if addenda:
        remarks.append(_("Adendum: %(items)s") % {"items": "; ".join(_reference(a) for a in addenda)})
    if others:
        remarks.append(_("Naskah turunan: %(items)s") % {"items": "; ".join(_reference(a) for a in others)})
    if agreement.parent_id:
        remarks.append(_("Naskah induk: %(item)s") % {"item": _reference(agreement.parent)})
    return "\n".join(remarks)


def register_row(number: int, agreement: Agreement) -> dict:
    parties = [settings.COOPERATION_REGION_NAME, *(party.partner_name for party in agreement.parties.all())]
    scope = "\n".join(text for text in (agreement.subject, agreement.scope) if text)
    return {
        "number": number,
        "document_numbers": _document_numbers(agreement),
        "document_type": agreement.document_type.name,
        "title": agreement.title,
        "parties": "; ".join(parties),
        "scope": scope,
        "term": _term(agreement),
        "value": agreement.value if agreement.value is not None else None,
        "funding_source": agreement.get_funding_source_display() if agreement.funding_source else "",
        "implementing_agency": agency_names(agreement),
        "dprd_approval": _dprd_approval(agreement),
        "status": agreement.status_label,
        "remarks": register_remarks(agreement),
    }


@dataclass
class Register:
    region_name: str
    period_from: datetime.date
    period_to: datetime.date
    rows: list[dict]

    @property
    def total_value(self) -> Decimal:
        return sum((row["value"] or Decimal(0) for row in self.rows), Decimal(0))

    @property
    def title(self) -> str:
        return _("Register Naskah Kerja Sama Daerah")

    @property
    def period_text(self) -> str:
        return _("Periode %(start)s s.d. %(end)s") % {"start": day(self.period_from), "end": day(self.period_to)}

    @property
    def total_text(self) -> str:
        return rupiah(self.total_value)


def agreement_register(*, user: roles.User, period_from: datetime.date, period_to: datetime.date) -> Register:
    """The agreements in force at any time in the period, one register row each (a fixed number of queries)."""
    agreements = agreements_in_force_during(user=user, period_from=period_from, period_to=period_to)
    return Register(
        region_name=settings.COOPERATION_REGION_NAME,
        period_from=period_from,
        period_to=period_to,
        rows=[register_row(index, agreement) for index, agreement in enumerate(agreements, start=1)],
    )
