import pytest

from cooperation import roles

from .factories import AgencyFactory, AgreementFactory, make_user


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def health_agency():
    return AgencyFactory(code="DINKES", name="Dinas Kesehatan", short_name="Dinkes")


@pytest.fixture
def info_agency():
    return AgencyFactory(code="KOMINFO", name="Dinas Komunikasi dan Informatika", short_name="Diskominfo")


@pytest.fixture
def users(health_agency, info_agency):
    """One account per role; the two agency staff belong to different agencies."""
    return {
        "administrator": make_user("admin-role", role=roles.ADMINISTRATOR),
        "secretariat": make_user("sekretariat", role=roles.SECRETARIAT),
        "legal": make_user("hukum", role=roles.LEGAL),
        "tkksd": make_user("tkksd", role=roles.TKKSD),
        "leadership": make_user("pimpinan", role=roles.LEADERSHIP),
        "editor": make_user("editor", role=roles.EDITOR),
        "health_staff": make_user("opd-dinkes", role=roles.AGENCY_STAFF, agency=health_agency),
        "info_staff": make_user("opd-kominfo", role=roles.AGENCY_STAFF, agency=info_agency),
        "no_role": make_user("tanpa-peran"),
    }


@pytest.fixture
def health_agreement(health_agency):
    return AgreementFactory(initiating_agency=health_agency, title="Kesepakatan Bersama Layanan Puskesmas")


@pytest.fixture
def info_agreement(info_agency):
    return AgreementFactory(initiating_agency=info_agency, title="Kesepakatan Bersama Smart City")


@pytest.fixture
def site_pages(db):
    """The portal's page tree in Indonesian and English, as `setup_portal` builds it."""
    from portal.site_structure import ensure_site_pages

    return ensure_site_pages()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached public figures must not carry over from one test's database to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
