"""The index follows the register: through the outbox, the task, and the two commands."""

import pytest
from django.core.management import call_command

from cooperation.models import AgreementStatus
from search.engines import get_engine
from search.engines.base import Audience, SearchRequest, SearchUnavailable
from search.engines.database import DatabaseEngine
from search.models import PendingIndexUpdate
from tests.engines.conftest import add_pages
from tests.factories import AgreementDocumentFactory, AgreementFactory, PublicationFactory, published_agreement

pytestmark = pytest.mark.django_db

PUBLIC = Audience.anonymous()


@pytest.fixture(autouse=True)
def _database_engine(settings):
    settings.SEARCH_URL = ""
    get_engine().clear()


def found(text: str, audience=PUBLIC) -> list[int]:
    return [hit.agreement_id for hit in get_engine().search(SearchRequest(text=text, audience=audience)).hits]


class DownEngine(DatabaseEngine):
    """An engine whose cluster does not answer."""

    def index(self, records):
        raise SearchUnavailable("connection refused")

    def delete(self, agreement_ids):
        raise SearchUnavailable("connection refused")


def test_publishing_makes_an_agreement_searchable(django_capture_on_commit_callbacks):
    agreement = AgreementFactory(title="Kesepakatan Bersama Bank Sampah", status=AgreementStatus.IN_FORCE)

    with django_capture_on_commit_callbacks(execute=True):
        PublicationFactory(agreement=agreement)

    assert found("sampah") == [agreement.pk]
    assert not PendingIndexUpdate.objects.exists()


def test_unpublishing_takes_an_agreement_out_of_public_search(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = published_agreement(title="Kesepakatan Bersama Bank Sampah")
    assert found("sampah") == [agreement.pk]

    with django_capture_on_commit_callbacks(execute=True):
        agreement.publication.unpublish()

    assert found("sampah") == []
    assert found("sampah", Audience(public=False, agency_ids=None)) == [agreement.pk]


def test_editing_and_deleting_follow_into_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = published_agreement(title="Kesepakatan Bersama Pasar")
    with django_capture_on_commit_callbacks(execute=True):
        agreement.title = "Kesepakatan Bersama Terminal"
        agreement.save()
    assert found("terminal") == [agreement.pk] and found("pasar") == []

    with django_capture_on_commit_callbacks(execute=True):
        agreement.delete()

    assert found("terminal") == []


def test_new_document_text_is_searchable(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = published_agreement(title="Kesepakatan Bersama Pariwisata")
        document = AgreementDocumentFactory(agreement=agreement)
    assert found("festival") == []

    with django_capture_on_commit_callbacks(execute=True):  # as text extraction stores it
        add_pages(document, "Promosi candi dan festival budaya.")

    assert found("festival") == [agreement.pk]


def test_an_engine_that_is_down_keeps_the_outbox_and_search_sync_catches_up(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("search.indexing.get_engine", lambda: DownEngine())
    with django_capture_on_commit_callbacks(execute=True):
        agreement = published_agreement(title="Kesepakatan Bersama Rumah Sakit")  # the save succeeds

    assert PendingIndexUpdate.objects.filter(agreement_id=agreement.pk).exists()
    assert found("rumah") == []

    monkeypatch.undo()
    call_command("search_sync")

    assert found("rumah") == [agreement.pk]
    assert not PendingIndexUpdate.objects.exists()


def test_search_sync_fails_loudly_and_keeps_the_outbox_while_the_engine_is_down(monkeypatch):
    from django.core.management.base import CommandError

    published_agreement(title="Kesepakatan Bersama Rumah Sakit")
    monkeypatch.setattr("search.indexing.get_engine", lambda: DownEngine())
    monkeypatch.setattr("search.management.commands.search_sync.get_engine", lambda: DownEngine())

    with pytest.raises(CommandError):
        call_command("search_sync")

    assert PendingIndexUpdate.objects.exists()


def test_search_reindex_indexes_everything_and_clears_the_outbox(capsys):
    agreements = [published_agreement(title=f"Kesepakatan Bersama Sungai {n}") for n in range(3)]
    assert PendingIndexUpdate.objects.exists()

    call_command("search_reindex", "--no-progress", "--batch-size", "2")

    assert sorted(found("sungai")) == sorted(a.pk for a in agreements)
    assert not PendingIndexUpdate.objects.exists()
    assert "3 naskah diindeks" in capsys.readouterr().out
