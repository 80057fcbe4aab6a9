"""One public agreement, its document viewer, and the partner and agency pages.

Every record is read through `cooperation.selectors.public`; these views only decide which
language to speak, build the links between the catalogue's sub-pages and render. Nothing here
reads a field the public may not see (contact data, the signatory's NIP, internal notes,
restricted documents): the templates get only what the context below puts in.
"""

import json
from collections.abc import Iterable
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cooperation.languages import localized, region_name
from cooperation.models import Agency, Agreement, AgreementDocument, Partner, PartnerCategory, Publication
from cooperation.selectors.monev import public_monev_summary
from cooperation.selectors.public import (
    documents_cleared_for_publication,
    public_agency,
    public_agreement_chain,
    public_agreement_detail,
    public_agreements_of_agency,
    public_agreements_of_partner,
    public_document_of_agreement,
    public_documents,
    public_partner,
    public_timeline,
    related_public_agreements,
    restricted_document_count,
)
from search import engines as search_engines
from search.analysis import query_stems, tokens
from search.engines.base import MAX_QUERY_LENGTH, Audience, QueryError, SearchUnavailable
from search.query import parse_query
from search.snippets import Highlighter

from ..templatetags.public_text import localized_name, localized_title

AGREEMENTS_PER_PAGE = 20
PAGE_PARAMETER = "halaman"
# The document viewer's parameters: the page whose text to show, the words to mark, a search inside.
VIEWER_PAGE = "halaman"
VIEWER_HIGHLIGHT = "sorot"
VIEWER_SEARCH = "cari"

# What json_script escapes: a title holding "</script>" cannot close the structured-data block.
_JSON_IN_HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

_GOVERNMENT_CATEGORIES = {
    PartnerCategory.REGIONAL_GOVERNMENT,
    PartnerCategory.MINISTRY,
    PartnerCategory.FOREIGN_GOVERNMENT,
}


class CatalogueLinks:
    """URLs of the catalogue's sub-pages (agreement, document, partner, agency) in the page's language."""

    def __init__(self, *, catalogue, request: HttpRequest):
        self.catalogue = catalogue
        self.base = (catalogue.get_url(request=request) or "/") if catalogue else ""

    def _route(self, name: str, **kwargs) -> str:
        if not self.catalogue:
            return ""
        return self.base.rstrip("/") + "/" + self.catalogue.reverse_subpage(name, kwargs=kwargs).lstrip("/")

    def agreement(self, agreement: Agreement) -> str:
        return self._route("agreement_route", pk=agreement.pk)

    def document(self, document: AgreementDocument) -> str:
        return self._route("document_route", pk=document.agreement_id, document_pk=document.pk)

    def partner(self, partner: Partner) -> str:
        return self._route("partner_route", pk=partner.pk)

    def agency(self, agency: Agency) -> str:
        return self._route("agency_route", pk=agency.pk)


def _party_names(agreement: Agreement) -> list[str]:
    """The partners' names in the reader's language (an agency for antar-OPD agreements)."""
    return [
        localized_name(party.partner) if party.partner_id else party.agency.name
        for party in agreement.parties.all()
        if party.partner_id or party.agency_id
    ]


def _join_names(names: list[str]) -> str:
    """'A', 'A dan B', 'A, B dan C' — in the reader's language."""
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s dan %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def agreement_rows(agreements: Iterable[Agreement], *, links: CatalogueLinks) -> list[dict]:
    """List rows for `_agreement_list.html`: the agreement, its link and its partners' names."""
    return [
        {"agreement": agreement, "url": links.agreement(agreement), "partners": _join_names(_party_names(agreement))}
        for agreement in agreements
    ]


def _parties(agreement: Agreement, *, links: CatalogueLinks) -> list[dict]:
    """The region and each partner as the document names them (Pihak Kesatu, Pihak Kedua, ...)."""
    parties = [
        {
            "is_region": True,
            "role": agreement.region_party_role,
            "role_label": agreement.get_region_party_role_display(),
            "name": region_name(),
            "url": "",
            "number": agreement.region_number,
            "signatory_name": agreement.signatory_name,
            "signatory_position": agreement.signatory_position,
        }
    ]
    for party in agreement.parties.all():
        if party.partner_id:
            name, url = localized_name(party.partner), links.partner(party.partner)
        elif party.agency_id:
            name, url = party.agency.name, links.agency(party.agency)
        else:
            continue
        parties.append(
            {
                "is_region": False,
                "role": party.role,
                "role_label": party.get_role_display(),
                "name": name,
                "url": url,
                "number": party.number,
                "signatory_name": party.signatory_name,
                "signatory_position": party.signatory_position,
            }
        )
    return sorted(parties, key=lambda party: party["role"])


