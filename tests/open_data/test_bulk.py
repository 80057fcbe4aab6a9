"""Bulk downloads of the whole public register: every public agreement, nothing else, rebuilt when it changes."""

import csv
import datetime
import io
import json
import zipfile
from unittest import mock

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils.http import http_date

from cooperation.models import AgreementStatus, Classification, DocumentPage, Publication, RestrictionGround
from cooperation.storage import document_storage
from portal.models import OpenDataFile
from portal.open_data.bulk import BULK_FILES, build_open_data

from ..factories import (
    AgreementDocumentFactory,
    AgreementFactory,
    PublicationFactory,
    SectorFactory,
    published_agreement,
)
from ..ocds_validation import validate_package

pytestmark = pytest.mark.django_db

API = "/api/v1/bulk"
RESTRICTED_TITLE = "LAMPIRAN-RAHASIA-TARIF"
RESTRICTED_TEXT = "ISI-RAHASIA-NEGOSIASI-TARIF"
# Planted in agreements and documents no bulk file may hold.
SECRETS = [
    RESTRICTED_TITLE,
    RESTRICTED_TEXT,
    "NASKAH-DRAF-TERSEMBUNYI",
    "TEKS-DOKUMEN-DRAF",
    "NASKAH-BELUM-TERBIT",
    "narahubung.rahasia@example.org",
    "CATATAN-INTERNAL-JANGAN-BOCOR",
]


class Terminal(io.StringIO):
    """What tqdm writes to an operator's terminal (it draws nothing when output goes to a file)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings, tmp_path):
    """Bulk files and documents go to this test's own folder, as they would to the private bucket."""
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


def add_pages(document, *texts: str) -> None:
    DocumentPage.objects.bulk_create(
        [DocumentPage(document=document, number=number, text=text) for number, text in enumerate(texts, start=1)]
    )


@pytest.fixture(name="open_register")
def _open_register(site_pages, health_agency):
    """Three public agreements (one with a restricted document), a draft and a signed but unpublished one."""
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    secrets = {"contact_email": "narahubung.rahasia@example.org", "internal_notes": "CATATAN-INTERNAL-JANGAN-BOCOR"}
    public = [
        published_agreement(title=f"Naskah Publik {number}", initiating_agency=health_agency, **secrets)
        for number in (1, 2, 3)
    ]
    for agreement in public:
        agreement.sectors.set([health])
        agreement.save()  # a ParentalManyToManyField is written on save
    signed = AgreementDocumentFactory(agreement=public[0], title="Naskah ditandatangani")
    add_pages(signed, "Pasal 1 Maksud dan tujuan layanan puskesmas.", "Pasal 2 Ruang lingkup.")
    restricted = AgreementDocumentFactory(
        agreement=public[0],
        title=RESTRICTED_TITLE,
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.values[0],
        restriction_reason="Rahasia dagang mitra.",
    )
    add_pages(restricted, RESTRICTED_TEXT)
    without_text = AgreementDocumentFactory(agreement=public[1], title="Berita acara serah terima")
    draft = AgreementFactory(title="NASKAH-DRAF-TERSEMBUNYI", initiating_agency=health_agency)
    add_pages(AgreementDocumentFactory(agreement=draft, title="Draf"), "TEKS-DOKUMEN-DRAF")
    unpublished = AgreementFactory(
        title="NASKAH-BELUM-TERBIT",
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2025, 1, 1),
    )
    PublicationFactory(agreement=unpublished, live=False)
    return {
        "public": public,
        "signed": signed,
        "restricted": restricted,
        "without_text": without_text,
        "draft": draft,
        "unpublished": unpublished,
    }


def stored(name: str) -> bytes:
    with OpenDataFile.objects.get(name=name).file.open("rb") as file:
        return file.read()


