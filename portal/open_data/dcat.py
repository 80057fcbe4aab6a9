"""The register as a DCAT-AP 3 catalogue (rdflib): what CKAN and Satu Data Indonesia harvest.

One `dcat:Catalog` holds the whole register as one dataset (its distributions are the bulk files)
and one dataset per public agreement (its OCDS record and its public documents). Agreement
datasets page with Hydra (`hydra:PartialCollectionView`, as ckanext-dcat and udata read it); the
register dataset is on every page. Data come from `cooperation.selectors.open_data_files`, so an
unpublished agreement or a restricted document never becomes a triple.
"""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from cooperation.models import Agreement, AgreementDocument
from cooperation.selectors.open_data import newest_modification
from cooperation.selectors.open_data_files import dcat_agreements, public_documents_by_agreement

from . import ocds
from .bulk import BULK_FILES, BulkFile, stored_files
from .links import PublicLinks

# Namespace is a str: reach terms named like str methods (title, format) as DCT["title"].
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")

AUTHORITY = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = Namespace(AUTHORITY + "file-type/")
LANGUAGE = Namespace(AUTHORITY + "language/")
THEME_GOVERNMENT = URIRef(AUTHORITY + "data-theme/GOVE")
CONTINUOUSLY_UPDATED = URIRef(AUTHORITY + "frequency/UPDATE_CONT")
STABLE = URIRef(AUTHORITY + "planned-availability/STABLE")
COMPLETED = URIRef(AUTHORITY + "distribution-status/COMPLETED")
REGIONAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/RegionalAuthority")
IANA = "https://www.iana.org/assignments/media-types/"
OCDS_STANDARD = URIRef("https://standard.open-contracting.org/1.1/")

PREFIXES = {
    "dcat": DCAT,
    "dct": DCT,
    "foaf": FOAF,
    "vcard": VCARD,
    "adms": ADMS,
    "spdx": SPDX,
    "dcatap": DCATAP,
    "hydra": HYDRA,
    "skos": SKOS,
    "xsd": XSD,
}

# The files a public document may be (PDF for signed documents); anything else is just "a file".
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", "PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    ".jpg": ("image/jpeg", "JPEG"),
    ".jpeg": ("image/jpeg", "JPEG"),
    ".png": ("image/png", "PNG"),
}


@dataclass(frozen=True)
class CatalogPage:
    """One page of the catalogue, and what the response's headers need."""

    graph: Graph
    last_modified: datetime.datetime | None
    links: dict[str, str]  # rel (first, last, next, prev) -> URL, for the Link header
    count: int


def _lang(value: str, language: str) -> Literal | None:
    value = (value or "").strip()
    return Literal(value, lang=language) if value else None


def _moment(value: datetime.datetime | datetime.date | None) -> Literal | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return Literal(value.isoformat(timespec="seconds"), datatype=XSD.dateTime)
    return Literal(value.isoformat(), datatype=XSD.date)


