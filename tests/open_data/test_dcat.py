"""The DCAT-AP 3 catalogue: read back with rdflib, as a harvester would, in Turtle and in JSON-LD."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from rdflib import Graph, Literal, URIRef, namespace
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS

from cooperation.models import Agreement, AgreementDocument, Publication
from portal.models import OpenDataFile
from portal.open_data.bulk import BULK_FILES, build_open_data
from portal.open_data.dcat import ADMS, DCAT, DCT, FOAF, HYDRA, SPDX, VCARD

from .test_bulk import RESTRICTED_TITLE, _documents_in_tmp, _open_register  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

TTL = "/api/v1/dcat/catalog.ttl"
JSONLD = "/api/v1/dcat/catalog.jsonld"
SITE = "http://testserver"
CATALOG = URIRef(f"{SITE}/katalog/data-terbuka/#catalog")
REGISTER = URIRef(f"{SITE}/katalog/data-terbuka/#register")
GOVERNMENT = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
ID_LONG_AGO = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def turtle(client, **params) -> Graph:
    response = client.get(TTL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.content.decode(), format="turtle")


def dataset_of(agreement: Agreement) -> URIRef:
    return URIRef(f"{SITE}/katalog/naskah/{agreement.pk}/#dataset")


def agreement_datasets(graph: Graph) -> set[URIRef]:
    return {dataset for dataset in graph.objects(CATALOG, DCAT.dataset) if dataset != REGISTER}


def test_the_catalogue_names_its_publisher_region_licence_languages_and_api(client, open_register, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "ppid@malangkota.example"
    graph = turtle(client)

    assert (CATALOG, RDF.type, DCAT.Catalog) in graph
    assert Literal("Data Terbuka Kerja Sama Daerah — Pemerintah Kota Malang", lang="id") in set(
        graph.objects(CATALOG, DCT["title"])
    )
    assert {title.language for title in graph.objects(CATALOG, DCT.description)} == {"id", "en"}
    publisher = graph.value(CATALOG, DCT.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert Literal("Pemerintah Kota Malang", lang="id") in set(graph.objects(publisher, FOAF.name))
    assert graph.value(CATALOG, FOAF.homepage) == URIRef(f"{SITE}/katalog/")
    assert graph.value(CATALOG, DCT.license) == URIRef(settings.OPEN_DATA_LICENSE_URL)
    assert URIRef("http://publications.europa.eu/resource/authority/language/IND") in set(
        graph.objects(CATALOG, DCT.language)
    )
    place = graph.value(CATALOG, DCT.spatial)
    assert Literal("Pemerintah Kota Malang", lang="id") in set(graph.objects(place, SKOS.prefLabel))
    assert graph.value(CATALOG, DCT.modified).datatype == namespace.XSD.dateTime
    service = graph.value(CATALOG, DCAT.service)
    assert (service, RDF.type, DCAT.DataService) in graph
    assert graph.value(service, DCAT.endpointURL) == URIRef(f"{SITE}/api/v1/")
    assert graph.value(service, DCAT.endpointDescription) == URIRef(f"{SITE}/api/v1/openapi.json")
    contact = graph.value(REGISTER, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:ppid@malangkota.example")


def test_no_contact_point_is_published_without_an_office_address(client, open_register, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = ""
    graph = turtle(client)

    assert not list(graph.subjects(RDF.type, VCARD.Organization))
    assert "narahubung.rahasia@example.org" not in graph.serialize(format="turtle")


def test_the_register_dataset_offers_every_bulk_file_with_size_and_checksum_once_built(client, open_register, settings):
    build_open_data(names=["register.csv"])
    stored = OpenDataFile.objects.get(name="register.csv")
    graph = turtle(client)

    assert Literal("Register Kerja Sama Daerah", lang="id") in set(graph.objects(REGISTER, DCT["title"]))
    assert graph.value(REGISTER, DCAT.theme) == GOVERNMENT
    assert graph.value(REGISTER, DCT.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT"
    )
    assert graph.value(REGISTER, DCAT.landingPage) == URIRef(f"{SITE}/katalog/data-terbuka/")
    assert Literal("kerja sama daerah", lang="id") in set(graph.objects(REGISTER, DCAT.keyword))
    distributions = {
        str(graph.value(distribution, DCAT.downloadURL)): distribution
        for distribution in graph.objects(REGISTER, DCAT.distribution)
    }
    assert set(distributions) == {f"{SITE}/api/v1/bulk/{name}" for name in BULK_FILES}
    csv_file = distributions[f"{SITE}/api/v1/bulk/register.csv"]
    assert graph.value(csv_file, DCAT.accessURL) == URIRef(f"{SITE}/api/v1/bulk/register.csv")
    assert graph.value(csv_file, DCAT.mediaType) == URIRef(IANA + "text/csv")
    assert graph.value(csv_file, DCT["format"]) == URIRef(FILE_TYPE + "CSV")
    assert graph.value(csv_file, DCT.license) == URIRef(settings.OPEN_DATA_LICENSE_URL)
    assert graph.value(csv_file, DCAT.byteSize) == Literal(stored.size, datatype=namespace.XSD.nonNegativeInteger)
    checksum = graph.value(csv_file, SPDX.checksum)
    assert graph.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
    assert str(graph.value(checksum, SPDX.checksumValue)) == stored.sha256
    zip_file = distributions[f"{SITE}/api/v1/bulk/documents-text.zip"]
    assert graph.value(zip_file, DCAT.mediaType) == URIRef(IANA + "application/zip")
    assert graph.value(zip_file, DCAT.byteSize) is None, "no size before the file is built"
    records = distributions[f"{SITE}/api/v1/bulk/ocds-records.json"]
    assert graph.value(records, DCT.conformsTo) == URIRef("https://standard.open-contracting.org/1.1/")


def test_each_public_agreement_is_a_dataset_with_its_ocds_record_and_public_documents(client, open_register):
    graph = turtle(client)
    first = open_register["public"][0]
    dataset = dataset_of(first)

    assert agreement_datasets(graph) == {dataset_of(agreement) for agreement in open_register["public"]}
    assert graph.value(dataset, DCT["title"]) == Literal("Naskah Publik 1", lang="id")
    assert graph.value(dataset, DCT.description) == Literal("Ringkasan untuk warga.", lang="id")
    assert graph.value(dataset, DCT.identifier) == Literal(f"ocds-simker-{first.pk}")
    assert graph.value(graph.value(dataset, ADMS.identifier), SKOS.notation) == Literal(f"ocds-simker-{first.pk}")
    publication = Publication.objects.get(agreement=first)
    assert graph.value(dataset, DCT.issued).toPython() == publication.first_published_at.replace(microsecond=0)
    assert graph.value(dataset, DCT.modified).datatype == namespace.XSD.dateTime
    assert graph.value(dataset, DCAT.landingPage) == URIRef(f"{SITE}/katalog/naskah/{first.pk}/")
    assert set(graph.objects(dataset, DCAT.keyword)) == {Literal("Kesehatan", lang="id"), Literal("Health", lang="en")}
    downloads = {str(graph.value(item, DCAT.downloadURL)) for item in graph.objects(dataset, DCAT.distribution)}
    signed = open_register["signed"]
    assert downloads == {f"{SITE}/api/v1/ocds/records/{first.pk}", f"{SITE}{signed.url}"}
    document = URIRef(f"{dataset}-document-{signed.pk}")
    assert graph.value(document, DCAT.mediaType) == URIRef(IANA + "application/pdf")
    assert graph.value(document, DCT["format"]) == URIRef(FILE_TYPE + "PDF")
    assert graph.value(document, DCAT.accessURL) == URIRef(f"{SITE}/katalog/naskah/{first.pk}/dokumen/{signed.pk}/")


def test_no_restricted_document_draft_or_unpublished_agreement_reaches_the_catalogue(client, open_register):
    restricted = open_register["restricted"]
    for text in (
        client.get(TTL).content.decode(),
        client.get(JSONLD).content.decode(),
    ):
        assert RESTRICTED_TITLE not in text
        assert f"/dokumen/{restricted.pk}/" not in text and f"document-{restricted.pk}" not in text
        assert "NASKAH-DRAF-TERSEMBUNYI" not in text and "NASKAH-BELUM-TERBIT" not in text
        assert f"/naskah/{open_register['draft'].pk}/" not in text
        assert f"/naskah/{open_register['unpublished'].pk}/" not in text


def test_json_ld_and_turtle_hold_the_same_graph(client, open_register):
    build_open_data(names=["register.csv"])
    response = client.get(JSONLD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    from_jsonld = Graph().parse(data=response.content.decode(), format="json-ld")
    assert (CATALOG, RDF.type, DCAT.Catalog) in from_jsonld
    from_turtle = turtle(client)
    for graph in (from_jsonld, from_turtle):  # each names its own page in its Hydra view
        view = graph.value(CATALOG, HYDRA.view)
        graph.remove((view, None, None))
        graph.remove((CATALOG, HYDRA.view, view))
    assert isomorphic(from_jsonld, from_turtle)


def test_agreement_datasets_page_with_hydra_links_and_a_link_header(client, open_register):
    response = client.get(TTL, {"page": 2, "page_size": 1})
    graph = Graph().parse(data=response.content.decode(), format="turtle")

    def page(number: int) -> URIRef:
        return URIRef(f"{SITE}{TTL}?page={number}&page_size=1")

    assert agreement_datasets(graph) == {dataset_of(open_register["public"][1])}, "oldest first, one per page"
    assert REGISTER in set(graph.objects(CATALOG, DCAT.dataset)), "the register dataset is on every page"
    view = graph.value(CATALOG, HYDRA.view)
    assert view == page(2)
    assert (view, RDF.type, HYDRA.PartialCollectionView) in graph
    assert graph.value(view, HYDRA.first) == page(1)
    assert graph.value(view, HYDRA.previous) == page(1)
    assert graph.value(view, HYDRA.next) == page(3)
    assert graph.value(view, HYDRA.last) == page(3)
    assert graph.value(view, HYDRA.totalItems).toPython() == 3
    assert f'<{page(3)}>; rel="next"' in response["Link"]
    assert f'<{page(1)}>; rel="prev"' in response["Link"]

    last = Graph().parse(data=client.get(TTL, {"page": 3, "page_size": 1}).content.decode(), format="turtle")
    assert last.value(last.value(CATALOG, HYDRA.view), HYDRA.next) is None


def test_modified_since_keeps_only_agreements_changed_after_it(client, open_register):
    old, _older, recent = open_register["public"]
    stale = [agreement.pk for agreement in open_register["public"] if agreement != recent]
    Agreement.objects.filter(pk__in=stale).update(updated_at=ID_LONG_AGO)
    Publication.objects.filter(agreement__in=stale).update(
        first_published_at=ID_LONG_AGO, last_published_at=ID_LONG_AGO
    )
    AgreementDocument.objects.filter(agreement__in=stale).update(updated_at=ID_LONG_AGO)

    graph = turtle(client, modified_since="2025-01-01")

    assert agreement_datasets(graph) == {dataset_of(recent)}
    assert REGISTER in set(graph.objects(CATALOG, DCAT.dataset))
    assert graph.value(graph.value(CATALOG, HYDRA.view), HYDRA.totalItems).toPython() == 1
    assert dataset_of(old) in agreement_datasets(turtle(client, modified_since="2023-12-31T00:00:00+07:00"))


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": "dua"},
        {"page_size": 0},
        {"page_size": 1000},
        {"modified_since": "kemarin"},
        {"modified_since": "2025-13-45"},
        {"format": "rdf"},
    ],
)
def test_bad_input_is_a_json_400(client, open_register, params):
    for url in (TTL, JSONLD):
        response = client.get(url, params)
        assert response.status_code == 400, (url, params)
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]["code"]


def test_the_catalogue_carries_last_modified_and_answers_304_to_its_etag(client, open_register):
    build_open_data(names=["register.csv"])
    response = client.get(TTL)

    built = OpenDataFile.objects.get(name="register.csv").built_at
    assert response["Last-Modified"] == http_date(built.timestamp()), "the newest of the register and its files"
    assert client.get(TTL, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_the_number_of_queries_does_not_grow_with_the_page_size(client, open_register):
    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(TTL, {"page_size": page_size}).status_code == 200
        return len(captured)

    queries(3)  # the site and its locales are cached after the first request
    assert queries(1) == queries(3)