def unzipped(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def readable(name: str, data: bytes) -> str:
    """Everything a reader of the file could see, as text (zip and xlsx unpacked)."""
    if name.endswith((".zip", ".xlsx")):
        return "\n".join(content.decode("utf-8", "replace") for content in unzipped(data).values())
    return data.decode("utf-8")


def csv_rows(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "the byte order mark lets Excel read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def ids(agreements) -> set[int]:
    return {agreement.pk for agreement in agreements}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# -- what the files hold ----------------------------------------------------------------------------


def test_every_bulk_file_holds_every_public_agreement_and_nothing_else(open_register):
    outcomes = build_open_data()

    assert [outcome.name for outcome in outcomes if outcome.built] == list(BULK_FILES)
    public = ids(open_register["public"])
    assert {int(row["ID"]) for row in csv_rows(stored("register.csv"))} == public
    sheet = openpyxl.load_workbook(io.BytesIO(stored("register.xlsx")), read_only=True).worksheets[0]
    assert {row[0] for row in list(sheet.iter_rows(values_only=True))[1:]} == public
    register_json = json.loads(stored("register.json"))
    assert register_json["count"] == 3
    assert {row["id"] for row in register_json["results"]} == public
    releases = json.loads(stored("ocds-releases.json"))["releases"]
    assert {release["ocid"] for release in releases} == {f"ocds-simker-{pk}" for pk in public}
    records = json.loads(stored("ocds-records.json"))["records"]
    assert {record["ocid"] for record in records} == {f"ocds-simker-{pk}" for pk in public}
    for name in BULK_FILES:
        text = readable(name, stored(name))
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into {name}"
    rows = {row.name: row for row in OpenDataFile.objects.all()}
    assert rows["register.csv"].record_count == 3
    assert rows["ocds-records.json"].record_count == 3
    assert rows["documents-text.zip"].record_count == 2, "the two public documents of public agreements"
    assert all(row.size == len(stored(name)) and len(row.sha256) == 64 for name, row in rows.items())


def test_the_documents_text_zip_has_a_text_file_per_public_document_an_index_and_a_readme(open_register):
    build_open_data(names=["documents-text.zip"])

    files = unzipped(stored("documents-text.zip"))
    signed, without_text = open_register["signed"], open_register["without_text"]
    text_file = f"agreement-{signed.agreement_id}/document-{signed.pk}.txt"
    assert set(files) == {text_file, "index.csv", "README.txt"}, "no file for a document without text yet"
    text = files[text_file].decode("utf-8")
    assert text.startswith("--- halaman 1 ---\nPasal 1 Maksud dan tujuan layanan puskesmas.")
    assert "--- halaman 2 ---\nPasal 2 Ruang lingkup." in text
    index = {int(row["document_id"]): row for row in csv_rows(files["index.csv"])}
    assert set(index) == {signed.pk, without_text.pk}
    assert index[signed.pk]["agreement_id"] == str(signed.agreement_id)
    assert index[signed.pk]["title"] == "Naskah ditandatangani"
    assert index[signed.pk]["pages"] == "2" and index[signed.pk]["text_file"] == text_file
    assert index[signed.pk]["url"].startswith("http://localhost/dokumen/")
    assert index[without_text.pk]["pages"] == "0" and index[without_text.pk]["text_file"] == ""
    assert "2 dokumen" in files["README.txt"].decode("utf-8")


def test_the_ocds_bulk_files_are_valid_release_and_record_packages(open_register):
    build_open_data(names=["ocds-releases.json", "ocds-records.json"])

    for name in ("ocds-releases.json", "ocds-records.json"):
        package = json.loads(stored(name))
        assert package["uri"] == f"http://localhost/api/v1/bulk/{name}"
        report = validate_package(package)
        assert report["validation_errors"] == [], name
        assert report["additional_closed_codelist_values"] == {}, name


def test_the_ocds_files_are_written_in_chunks_of_agreements_with_a_fixed_number_of_calls(open_register, monkeypatch):
    from portal.open_data import bulk, ocds

    monkeypatch.setattr(bulk, "OCDS_CHUNK", 2)
    calls = []
    original = ocds.releases_for

    def counted(ids, *, links):
        calls.append(list(ids))
        return original(ids, links=links)

    monkeypatch.setattr(ocds, "releases_for", counted)

    build_open_data(names=["ocds-releases.json"])

    assert [len(chunk) for chunk in calls] == [2, 1], "never the whole register at once"
    assert len(json.loads(stored("ocds-releases.json"))["releases"]) >= 3


# -- when the files are rebuilt ----------------------------------------------------------------------


def test_a_publish_rebuilds_the_files_and_an_unchanged_register_rebuilds_nothing(open_register):
    build_open_data()
    before = {row.name: (row.version, row.file.name) for row in OpenDataFile.objects.all()}

    assert not any(outcome.built for outcome in build_open_data()), "nothing changed, nothing rebuilt"

    newcomer = published_agreement(title="Naskah Publik Baru")
    outcomes = {outcome.name: outcome for outcome in build_open_data()}

    assert outcomes["register.csv"].built and outcomes["ocds-records.json"].built
    assert outcomes["register.csv"].file.version != before["register.csv"][0]
    assert newcomer.pk in {int(row["ID"]) for row in csv_rows(stored("register.csv"))}
    assert not document_storage().exists(before["register.csv"][1]), "the old blob is deleted after the swap"


def test_a_withdrawal_takes_the_agreement_out_of_every_rebuilt_file(open_register):
    build_open_data()
    withdrawn = open_register["public"][0]

    Publication.objects.filter(agreement=withdrawn).update(live=False)
    build_open_data()

    assert withdrawn.pk not in {int(row["ID"]) for row in csv_rows(stored("register.csv"))}
    assert f"ocds-simker-{withdrawn.pk}" not in stored("ocds-records.json").decode()
    assert f"agreement-{withdrawn.pk}/" not in readable("documents-text.zip", stored("documents-text.zip"))


def test_force_rebuilds_every_file(open_register):
    build_open_data()

    assert all(outcome.built for outcome in build_open_data(force=True))


def test_the_command_draws_a_progress_bar_and_reports_each_file(open_register):
    out, err = io.StringIO(), Terminal()

    call_command("build_open_data", stdout=out, stderr=err)

    assert "register.csv" in err.getvalue() and "100%" in err.getvalue()
    assert "register.csv: dibangun; 3 rekaman" in out.getvalue()
    assert "Selesai: 6 dari 6 berkas dibangun ulang." in out.getvalue()

    out = io.StringIO()
    call_command("build_open_data", "--no-progress", stdout=out, stderr=Terminal())
    assert "register.csv: masih mutakhir" in out.getvalue()
    assert "Selesai: 0 dari 6 berkas dibangun ulang." in out.getvalue()


def test_the_command_rejects_an_unknown_file_name(open_register):
    with pytest.raises(CommandError, match=r"Berkas tidak dikenal: rahasia\.csv"):
        call_command("build_open_data", "--only", "register.csv,rahasia.csv", stdout=io.StringIO())


# -- the API ------------------------------------------------------------------------------------------


def test_the_api_lists_every_file_with_its_size_checksum_records_and_staleness(client, open_register):
    build_open_data(names=["register.csv"])

    response = client.get(API)

    assert response.status_code == 200
    files = {item["name"]: item for item in response.json()["results"]}
    assert list(files) == list(BULK_FILES)
    csv_file = files["register.csv"]
    row = OpenDataFile.objects.get(name="register.csv")
    assert csv_file["url"] == "http://testserver/api/v1/bulk/register.csv"
    assert csv_file["media_type"] == "text/csv; charset=utf-8"
    assert (csv_file["size"], csv_file["sha256"], csv_file["record_count"]) == (row.size, row.sha256, 3)
    assert csv_file["stale"] is False
    assert files["register.xlsx"]["size"] is None and files["register.xlsx"]["stale"] is True
    assert response["Last-Modified"] == http_date(row.built_at.timestamp())
    assert client.get(API, {"format": "csv"}).status_code == 400, "an unknown parameter is an error"


def test_a_file_is_streamed_as_an_attachment_with_last_modified_and_etag(client, open_register):
    build_open_data(names=["register.csv"])
    row = OpenDataFile.objects.get(name="register.csv")

    response = client.get(f"{API}/register.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="register.csv"'
    assert response["Last-Modified"] == http_date(row.built_at.timestamp())
    assert response["ETag"] == f'"{row.sha256}"'
    assert body(response) == stored("register.csv")
    again = client.get(f"{API}/register.csv", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_a_file_never_built_is_built_on_the_first_download(client, open_register):
    response = client.get(f"{API}/register.xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == BULK_FILES["register.xlsx"].content_type
    sheet = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True).worksheets[0]
    assert {row[0] for row in list(sheet.iter_rows(values_only=True))[1:]} == ids(open_register["public"])


def test_a_stale_file_is_served_while_one_rebuild_is_enqueued(client, open_register):
    build_open_data(names=["register.csv"])
    old = OpenDataFile.objects.get(name="register.csv")
    old_content = stored("register.csv")
    published_agreement(title="Naskah Publik Baru")

    with mock.patch("portal.tasks.build_open_data_file") as task:
        first = client.get(f"{API}/register.csv")
        second = client.get(f"{API}/register.csv")

    assert body(first) == old_content and body(second) == old_content
    assert first["Last-Modified"] == http_date(old.built_at.timestamp())
    task.enqueue.assert_called_once_with(name="register.csv")
    assert client.get(API).json()["results"][0]["stale"] is True


def test_the_enqueued_rebuild_swaps_in_the_new_file_after_the_stale_one_is_served(client, open_register):
    """With the Immediate tasks backend the rebuild runs during the request: the open old file is still served."""
    build_open_data(names=["register.csv"])
    old_content = stored("register.csv")
    newcomer = published_agreement(title="Naskah Publik Baru")

    response = client.get(f"{API}/register.csv")

    assert body(response) == old_content
    assert newcomer.pk in {int(row["ID"]) for row in csv_rows(stored("register.csv"))}
    assert client.get(API).json()["results"][0]["stale"] is False


@pytest.mark.parametrize(
    "path",
    ["rahasia.csv", "..%2F..%2Fsettings.py", "..", "register.csv%00", "%00", "register.csv%2F..%2F..%2Fdb.sqlite3"],
)
def test_an_unknown_or_crafted_file_name_is_a_json_not_found(client, open_register, path):
    response = client.get(f"{API}/{path}")

    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] in ("not_found", "invalid_parameter")


def test_a_download_with_an_unknown_parameter_is_a_400(client, open_register):
    response = client.get(f"{API}/register.csv", {"versi": "lama"})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_parameter"