def _summary(publication: Publication | None) -> str:
    """The publication's plain-language summary in the reader's language (the passed, maybe draft, one)."""
    if publication is None:
        return ""
    return localized(publication.summary, publication.summary_en)


def _organisation(name: str, category: str = "") -> dict:
    kind = "Organization"
    if category in _GOVERNMENT_CATEGORIES:
        kind = "GovernmentOrganization"
    elif category == PartnerCategory.UNIVERSITY:
        kind = "CollegeOrUniversity"
    return {"@type": kind, "name": name}


def _structured_data(
    *,
    agreement: Agreement,
    publication: Publication | None,
    title: str,
    summary: str,
    url: str,
    documents: list[AgreementDocument],
    request: HttpRequest,
) -> SafeString:
    """schema.org JSON-LD for search engines, escaped so that no field can end the <script> element."""
    region = _organisation(region_name(), PartnerCategory.REGIONAL_GOVERNMENT)
    partners = [
        _organisation(localized_name(party.partner), party.partner.category)
        if party.partner_id
        else _organisation(party.agency.name, PartnerCategory.REGIONAL_GOVERNMENT)
        for party in agreement.parties.all()
        if party.partner_id or party.agency_id
    ]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        "name": title,
        "url": url,
        "inLanguage": translation.get_language() or settings.LANGUAGE_CODE,
        "genre": localized_name(agreement.document_type),
        "author": [region, *partners],
        "publisher": region,
        "about": [{"@type": "Thing", "name": localized_name(sector)} for sector in agreement.sectors.all()],
    }
    if summary or agreement.scope:
        data["description"] = summary or agreement.scope
    if agreement.region_number:
        data["identifier"] = agreement.region_number
    if agreement.signed_on:
        data["dateCreated"] = agreement.signed_on
    if publication is not None and publication.live and publication.first_published_at:
        data["datePublished"] = timezone.localdate(publication.first_published_at)
    if agreement.starts_on and agreement.ends_on:
        data["temporalCoverage"] = f"{agreement.starts_on.isoformat()}/{agreement.ends_on.isoformat()}"
    if documents:
        data["associatedMedia"] = [
            {
                "@type": "MediaObject",
                "name": document.title,
                "contentUrl": request.build_absolute_uri(document.url),
                "encodingFormat": document.content_type,
            }
            for document in documents
        ]
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_IN_HTML_ESCAPES))  # <, > and & are escaped above


def agreement_page_context(*, request, agreement, publication, catalogue=None) -> dict:
    """Everything the public agreement page shows.

    Also used by Wagtail's preview of a Publication (portal/wagtail_hooks.py): the publication
    passed in may be a draft that is not live yet, so its summary is read from it, not from
    `agreement.publication`, and the documents shown are the ones classified public.

    `monev_summary` lists the agreement's verified (live) monev reports, newest period first, from
    `public_monev_summary()`; None when there are none, so the template leaves its section out.
    A draft, a submitted report or one sent back for changes never shows, nor the unverified edits
    of a verified one: the selector reads the live row only.
    """
    if catalogue is None:
        from wagtail.models import Locale

        from ..models import catalogue_for

        catalogue = catalogue_for(Locale.get_active())
    links = CatalogueLinks(catalogue=catalogue, request=request)
    title = localized_title(agreement)
    summary = _summary(publication)
    page_url = links.agreement(agreement)
    absolute_url = request.build_absolute_uri(page_url)

    if publication is not None and publication.live:
        documents = list(public_documents(agreement=agreement))
    else:
        documents = list(documents_cleared_for_publication(agreement=agreement))

    chain = [
        {**link, "url": links.agreement(link["agreement"])} for link in public_agreement_chain(agreement=agreement)
    ]
    timeline = [
        {**event, "url": links.agreement(event["agreement"]) if event["agreement"] else ""}
        for event in public_timeline(agreement=agreement)
    ]
    today = timezone.localdate()
    return {
        "page": catalogue,
        "catalogue_url": links.base,
        "agreement": agreement,
        "publication": publication,
        "title": title,
        "summary": summary,
        "meta_description": summary or agreement.scope or agreement.subject,
        "page_url": page_url,
        "absolute_url": absolute_url,
        "parties": _parties(agreement, links=links),
        "initiating_agency_url": links.agency(agreement.initiating_agency),
        "implementing_agencies": [
            {"agency": agency, "url": links.agency(agency)} for agency in agreement.implementing_agencies.all()
        ],
        "sectors": [localized_name(sector) for sector in agreement.sectors.all()],
        "timeline": timeline,
        "chain": chain,
        "documents": [{"document": document, "viewer_url": links.document(document)} for document in documents],
        "restricted_count": restricted_document_count(agreement=agreement),
        "monev_summary": public_monev_summary(agreement=agreement) or None,
        "related": agreement_rows(related_public_agreements(agreement=agreement), links=links),
        "citation": {
            "authors": _join_names([region_name(), *_party_names(agreement)]),
            "year": agreement.year,
            "title": title,
            "number": agreement.region_number,
            "url": absolute_url,
            "accessed_on": today,
        },
        "structured_data": _structured_data(
            agreement=agreement,
            publication=publication,
            title=title,
            summary=summary,
            url=absolute_url,
            documents=documents,
            request=request,
        ),
    }


