"""The register as Open Contracting Data Standard 1.1: releases, records and their packages.

Every published agreement is one contracting process, `ocid` = OPEN_DATA_OCID_PREFIX + "-" + its id.
Its releases are derived from dates the register stores, never from the clock, so the same
register gives the same release ids and dates on every request and a harvester can de-duplicate:

- a `contract` release: the agreement as it is now registered (parties, term, value, status, public
  documents, related processes), dated when that information was last recorded (its publication,
  or a later edit of the agreement or of a public document). Its id carries that moment, so an edit
  is a new release rather than a silent change of an old one. An ended agreement (expired, extended
  or terminated) also carries the `contractTermination` tag.
- a `contractAmendment` release for each public addendum, dated when the addendum was recorded.
- an `implementation` release for each verified monev report, dated at its verification.

The rules are the constants below; the publication-policy page renders the same constants, so
the page and the data cannot disagree. This module only maps: the queries are in
`cooperation.selectors.ocds`, which reads through `public_agreements()`.
"""

import copy
import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.models import (
    Agreement,
    AgreementDocument,
    AgreementStatus,
    FundingSource,
    MonevReport,
)
from cooperation.selectors.ocds import OcdsSource, ocds_source

from .links import PublicLinks

OCDS_VERSION = "1.1"
RELEASE_LANGUAGE = "id"
CURRENCY = "IDR"
INITIATION_TYPE = "tender"  # the only code of the closed initiationType codelist: required by OCDS 1.1
REGION_PARTY_ID = "region"
MONEV_ANCHOR = "#heading-monev"  # the monev section of the public agreement page

# partyRole codes OCDS 1.1 does not have, added by this publication (the codelist is open).
COOPERATION_PARTNER = "cooperationPartner"
INITIATING_AGENCY = "initiatingAgency"
IMPLEMENTING_AGENCY = "implementingAgency"
ADDED_PARTY_ROLES: dict[str, Any] = {
    COOPERATION_PARTNER: gettext_lazy(
        "Mitra (pihak lain) dalam naskah kerja sama: pemerintah daerah lain, kementerian/lembaga, badan usaha, "
        "perguruan tinggi, organisasi, lembaga luar negeri, atau OPD dalam kerja sama antar-OPD. OCDS tidak "
        "memiliki peran untuk pihak lawan dalam kesepakatan yang bukan pengadaan: mitra tidak dipilih melalui "
        "tender dan bukan pemasok (supplier)."
    ),
    INITIATING_AGENCY: gettext_lazy(
        "OPD pemrakarsa: perangkat daerah yang menyiapkan dan mengusulkan kerja sama. OCDS hanya mengenal "
        "buyer dan procuringEntity, yang tidak sama dengan peran ini."
    ),
    IMPLEMENTING_AGENCY: gettext_lazy(
        "OPD pelaksana: perangkat daerah yang melaksanakan kerja sama dan melaporkan monev-nya."
    ),
}

# The standard's roles we use, and why.
STANDARD_PARTY_ROLES: dict[str, Any] = {
    "buyer": gettext_lazy(
        "Pemerintah daerah penerbit data. OCDS mewajibkan badan publik pihak kontrak dicatat sebagai buyer; "
        "dalam kerja sama daerah tidak ada pembelian, tetapi pemerintah daerahlah badan publik yang "
        "mengikatkan diri."
    ),
    "funder": gettext_lazy(
        "Pihak yang membiayai: pemerintah daerah bila sumber pendanaan APBD, para mitra bila sumber "
        "pendanaan dana mitra."
    ),
}

# Who gets the "funder" role, by funding source: the region, or every outside partner.
FUNDER_REGION = "region"
FUNDER_PARTNERS = "partners"
FUNDERS_BY_SOURCE: dict[str, str] = {FundingSource.APBD: FUNDER_REGION, FundingSource.PARTNER: FUNDER_PARTNERS}

# The closed contractStatus codelist. Only signed states are ever public.
CONTRACT_STATUS: dict[str, str] = {
    AgreementStatus.SIGNED: "pending",
    AgreementStatus.IN_FORCE: "active",
    AgreementStatus.EXPIRED: "terminated",
    AgreementStatus.EXTENDED: "terminated",
    AgreementStatus.TERMINATED: "terminated",
}
ENDED_STATES = {AgreementStatus.EXPIRED, AgreementStatus.EXTENDED, AgreementStatus.TERMINATED}