class _Builder:
    """Adds the catalogue's triples to one graph; shared nodes (publisher, place, contact) are made once."""

    def __init__(self, links: PublicLinks):
        self.links = links
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace, override=True, replace=True)
        page = links.open_data_page()
        self.catalog = URIRef(page + "#catalog")
        self.register = URIRef(page + "#register")
        self.service = URIRef(page + "#api")
        self.publisher = URIRef(links.absolute("/") + "#publisher")
        self.place = URIRef(page + "#region")
        self.license = URIRef(settings.OPEN_DATA_LICENSE_URL)
        self.contact = self._contact_point()

    def add(self, subject, predicate, value) -> None:
        if value is not None:
            self.graph.add((subject, predicate, value))

    def _contact_point(self) -> BNode | None:
        """The office that answers for the data, never a person: only when OPEN_DATA_CONTACT_EMAIL is set."""
        email = settings.OPEN_DATA_CONTACT_EMAIL
        if not email:
            return None
        contact = URIRef(self.links.open_data_page() + "#contact")
        self.add(contact, RDF.type, VCARD.Organization)
        self.add(contact, VCARD.fn, Literal(settings.COOPERATION_REGION_NAME))
        self.add(contact, VCARD.hasEmail, URIRef(f"mailto:{email}"))
        self.add(contact, VCARD.hasURL, URIRef(self.links.open_data_page()))
        return contact

    def shared(self) -> None:
        """The publisher, the region and the licence, described once."""
        self.add(self.publisher, RDF.type, FOAF.Agent)
        self.add(self.publisher, FOAF.name, _lang(settings.COOPERATION_REGION_NAME, "id"))
        self.add(self.publisher, FOAF.name, _lang(settings.COOPERATION_REGION_NAME_EN, "en"))
        self.add(self.publisher, DCT.type, REGIONAL_AUTHORITY)
        self.add(self.place, RDF.type, DCT.Location)
        self.add(self.place, SKOS.prefLabel, _lang(settings.COOPERATION_REGION_NAME, "id"))
        self.add(self.place, SKOS.prefLabel, _lang(settings.COOPERATION_REGION_NAME_EN, "en"))
        self.add(self.license, RDF.type, DCT.LicenseDocument)

    def _common(self, dataset: URIRef) -> None:
        self.add(dataset, RDF.type, DCAT.Dataset)
        self.add(dataset, DCT.publisher, self.publisher)
        self.add(dataset, DCT.spatial, self.place)
        self.add(dataset, DCAT.theme, THEME_GOVERNMENT)
        self.add(dataset, DCAT.contactPoint, self.contact)
        self.add(self.catalog, DCAT.dataset, dataset)

    def catalog_node(self, *, modified: datetime.datetime | None) -> None:
        catalog = self.catalog
        self.add(catalog, RDF.type, DCAT.Catalog)
        region, region_en = settings.COOPERATION_REGION_NAME, settings.COOPERATION_REGION_NAME_EN
        self.add(catalog, DCT["title"], Literal(f"Data Terbuka Kerja Sama Daerah — {region}", lang="id"))
        self.add(catalog, DCT["title"], Literal(f"Regional Cooperation Open Data — {region_en}", lang="en"))
        self.add(
            catalog,
            DCT.description,
            Literal(
                "Register publik naskah kerja sama daerah (UU 14/2008 pasal 11 ayat 1 huruf e): naskah, para pihak, "
                "urusan, jangka waktu, nilai, dokumen publik dan ringkasan monitoring dan evaluasi, sebagai unduhan "
                "massal, OCDS dan API.",
                lang="id",
            ),
        )
        self.add(
            catalog,
            DCT.description,
            Literal(
                "The public register of regional cooperation agreements (Law 14/2008 art. 11(1)(e)): agreements, "
                "parties, sectors, terms, values, public documents and monitoring summaries, as bulk downloads, "
                "OCDS and an API.",
                lang="en",
            ),
        )
        self.add(catalog, DCT.publisher, self.publisher)
        self.add(
            catalog,
            FOAF.homepage,
            URIRef(f"{self.links.catalogue}/" if self.links.catalogue else self.links.absolute("/")),
        )
        self.add(catalog, DCT.language, LANGUAGE.IND)
        self.add(catalog, DCT.language, LANGUAGE.ENG)
        self.add(catalog, DCT.license, self.license)
        self.add(catalog, DCT.spatial, self.place)
        self.add(catalog, DCT.modified, _moment(modified))
        self.add(catalog, DCAT.service, self.service)
        self.add(catalog, DCAT.themeTaxonomy, URIRef(AUTHORITY + "data-theme"))

    def service_node(self) -> None:
        service = self.service
        self.add(service, RDF.type, DCAT.DataService)
        self.add(service, DCT["title"], Literal("API Data Terbuka Kerja Sama Daerah", lang="id"))
        self.add(service, DCT["title"], Literal("Regional Cooperation Open Data API", lang="en"))
        self.add(service, DCAT.endpointURL, URIRef(self.links.absolute(reverse("api-v1:api-root"))))
        self.add(service, DCAT.endpointDescription, URIRef(self.links.absolute(reverse("api-v1:openapi-json"))))
        self.add(service, DCAT.servesDataset, self.register)
        self.add(service, DCT.publisher, self.publisher)
        self.add(service, DCT.license, self.license)
        self.add(service, DCAT.contactPoint, self.contact)

    def register_dataset(self, *, modified: datetime.datetime | None) -> None:
        dataset = self.register
        self._common(dataset)
        self.add(dataset, DCT["title"], Literal("Register Kerja Sama Daerah", lang="id"))
        self.add(dataset, DCT["title"], Literal("Register of Regional Cooperation Agreements", lang="en"))
        self.add(
            dataset,
            DCT.description,
            Literal(
                f"Seluruh naskah kerja sama daerah {settings.COOPERATION_REGION_NAME} yang dipublikasikan, dengan "
                "kolom publiknya, paket OCDS dan teks dokumen publiknya. Diperbarui beberapa menit setelah setiap "
                "publikasi, penarikan atau perubahan.",
                lang="id",
            ),
        )
        self.add(
            dataset,
            DCT.description,
            Literal(
                f"Every published regional cooperation agreement of {settings.COOPERATION_REGION_NAME_EN}: the "
                "public columns, OCDS packages and the text of the public documents. Rebuilt minutes after each "
                "publication, withdrawal or change.",
                lang="en",
            ),
        )
        for keyword, language in [
            ("kerja sama daerah", "id"),
            ("naskah kerja sama", "id"),
            ("kesepakatan bersama", "id"),
            ("perjanjian kerja sama", "id"),
            ("keterbukaan informasi publik", "id"),
            ("regional cooperation", "en"),
            ("agreements", "en"),
            ("open contracting", "en"),
            ("OCDS", "en"),
        ]:
            self.add(dataset, DCAT.keyword, Literal(keyword, lang=language))
        self.add(dataset, DCT.accrualPeriodicity, CONTINUOUSLY_UPDATED)
        self.add(dataset, DCAT.landingPage, URIRef(self.links.open_data_page()))
        self.add(dataset, DCT.modified, _moment(modified))
        self.add(dataset, DCT.identifier, Literal(str(self.register)))
        self.add(dataset, DCT.language, LANGUAGE.IND)

    def bulk_distribution(self, spec: BulkFile, stored) -> None:
        url = URIRef(self.links.api("bulk_file", filename=spec.name))
        distribution = URIRef(f"{self.links.open_data_page()}#distribution-{spec.name}")
        self.add(self.register, DCAT.distribution, distribution)
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCT["title"], Literal(str(spec.title), lang="id"))
        self.add(distribution, DCAT.accessURL, url)
        self.add(distribution, DCAT.downloadURL, url)
        self.add(distribution, DCAT.mediaType, URIRef(IANA + spec.media_type))
        self.add(distribution, DCT["format"], FILE_TYPE[spec.file_type])
        self.add(distribution, DCT.license, self.license)
        self.add(distribution, DCATAP.availability, STABLE)
        if spec.name.startswith("ocds-"):
            self.add(distribution, DCT.conformsTo, OCDS_STANDARD)
        if stored is None:
            return
        self.add(distribution, DCAT.byteSize, Literal(stored.size, datatype=XSD.nonNegativeInteger))
        self.add(distribution, DCT.modified, _moment(stored.built_at))
        if stored.sha256:
            checksum = BNode()
            self.add(distribution, SPDX.checksum, checksum)
            self.add(checksum, RDF.type, SPDX.Checksum)
            self.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
            self.add(checksum, SPDX.checksumValue, Literal(stored.sha256, datatype=XSD.hexBinary))

    def agreement_dataset(
        self, agreement: Agreement, documents: list[AgreementDocument], *, ocds_record_url: str, ocid: str
    ) -> None:
        links = self.links
        dataset = URIRef(links.agreement(agreement.pk) + "#dataset")
        self._common(dataset)
        publication = agreement.publication
        self.add(dataset, DCT["title"], _lang(agreement.title, "id"))
        self.add(dataset, DCT["title"], _lang(agreement.title_en, "en"))
        description = publication.summary or agreement.scope or agreement.subject or agreement.title
        self.add(dataset, DCT.description, _lang(description, "id"))
        self.add(dataset, DCT.description, _lang(publication.summary_en, "en"))
        self.add(dataset, DCT.identifier, Literal(ocid))
        identifier = URIRef(f"{dataset}-ocid")
        self.add(dataset, ADMS.identifier, identifier)
        self.add(identifier, RDF.type, ADMS.Identifier)
        self.add(identifier, SKOS.notation, Literal(ocid))
        self.add(identifier, DCT.creator, self.publisher)
        self.add(dataset, DCT.issued, _moment(publication.first_published_at))
        self.add(dataset, DCT.modified, _moment(agreement.modified_at))
        self.add(dataset, DCAT.landingPage, URIRef(links.agreement(agreement.pk)))
        for sector in agreement.sectors.all():
            self.add(dataset, DCAT.keyword, _lang(sector.name, "id"))
            self.add(dataset, DCAT.keyword, _lang(sector.name_en, "en"))

        record = URIRef(f"{dataset}-ocds-record")
        self.add(dataset, DCAT.distribution, record)
        self.add(record, RDF.type, DCAT.Distribution)
        self.add(record, DCT["title"], Literal("Rekaman OCDS", lang="id"))
        self.add(record, DCT["title"], Literal("OCDS record", lang="en"))
        self.add(record, DCAT.accessURL, URIRef(ocds_record_url))
        self.add(record, DCAT.downloadURL, URIRef(ocds_record_url))
        self.add(record, DCAT.mediaType, URIRef(IANA + "application/json"))
        self.add(record, DCT["format"], FILE_TYPE.JSON)
        self.add(record, DCT.conformsTo, OCDS_STANDARD)
        self.add(record, DCT.license, self.license)
        self.add(record, DCT.modified, _moment(agreement.modified_at))

        for document in documents:
            media_type, file_type = DOCUMENT_TYPES.get(
                os.path.splitext(document.file.name)[1].lower(), ("application/octet-stream", "BIN")
            )
            distribution = URIRef(f"{dataset}-document-{document.pk}")
            self.add(dataset, DCAT.distribution, distribution)
            self.add(distribution, RDF.type, DCAT.Distribution)
            self.add(distribution, DCT["title"], _lang(document.title, document.language or "id"))
            self.add(distribution, DCAT.accessURL, URIRef(links.document_viewer(agreement.pk, document.pk)))
            self.add(distribution, DCAT.downloadURL, URIRef(links.absolute(document.url)))
            self.add(distribution, DCAT.mediaType, URIRef(IANA + media_type))
            self.add(distribution, DCT["format"], FILE_TYPE[file_type])
            self.add(distribution, DCT.license, self.license)
            self.add(distribution, DCT.modified, _moment(document.updated_at))
            self.add(distribution, ADMS.status, COMPLETED)  # a signed document does not change, it is replaced

    def paging(self, *, page_url: Callable[[int], str], page: int, last: int, count: int, page_size: int) -> dict:
        """The Hydra view of this page of agreement datasets; returns the rels for the Link header."""
        view = URIRef(page_url(page))
        self.add(self.catalog, HYDRA.view, view)
        self.add(view, RDF.type, HYDRA.PartialCollectionView)
        self.add(view, HYDRA.totalItems, Literal(count, datatype=XSD.nonNegativeInteger))
        self.add(view, HYDRA.itemsPerPage, Literal(page_size, datatype=XSD.nonNegativeInteger))
        rels = {"first": page_url(1), "last": page_url(last)}
        if page < last:
            rels["next"] = page_url(page + 1)
        if page > 1:
            rels["prev"] = page_url(min(page - 1, last))
        predicates = {"first": HYDRA.first, "last": HYDRA.last, "next": HYDRA.next, "prev": HYDRA.previous}
        for rel, url in rels.items():
            self.add(view, predicates[rel], URIRef(url))
        return rels