def agreement_detail(request, *, page, pk: int) -> HttpResponse:
    agreement = public_agreement_detail(pk=pk)
    if agreement is None:
        raise Http404
    context = agreement_page_context(
        request=request, agreement=agreement, publication=agreement.publication, catalogue=page
    )
    return TemplateResponse(request, "portal/catalogue/agreement.html", context)


def document_viewer(request, *, page, pk: int, document_pk: int) -> HttpResponse:
    """A public document of a public agreement, shown in the page; anything else is not found.

    `?halaman=N` adds the text of page N with the `sorot` words marked (where a search snippet
    leads), `?cari=...` lists the pages of this document that match. Both work without JavaScript.
    """
    document = public_document_of_agreement(agreement_pk=pk, document_pk=document_pk)
    if document is None:
        raise Http404
    links = CatalogueLinks(catalogue=page, request=request)
    context = {
        "page": page,
        "catalogue_url": links.base,
        "agreement": document.agreement,
        "agreement_url": links.agreement(document.agreement),
        "document": document,
        "is_pdf": document.file_extension.lower() == "pdf",
    }
    context.update(_page_text(request, document=document))
    context.update(_search_in_document(request, document=document))
    context["pdf_url"] = _pdf_fragment(document.url, page_number=context["page_number"], highlight=context["sorot"])
    return TemplateResponse(request, "portal/catalogue/document.html", context)


def _small_number(raw: str | None) -> int | None:
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 and int(raw) > 0 else None


def _clean_words(raw: str | None) -> str:
    """The words to highlight as the search parsed them: nothing a user typed reaches the page raw."""
    return " ".join(parse_query(raw or "").words)


def _viewer_link(request: HttpRequest, **params) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    fragment = f"#page={params['halaman']}" if params.get("halaman") else ""
    return f"{request.path}?{query}{fragment}" if query else request.path


def _page_text(request: HttpRequest, *, document: AgreementDocument) -> dict:
    """Page N's stored text with the searched words marked, and links to the pages around it."""
    number = _small_number(request.GET.get(VIEWER_PAGE))
    highlight = _clean_words(request.GET.get(VIEWER_HIGHLIGHT))
    searched = " ".join((request.GET.get(VIEWER_SEARCH) or "").split())[:MAX_QUERY_LENGTH]
    context: dict = {"page_number": number, "sorot": highlight, "page_text": None, "page_missing": False}
    if number is None:
        return context
    last = document.pages.aggregate(last=Max("number"))["last"] or 0
    text_page = document.pages.filter(number=number).first()
    context.update(
        last_page=last,
        page_missing=text_page is None,
        page_text=_highlighted(text_page.text, highlight) if text_page else None,
        page_is_ocr=bool(text_page and text_page.ocr),
        # Past the end, "previous" leads back to the last page there is.
        previous_page_url=_viewer_link(request, halaman=min(number - 1, last), sorot=highlight, cari=searched)
        if number > 1 and last
        else None,
        next_page_url=_viewer_link(request, halaman=number + 1, sorot=highlight, cari=searched)
        if number < last
        else None,
    )
    return context