# documentType (open codelist) by DocumentCategory code; a category not listed is DEFAULT_DOCUMENT_TYPE.
DOCUMENT_TYPES: dict[str, str] = {
    "naskah-ditandatangani": "contractSigned",
    "lampiran": "contractAnnexe",
    "berita-acara": "contractAnnexe",
    "kak": "projectPlan",
    "kajian-manfaat": "feasibilityStudy",
    "surat-penawaran": "submissionDocuments",
    "profil-mitra": "bidders",
    "persetujuan-dprd": "contractAnnexe",
    "surat-kuasa": "contractAnnexe",
    "full-powers": "contractAnnexe",
    "draf-naskah": "contractDraft",
    "laporan-monev": "physicalProgressReport",
}
# The minutes of an agreement that was terminated early are its termination minutes.
TERMINATED_DOCUMENT_TYPES: dict[str, str] = {"berita-acara": "cancellationDetails"}
DEFAULT_DOCUMENT_TYPE = "contractAnnexe"
MONEV_DOCUMENT_TYPE = "physicalProgressReport"

# Our field → its place in an OCDS release, for the publication-policy page. Keep it next to the code below.
FIELD_MAPPING: list[tuple[Any, str]] = [
    (gettext_lazy("ID naskah"), "ocid = <prefiks>-<id>"),
    (gettext_lazy("Pemerintah daerah (penerbit)"), "parties[id=region] (roles: buyer), buyer"),
    (gettext_lazy("Mitra: nama, negara, provinsi, kabupaten/kota"), "parties[].name, parties[].address"),
    (gettext_lazy("OPD pihak kerja sama antar-OPD"), "parties[] (roles: cooperationPartner)"),
    (gettext_lazy("OPD pemrakarsa"), "parties[] (roles: initiatingAgency)"),
    (gettext_lazy("OPD pelaksana"), "parties[] (roles: implementingAgency)"),
    (gettext_lazy("Sumber pendanaan APBD / dana mitra"), "parties[].roles: funder"),
    (gettext_lazy("Judul (dan judul Inggris)"), "contracts[0].title, contracts[0].title_en"),
    (
        gettext_lazy("Ringkasan publikasi, atau ruang lingkup bila tidak ada ringkasan"),
        "contracts[0].description, contracts[0].description_en",
    ),
    (gettext_lazy("Status"), "contracts[0].status"),
    (gettext_lazy("Tanggal mulai"), "contracts[0].period.startDate"),
    (
        gettext_lazy("Tanggal berakhir (tanggal pengakhiran bila diakhiri lebih awal)"),
        "contracts[0].period.endDate",
    ),
    (gettext_lazy("Tanggal penandatanganan"), "contracts[0].dateSigned"),
    (gettext_lazy("Nilai (Rp)"), "contracts[0].value.amount, contracts[0].value.currency = IDR"),
    (gettext_lazy("Dokumen terbuka"), "contracts[0].documents[]"),
    (gettext_lazy("Adendum yang dipublikasikan"), "contracts[0].amendments[] (rilis contractAmendment)"),
    (
        gettext_lazy("Laporan monev terverifikasi"),
        "contracts[0].implementation.documents[] (rilis implementation)",
    ),
    (gettext_lazy("Naskah induk (PKS di bawah KSB, adendum)"), "relatedProcesses[] (relationship: parent)"),
    (gettext_lazy("Naskah yang diperpanjang"), "relatedProcesses[] (relationship: renewalProcess)"),
]


# -- identifiers and dates ------------------------------------------------------------------------


def ocid(agreement_id: int) -> str:
    return f"{settings.OPEN_DATA_OCID_PREFIX}-{agreement_id}"


def contract_id(agreement_id: int) -> str:
    """There is no award: the contract is its own award, so awardID (required by OCDS) is the same id."""
    return f"{ocid(agreement_id)}-contract"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _instant(value: datetime.datetime | datetime.date, *, end_of_day: bool = False) -> datetime.datetime:
    """A date is its first (or last) second in the region's time zone; a naive time is local time."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(23, 59, 59) if end_of_day else datetime.time.min)
        return value.replace(tzinfo=_zone())
    if timezone.is_naive(value):
        value = value.replace(tzinfo=_zone())
    return value.astimezone(_zone())


def rfc3339(value: datetime.datetime | datetime.date | None, *, end_of_day: bool = False) -> str | None:
    """`2025-01-01T00:00:00+07:00`: seconds, in the region's zone (Asia/Jakarta by default)."""
    if value is None:
        return None
    return _instant(value, end_of_day=end_of_day).isoformat(timespec="seconds")


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _latest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    present = [_instant(moment) for moment in moments if moment is not None]
    return max(present) if present else None