def ocds_record_url(links: PublicLinks, agreement_pk: int) -> str:
    return links.api("ocds_record", agreement_id=agreement_pk)


def catalog_page(
    *,
    links: PublicLinks,
    page: int,
    page_size: int,
    modified_since: datetime.datetime | None,
    page_url: Callable[[int], str],
) -> CatalogPage:
    """One page of agreement datasets (oldest first), plus the catalogue, its API and the register dataset.

    Queries: the count, the page, its sectors, its documents, the newest change, the bulk files:
    the same number whatever the page size.
    """
    agreements: QuerySet[Agreement] = dcat_agreements(modified_since=modified_since)
    count = agreements.count()
    last = max(1, -(-count // page_size))
    start = (page - 1) * page_size
    rows = list(agreements[start : start + page_size])
    documents = public_documents_by_agreement([agreement.pk for agreement in rows])
    files = stored_files()
    newest = newest_modification(dcat_agreements())
    built = [row.built_at for row in files.values()]
    modified = max([moment for moment in [newest, *built] if moment is not None], default=None)

    builder = _Builder(links)
    builder.shared()
    builder.catalog_node(modified=modified)
    builder.service_node()
    builder.register_dataset(modified=modified)
    for name, spec in BULK_FILES.items():
        builder.bulk_distribution(spec, files.get(name))
    for agreement in rows:
        builder.agreement_dataset(
            agreement,
            documents.get(agreement.pk, []),
            ocds_record_url=ocds_record_url(links, agreement.pk),
            ocid=ocds.ocid(agreement.pk),
        )
    rels = builder.paging(page_url=page_url, page=page, last=last, count=count, page_size=page_size)
    return CatalogPage(graph=builder.graph, last_modified=modified, links=rels, count=count)


JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def as_jsonld(graph: Graph) -> str:
    return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, indent=1)


def as_turtle(graph: Graph) -> str:
    return graph.serialize(format="turtle")