def _highlighted(text: str, words: str) -> SafeString:
    """The whole page, escaped, with every word whose stem was searched in <mark>; line breaks kept."""
    highlighter = Highlighter(stems=frozenset(query_stems(words.split())))
    if highlighter.is_empty:
        return escape(text)
    found = list(tokens(text))
    marked = highlighter.marks([word for _start, _end, word in found])
    parts, position = [], 0
    for (start, end, _word), is_marked in zip(found, marked, strict=True):
        if is_marked:
            parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
            position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of the text went through escape()


def _search_in_document(request: HttpRequest, *, document: AgreementDocument) -> dict:
    """`?cari=`: the pages of this document that match, through the engine with the public audience."""
    searched = " ".join("".join(c if c.isprintable() else " " for c in request.GET.get(VIEWER_SEARCH, "")).split())
    context: dict = {"searched": searched[:MAX_QUERY_LENGTH], "page_hits": None, "search_message": ""}
    if not searched:
        return context
    parsed = parse_query(searched)
    if parsed.is_empty:
        context["search_message"] = _("Kata pencarian tidak berisi huruf atau angka yang dapat dicari.")
        return context
    try:
        hits = search_engines.get_engine().search_document(
            agreement_id=document.agreement_id, document_id=document.pk, text=searched, audience=Audience.anonymous()
        )
    except SearchUnavailable:
        context["search_message"] = _(
            "Pencarian sedang tidak tersedia. Dokumen tetap dapat dibaca dan diunduh; coba cari lagi nanti."
        )
        return context
    except QueryError as error:
        context["search_message"] = error.message
        return context
    highlight = " ".join(parsed.words)
    context["page_hits"] = [
        {
            "number": hit.page_number,
            "html": mark_safe(hit.html),  # the engine escapes the page text and adds only <mark>
            "url": _viewer_link(request, halaman=hit.page_number, sorot=highlight, cari=searched[:MAX_QUERY_LENGTH]),
        }
        for hit in hits
    ]
    if parsed.truncated:
        context["search_message"] = _(
            "Kata pencarian terlalu panjang: hanya %(length)s karakter pertama yang dicari."
        ) % {"length": MAX_QUERY_LENGTH}
    return context


def _pdf_fragment(url: str, *, page_number: int | None, highlight: str) -> str:
    """Open the PDF at the page (#page=N); viewers that know `search` (Firefox, Chromium) also find the words."""
    fragment = []
    if page_number:
        fragment.append(f"page={page_number}")
    if highlight:
        fragment.append("search=" + quote(highlight))
    return url + ("#" + "&".join(fragment) if fragment else "")


def _page_of(request: HttpRequest, agreements) -> PaginatorPage:
    return Paginator(agreements, AGREEMENTS_PER_PAGE).get_page(request.GET.get(PAGE_PARAMETER))


def partner_detail(request, *, page, pk: int) -> HttpResponse:
    """A partner and its public agreements; its contact person, phone and e-mail stay internal."""
    partner = public_partner(pk=pk)
    if partner is None:
        raise Http404
    links = CatalogueLinks(catalogue=page, request=request)
    page_obj = _page_of(request, public_agreements_of_partner(partner=partner))
    context = {
        "page": page,
        "catalogue_url": links.base,
        "partner": partner,
        "name": localized_name(partner),
        "page_obj": page_obj,
        "page_parameter": PAGE_PARAMETER,
        "rows": agreement_rows(page_obj.object_list, links=links),
    }
    return TemplateResponse(request, "portal/catalogue/partner.html", context)


def agency_detail(request, *, page, pk: int) -> HttpResponse:
    """An OPD and the public agreements it initiates, implements or signs as a party."""
    agency = public_agency(pk=pk)
    if agency is None:
        raise Http404
    links = CatalogueLinks(catalogue=page, request=request)
    page_obj = _page_of(request, public_agreements_of_agency(agency=agency))
    rows = agreement_rows(page_obj.object_list, links=links)
    for row in rows:
        agreement = row["agreement"]
        roles = []
        if agreement.agency_initiates:
            roles.append(_("OPD Pemrakarsa"))
        if agreement.agency_implements:
            roles.append(_("OPD Pelaksana"))
        row["role"] = ", ".join(roles) or _("Pihak (kerja sama antar-OPD)")
    context = {
        "page": page,
        "catalogue_url": links.base,
        "agency": agency,
        "page_obj": page_obj,
        "page_parameter": PAGE_PARAMETER,
        "rows": rows,
    }
    return TemplateResponse(request, "portal/catalogue/agency.html", context)