def _parse(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _value(amount: Decimal | None) -> dict | None:
    """Money as a JSON number in rupiah; an agreement without a value has no `value` at all."""
    return None if amount is None else {"amount": _amount(amount), "currency": CURRENCY}


def _clean(data: dict) -> dict:
    """Drop empty values: OCDS prefers an absent field to an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


# -- parties --------------------------------------------------------------------------------------


class _Parties:
    """The parties of one process, each once, with every role it plays."""

    def __init__(self) -> None:
        self._parties: dict[str, dict] = {}

    def add(self, party_id: str, name: str, role: str, address: dict | None = None) -> None:
        party = self._parties.setdefault(party_id, _clean({"id": party_id, "name": name, "address": address}))
        party.setdefault("roles", [])
        if role not in party["roles"]:
            party["roles"].append(role)

    def as_list(self) -> list[dict]:
        return list(self._parties.values())


def _parties(agreement: Agreement) -> list[dict]:
    """The region as buyer, the partners, and the agencies. Names and places only: never contacts,
    addresses, signatories or their NIP."""
    funder = FUNDERS_BY_SOURCE.get(agreement.funding_source)
    parties = _Parties()
    # OCDS requires the public body of the process as `buyer`: the region binds itself, nothing is bought.
    parties.add(REGION_PARTY_ID, settings.COOPERATION_REGION_NAME, "buyer", {"countryName": "Indonesia"})
    if funder == FUNDER_REGION:
        parties.add(REGION_PARTY_ID, settings.COOPERATION_REGION_NAME, "funder")
    for party in agreement.parties.all():
        if party.partner_id:
            partner = party.partner
            address = _clean(
                {"countryName": partner.country, "region": partner.province, "locality": partner.regency_city}
            )
            parties.add(f"partner-{partner.pk}", partner.name, COOPERATION_PARTNER, address or None)
            if funder == FUNDER_PARTNERS:
                parties.add(f"partner-{partner.pk}", partner.name, "funder")
        elif party.agency_id:
            parties.add(f"agency-{party.agency_id}", party.agency.name, COOPERATION_PARTNER)
    agency = agreement.initiating_agency
    parties.add(f"agency-{agency.pk}", agency.name, INITIATING_AGENCY)
    for agency in agreement.implementing_agencies.all():
        parties.add(f"agency-{agency.pk}", agency.name, IMPLEMENTING_AGENCY)
    return parties.as_list()


# -- contract parts -------------------------------------------------------------------------------


def document_type(*, category_code: str | None, agreement_status: str) -> str:
    if agreement_status == AgreementStatus.TERMINATED and category_code in TERMINATED_DOCUMENT_TYPES:
        return TERMINATED_DOCUMENT_TYPES[category_code]
    return DOCUMENT_TYPES.get(category_code or "", DEFAULT_DOCUMENT_TYPE)


def _document(document: AgreementDocument, agreement: Agreement, links: PublicLinks) -> dict:
    """A public document: published when both it and its agreement were public."""
    published = _latest(document.created_at, agreement.publication.first_published_at)
    modified = _latest(document.updated_at, published)
    category = document.category
    return _clean(
        {
            "id": f"document-{document.pk}",
            "documentType": document_type(
                category_code=category.code if category else None, agreement_status=agreement.status
            ),
            "title": document.title,
            "description": category.name if category else None,
            "url": links.absolute(document.url),
            "datePublished": rfc3339(published),
            "dateModified": rfc3339(modified) if rfc3339(modified) != rfc3339(published) else None,
            "format": document.content_type,
            "language": document.language,
        }
    )


def _period(agreement: Agreement) -> dict:
    ends_on = agreement.ends_on
    if agreement.terminated_on and (ends_on is None or agreement.terminated_on < ends_on):
        ends_on = agreement.terminated_on
    return _clean(
        {"startDate": rfc3339(agreement.starts_on), "endDate": rfc3339(ends_on, end_of_day=True) if ends_on else None}
    )


def _monev_document(report: MonevReport, links: PublicLinks) -> dict:
    parts = []
    if (realisation := report.realisation_percent) is not None:
        parts.append(_("Realisasi indikator rata-rata %(percent)s%%.") % {"percent": realisation})
    if (budget := report.budget_percent) is not None:
        parts.append(_("Realisasi anggaran %(percent)s%%.") % {"percent": budget})
    parts.append(_("Rekomendasi: %(recommendation)s.") % {"recommendation": report.get_recommendation_display()})
    return _clean(
        {
            "id": f"monev-{report.pk}",
            "documentType": MONEV_DOCUMENT_TYPE,
            "title": _("Laporan Monev %(period)s") % {"period": report.period_label},
            "description": " ".join(parts),
            "url": links.agreement(report.agreement_id) + MONEV_ANCHOR,
            "datePublished": rfc3339(report.verified_at or report.last_published_at),
            "format": "text/html",
            "language": RELEASE_LANGUAGE,
        }
    )


def _related_processes(agreement: Agreement, source: OcdsSource, links: PublicLinks) -> list[dict]:
    related = []
    for relationship, other_id in (("parent", agreement.parent_id), ("renewalProcess", agreement.replaces_id)):
        if other_id and other_id in source.linked_titles:
            related.append(
                {
                    "id": f"{relationship}-{other_id}",
                    "relationship": [relationship],
                    "title": source.linked_titles[other_id],
                    "scheme": "ocid",
                    "identifier": ocid(other_id),
                    "uri": links.api("ocds_record", agreement_id=other_id),
                }
            )
    return related


# -- releases -------------------------------------------------------------------------------------


def _release(agreement: Agreement, *, release_id: str, date: datetime.datetime, tag: list[str], parties, **parts):
    return {
        "ocid": ocid(agreement.pk),
        "id": release_id,
        "date": rfc3339(date),
        "tag": tag,
        "initiationType": INITIATION_TYPE,
        "language": RELEASE_LANGUAGE,
        "parties": copy.deepcopy(parties),
        "buyer": {"id": REGION_PARTY_ID, "name": settings.COOPERATION_REGION_NAME},
        **{key: value for key, value in parts.items() if value},
    }


def _contract_release(agreement: Agreement, source: OcdsSource, parties: list, links: PublicLinks) -> dict:
    publication = agreement.publication
    documents = source.documents.get(agreement.pk, [])
    recorded = _latest(
        publication.first_published_at,
        publication.last_published_at,
        agreement.updated_at,
        *(document.updated_at for document in documents),
    )
    identifier = contract_id(agreement.pk)
    contract = _clean(
        {
            "id": identifier,
            "awardID": identifier,
            "title": agreement.title,
            "title_en": agreement.title_en,
            "description": publication.summary or agreement.scope or agreement.aims,
            "description_en": publication.summary_en,
            "status": CONTRACT_STATUS.get(agreement.status),
            "period": _period(agreement),
            "dateSigned": rfc3339(agreement.signed_on),
            "value": _value(agreement.value),
            "documents": [_document(document, agreement, links) for document in documents],
        }
    )
    tag = ["contract", "contractTermination"] if agreement.status in ENDED_STATES else ["contract"]
    return _release(
        agreement,
        release_id=f"{ocid(agreement.pk)}-contract-{_stamp(recorded)}",
        date=recorded,
        tag=tag,
        parties=parties,
        relatedProcesses=_related_processes(agreement, source, links) or None,
        contracts=[contract],
    )


def _amendment_release(agreement: Agreement, addendum: Agreement, parties: list) -> dict:
    publication = addendum.publication
    recorded = _latest(publication.first_published_at, publication.last_published_at, addendum.updated_at)
    amended_on = addendum.signed_on or addendum.starts_on
    amendment = _clean(
        {
            "id": ocid(addendum.pk),
            "date": rfc3339(amended_on) if amended_on else rfc3339(publication.first_published_at),
            "description": addendum.title,
            "rationale": publication.summary or addendum.aims or addendum.scope,
        }
    )
    identifier = contract_id(agreement.pk)
    return _release(
        agreement,
        release_id=f"{ocid(agreement.pk)}-amendment-{addendum.pk}-{_stamp(recorded)}",
        date=recorded,
        tag=["contractAmendment"],
        parties=parties,
        contracts=[{"id": identifier, "awardID": identifier, "amendments": [amendment]}],
    )


def _implementation_release(agreement: Agreement, report: MonevReport, parties: list, links: PublicLinks) -> dict:
    recorded = _latest(report.verified_at or report.last_published_at)
    identifier = contract_id(agreement.pk)
    return _release(
        agreement,
        release_id=f"{ocid(agreement.pk)}-monev-{report.pk}-{_stamp(recorded)}",
        date=recorded,
        tag=["implementation"],
        parties=parties,
        contracts=[
            {
                "id": identifier,
                "awardID": identifier,
                "implementation": {"documents": [_monev_document(report, links)]},
            }
        ],
    )


def _agreement_releases(agreement: Agreement, source: OcdsSource, links: PublicLinks) -> list[dict]:
    parties = _parties(agreement)
    releases = [_contract_release(agreement, source, parties, links)]
    releases += [_amendment_release(agreement, addendum, parties) for addendum in source.addenda.get(agreement.pk, [])]
    releases += [
        _implementation_release(agreement, report, parties, links)
        for report in source.monev_reports.get(agreement.pk, [])
        if report.verified_at or report.last_published_at
    ]
    return sorted(releases, key=lambda release: (_parse(release["date"]), release["id"]))


def releases_for(agreement_ids: list[int], *, links: PublicLinks) -> dict[int, list[dict]]:
    """Every release of each public agreement among the ids, oldest first; the others are absent.

    A fixed number of queries whatever the number of ids. Texts are in Indonesian, the
    releases' declared language, whatever the reader's language.
    """
    source = ocds_source(agreement_ids)
    with translation.override(RELEASE_LANGUAGE):
        return {agreement.pk: _agreement_releases(agreement, source, links) for agreement in source.agreements}


# -- compiled release (OCDS merge) ----------------------------------------------------------------


def _merge(target: dict, update: dict) -> None:
    """OCDS merging: objects merge field by field, arrays of objects with an `id` merge by id,
    any other value replaces the older one, and null removes it."""
    for key, value in update.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            existing = target.get(key)
            if not isinstance(existing, dict):
                existing = target[key] = {}
            _merge(existing, value)
        elif isinstance(value, list) and value and all(isinstance(item, dict) and "id" in item for item in value):
            existing = target.get(key) if isinstance(target.get(key), list) else []
            by_id = {item.get("id"): item for item in existing if isinstance(item, dict)}
            for item in value:
                if item["id"] in by_id:
                    _merge(by_id[item["id"]], item)
                else:
                    merged: dict = {}
                    _merge(merged, item)
                    existing.append(merged)
                    by_id[item["id"]] = merged
            target[key] = existing
        else:
            target[key] = copy.deepcopy(value)


def compiled_release(releases: list[dict]) -> dict:
    """The current state of one process: its releases merged oldest first, tagged "compiled"."""
    ordered = sorted(releases, key=lambda release: (_parse(release["date"]), release["id"]))
    merged: dict = {}
    for release in ordered:
        _merge(merged, {key: value for key, value in release.items() if key not in ("id", "date", "tag")})
    latest = ordered[-1]
    return {
        "ocid": latest["ocid"],
        "id": f"{latest['ocid']}-compiled-{_stamp(_parse(latest['date']))}",
        "date": latest["date"],
        "tag": ["compiled"],
        **{key: value for key, value in merged.items() if key != "ocid"},
    }


# -- packages -------------------------------------------------------------------------------------


def package_metadata(*, uri: str, links: PublicLinks, published: datetime.datetime | None = None) -> dict:
    """What every package starts with. `published` defaults to now; the API passes a stored moment."""
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "publishedDate": rfc3339(published or timezone.now()),
        "publisher": {"name": settings.COOPERATION_REGION_NAME, "uri": links.absolute("/")},
        "license": settings.OPEN_DATA_LICENSE_URL,
        "publicationPolicy": links.publication_policy(),
    }


def _newest(releases: list[dict]) -> datetime.datetime | None:
    return max((_parse(release["date"]) for release in releases), default=None)


def release_package(
    releases: list[dict],
    *,
    uri: str,
    links: PublicLinks,
    published: datetime.datetime | None = None,
    paging: dict[str, str] | None = None,
) -> dict:
    """A release package; published when its newest release was, unless told. `paging`: OCDS `links`."""
    package = package_metadata(uri=uri, links=links, published=published or _newest(releases))
    if paging:
        package["links"] = paging
    package["releases"] = releases
    return package


def record_package(
    releases_by_agreement: dict[int, list[dict]],
    *,
    uri: str,
    links: PublicLinks,
    published: datetime.datetime | None = None,
    paging: dict[str, str] | None = None,
) -> dict:
    """A record package: one record per process, its releases embedded and its compiled release."""
    everything = [release for releases in releases_by_agreement.values() for release in releases]
    package = package_metadata(uri=uri, links=links, published=published or _newest(everything))
    if paging:
        package["links"] = paging
    package["records"] = [
        {"ocid": releases[0]["ocid"], "releases": releases, "compiledRelease": compiled_release(releases)}
        for releases in releases_by_agreement.values()
        if releases
    ]
    return package
