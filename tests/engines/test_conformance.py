"""What every search engine must do, whatever it is built on."""

import datetime

import pytest

from cooperation.models import AgreementStatus, Classification, PartnerCategory
from search.audience import audience_for
from search.engines.base import (
    SORT_NEWEST,
    SORT_OLDEST,
    SORT_RELEVANCE,
    Audience,
    QueryError,
    SearchRequest,
)
from search.records import all_records, record_count
from tests.factories import (
    AgencyFactory,
    AgreementDocumentFactory,
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    SectorFactory,
    published_agreement,
)

from .conftest import add_pages, index

PUBLIC = Audience.anonymous()
EVERYTHING = Audience(public=False, agency_ids=None, restricted_documents=True)


def search(engine, text, audience=PUBLIC, **options):
    return engine.search(SearchRequest(text=text, audience=audience, **options))


def ids(response) -> list[int]:
    return [hit.agreement_id for hit in response.hits]


def restricted_document(agreement, **fields):
    return AgreementDocumentFactory(
        agreement=agreement,
        classification=Classification.RESTRICTED,
        restriction_ground="17i",
        restriction_reason="Masih dalam negosiasi.",
        **fields,
    )


# -- matching and relevance ---------------------------------------------------------------------


def test_a_title_match_ranks_above_a_match_in_the_document_text_only(engine):
    in_body = published_agreement(title="Kesepakatan Bersama Layanan Kesehatan")
    add_pages(AgreementDocumentFactory(agreement=in_body), "Kegiatan termasuk penanaman mangrove di pesisir.")
    in_title = published_agreement(title="Kesepakatan Bersama Penanaman Mangrove")
    index(engine, in_body, in_title)

    response = search(engine, "mangrove")

    assert ids(response) == [in_title.pk, in_body.pk]
    assert response.total == 2


def test_partner_names_and_numbers_are_searchable(engine):
    partner = PartnerFactory(name="Politeknik Negeri Nusantara")
    agreement = published_agreement(title="Kesepakatan Bersama Magang", partners=[partner])
    agreement.parties.update(number="PNN/77/KS/2025")
    index(engine, agreement)

    assert ids(search(engine, "nusantara")) == [agreement.pk]
    assert ids(search(engine, "PNN/77/KS/2025")) == [agreement.pk]


def test_indonesian_stemming_finds_other_forms_of_the_same_word(engine):
    promised = published_agreement(title="Kesepakatan Bersama Bidang Sosial")
    add_pages(AgreementDocumentFactory(agreement=promised), "Hal-hal yang diperjanjikan para pihak tercantum di sini.")
    managed = published_agreement(title="Kesepakatan Bersama Pasar Rakyat")
    add_pages(AgreementDocumentFactory(agreement=managed), "Pasar rakyat dikelola bersama oleh kedua pihak.")
    index(engine, promised, managed)

    assert ids(search(engine, "perjanjian")) == [promised.pk]
    assert ids(search(engine, "pengelolaan")) == [managed.pk]


def test_a_typo_is_corrected_to_an_indexed_word(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Pengelolaan Persampahan Terpadu")
    index(engine, agreement)

    response = search(engine, "persampahn")

    assert ids(response) == [agreement.pk]
    assert response.corrected


def test_a_quoted_phrase_requires_the_words_next_to_each_other(engine):
    adjacent = published_agreement(title="Kesepakatan Bersama Air Minum")
    add_pages(AgreementDocumentFactory(agreement=adjacent), "Penyediaan air minum bagi warga kota.")
    apart = published_agreement(title="Kesepakatan Bersama Irigasi")
    add_pages(AgreementDocumentFactory(agreement=apart), "Air sungai tidak untuk minum tanpa diolah terlebih dulu.")
    index(engine, adjacent, apart)

    assert set(ids(search(engine, "air minum"))) == {adjacent.pk, apart.pk}
    assert ids(search(engine, '"air minum"')) == [adjacent.pk]


def test_every_word_must_match_somewhere_in_the_agreement(engine):
    both = published_agreement(title="Kesepakatan Bersama Beasiswa")
    add_pages(AgreementDocumentFactory(agreement=both), "Beasiswa untuk mahasiswa berprestasi.")
    one = published_agreement(title="Kesepakatan Bersama Beasiswa Olahraga")
    index(engine, both, one)

    assert ids(search(engine, "beasiswa mahasiswa")) == [both.pk]


# -- filters, facets and sorting ----------------------------------------------------------------


@pytest.fixture
def filtered_set(db):
    """Three public agreements about "jembatan" that differ in every facet."""
    kesehatan, pendidikan = SectorFactory(name="Kesehatan"), SectorFactory(name="Pendidikan")
    dinkes, disdik = AgencyFactory(name="Dinkes"), AgencyFactory(name="Disdik")
    foreign_kind = CooperationKindFactory(code="KSDLL", name="Luar negeri", is_foreign=True)
    first = published_agreement(
        title="Jembatan Satu",
        signed_on=datetime.date(2023, 3, 1),
        initiating_agency=dinkes,
        partners=[PartnerFactory(category=PartnerCategory.UNIVERSITY)],
    )
    first.sectors.set([kesehatan])
    first.save()
    second = published_agreement(
        title="Jembatan Dua",
        signed_on=datetime.date(2024, 3, 1),
        initiating_agency=disdik,
        partners=[PartnerFactory(category=PartnerCategory.COMPANY)],
    )
    second.sectors.set([pendidikan])
    second.save()
    third = published_agreement(
        title="Jembatan Tiga",
        signed_on=datetime.date(2025, 3, 1),
        initiating_agency=disdik,
        kind=foreign_kind,
        status=AgreementStatus.EXPIRED,
        ends_on=datetime.date(2025, 6, 1),
        partners=[PartnerFactory(category=PartnerCategory.COMPANY)],
    )
    third.sectors.set([pendidikan, kesehatan])
    third.save()
    return {
        "agreements": (first, second, third),
        "sectors": (kesehatan, pendidikan),
        "agencies": (dinkes, disdik),
        "foreign_kind": foreign_kind,
    }


def test_each_filter_narrows_the_results(engine, filtered_set):
    first, second, third = filtered_set["agreements"]
    kesehatan, pendidikan = filtered_set["sectors"]
    dinkes, disdik = filtered_set["agencies"]
    index(engine, first, second, third)

    def found(filters):
        return set(ids(search(engine, "jembatan", filters=filters)))

    assert found({"sector": [str(kesehatan.pk)]}) == {first.pk, third.pk}
    assert found({"agency": [str(disdik.pk)]}) == {second.pk, third.pk}
    assert found({"partner_category": [PartnerCategory.UNIVERSITY]}) == {first.pk}
    assert found({"year": ["2024"]}) == {second.pk}
    assert found({"status": [AgreementStatus.EXPIRED]}) == {third.pk}
    assert found({"scope": ["luar-negeri"]}) == {third.pk}
    assert found({"kind": [str(filtered_set["foreign_kind"].pk)]}) == {third.pk}
    assert found({"document_type": [str(first.document_type_id)]}) == {first.pk, second.pk, third.pk}
    assert found({"sector": [str(pendidikan.pk)], "agency": [str(dinkes.pk)]}) == set()


def test_facet_counts_are_disjunctive(engine, filtered_set):
    first, second, third = filtered_set["agreements"]
    pendidikan = filtered_set["sectors"][1]
    index(engine, first, second, third)

    response = search(engine, "jembatan", filters={"year": ["2024"]})
    years = {facet.value: facet.count for facet in response.facets["year"]}
    sectors = {facet.value: facet.count for facet in response.facets["sector"]}

    # The year facet ignores its own selection; the others count within it.
    assert years == {"2023": 1, "2024": 1, "2025": 1}
    assert sectors == {str(pendidikan.pk): 1}
    assert response.total == 1


def test_results_sort_by_newest_oldest_and_relevance(engine, filtered_set):
    first, second, third = filtered_set["agreements"]
    index(engine, first, second, third)

    assert ids(search(engine, "jembatan", sort=SORT_NEWEST)) == [third.pk, second.pk, first.pk]
    assert ids(search(engine, "jembatan", sort=SORT_OLDEST)) == [first.pk, second.pk, third.pk]
    # Equal relevance: the newest first.
    assert ids(search(engine, "jembatan", sort=SORT_RELEVANCE)) == [third.pk, second.pk, first.pk]


def test_results_are_paged(engine, filtered_set):
    index(engine, *filtered_set["agreements"])

    first_page = search(engine, "jembatan", sort=SORT_NEWEST, page_size=2)
    second_page = search(engine, "jembatan", sort=SORT_NEWEST, page_size=2, page=2)

    assert first_page.total == second_page.total == 3
    assert len(first_page.hits) == 2 and len(second_page.hits) == 1
    assert not set(ids(first_page)) & set(ids(second_page))


# -- snippets -----------------------------------------------------------------------------------


def test_snippets_carry_the_page_number_and_mark_the_words(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Transportasi")
    document = AgreementDocumentFactory(agreement=agreement, title="Naskah PKS")
    add_pages(document, "Halaman pembuka tanpa kata itu.", "Pihak kedua membangun halte <bus> listrik di koridor.")
    index(engine, agreement)

    [hit] = search(engine, "listrik").hits

    [snippet] = hit.snippets
    assert snippet.page_number == 2
    assert snippet.document_id == document.pk
    assert "<mark>listrik</mark>" in snippet.html
    assert "<bus>" not in snippet.html  # the page text is escaped


def test_at_most_three_snippets_per_hit(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Drainase")
    add_pages(AgreementDocumentFactory(agreement=agreement), *[f"Saluran drainase ruas {n}." for n in range(6)])
    index(engine, agreement)

    [hit] = search(engine, "drainase").hits

    assert 1 <= len(hit.snippets) <= 3


# -- who may see what ---------------------------------------------------------------------------


def test_restricted_pages_never_reach_public_results_or_snippets(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Investasi")
    add_pages(AgreementDocumentFactory(agreement=agreement), "Nilai investasi diumumkan setelah penandatanganan.")
    add_pages(restricted_document(agreement), "Rekening escrow rahasia pihak kedua.")
    index(engine, agreement)

    assert search(engine, "escrow").total == 0
    public_hit = search(engine, "investasi").hits[0]
    assert all("escrow" not in snippet.html for snippet in public_hit.snippets)
    staff = search(engine, "escrow", audience=EVERYTHING)
    assert ids(staff) == [agreement.pk]
    assert "<mark>escrow</mark>" in staff.hits[0].snippets[0].html


def test_unpublished_and_unsigned_agreements_are_never_public(engine):
    draft = AgreementFactory(title="Kesepakatan Bersama Kereta Gantung", status=AgreementStatus.DRAFT)
    withdrawn = published_agreement(title="Kesepakatan Bersama Kereta Api")
    withdrawn.publication.live = False
    withdrawn.publication.save()
    index(engine, draft, withdrawn)

    assert search(engine, "kereta").total == 0
    assert set(ids(search(engine, "kereta", audience=EVERYTHING))) == {draft.pk, withdrawn.pk}


def test_agency_staff_see_only_their_agencys_agreements_and_restricted_pages_only_with_the_permission(
    engine, users, health_agency, info_agency
):
    own = AgreementFactory(title="Kesepakatan Bersama Posyandu", initiating_agency=health_agency)
    add_pages(restricted_document(own), "Catatan negosiasi posyandu.")
    other = AgreementFactory(title="Kesepakatan Bersama Posyandu Digital", initiating_agency=info_agency)
    implemented = AgreementFactory(title="Kesepakatan Bersama Posyandu Keliling", initiating_agency=info_agency)
    implemented.implementing_agencies.set([health_agency])
    implemented.save()  # a ParentalManyToManyField is written on save
    index(engine, own, other, implemented)
    audience = audience_for(users["health_staff"])  # agency staff hold the restricted-document permission

    assert set(ids(search(engine, "posyandu", audience=audience))) == {own.pk, implemented.pk}
    assert ids(search(engine, "negosiasi", audience=audience)) == [own.pk]
    without_permission = Audience(public=False, agency_ids=frozenset({health_agency.pk}), restricted_documents=False)
    assert search(engine, "negosiasi", audience=without_permission).total == 0
    assert search(engine, "posyandu", audience=audience_for(users["no_role"])).total == 0


def test_an_empty_agency_scope_sees_nothing(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Terminal")
    index(engine, agreement)

    assert search(engine, "terminal", audience=Audience(public=False, agency_ids=frozenset())).total == 0


# -- within one document, autocomplete ----------------------------------------------------------


def test_search_within_one_document_lists_its_matching_pages_in_order(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Perpustakaan")
    document = AgreementDocumentFactory(agreement=agreement)
    add_pages(document, "Buku digital.", "Tanpa kata kunci.", "Koleksi buku langka dan buku anak.")
    other = AgreementDocumentFactory(agreement=agreement)
    add_pages(other, "Buku di dokumen lain.")
    index(engine, agreement)

    pages = engine.search_document(agreement_id=agreement.pk, document_id=document.pk, text="buku", audience=PUBLIC)

    assert [page.page_number for page in pages] == [1, 3]
    assert "<mark>buku</mark>" in pages[1].html.lower()


def test_search_within_a_restricted_document_finds_nothing_for_the_public(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Parkir")
    document = restricted_document(agreement)
    add_pages(document, "Bagi hasil retribusi parkir.")
    index(engine, agreement)

    found = engine.search_document(agreement_id=agreement.pk, document_id=document.pk, text="parkir", audience=PUBLIC)
    staff = engine.search_document(
        agreement_id=agreement.pk, document_id=document.pk, text="parkir", audience=EVERYTHING
    )

    assert found == []
    assert [page.page_number for page in staff] == [1]


def test_autocomplete_suggests_titles_and_partner_names_the_audience_may_see(engine):
    partner = PartnerFactory(name="Universitas Brawijaya")
    public = published_agreement(title="Kesepakatan Bersama Riset Bersama", partners=[partner])
    AgreementFactory(title="Kesepakatan Bersama Riset Rahasia", partners=[PartnerFactory(name="Riset Tertutup")])
    index(engine, public)

    titles = [s.label for s in engine.autocomplete(prefix="riset", audience=PUBLIC) if s.kind == "agreement"]
    partners = engine.autocomplete(prefix="brawi", audience=PUBLIC)

    assert titles == ["Kesepakatan Bersama Riset Bersama"]
    assert [(s.kind, s.label, s.partner_id) for s in partners] == [("partner", "Universitas Brawijaya", partner.pk)]


# -- upkeep -------------------------------------------------------------------------------------


def test_deleting_removes_an_agreement_from_the_index(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Stadion")
    index(engine, agreement)

    engine.delete([agreement.pk, 999_999])
    engine.refresh()

    assert search(engine, "stadion").total == 0


def test_reindexing_an_agreement_replaces_its_entry(engine):
    agreement = published_agreement(title="Kesepakatan Bersama Alun-alun")
    index(engine, agreement)
    agreement.title = "Kesepakatan Bersama Taman Kota"
    agreement.save()
    index(engine, agreement)

    assert search(engine, "alun").total == 0
    assert ids(search(engine, "taman")) == [agreement.pk]


def test_rebuild_keeps_every_agreement_and_drops_what_is_gone(engine):
    kept = [published_agreement(title=f"Kesepakatan Bersama Pelabuhan {n}") for n in range(3)]
    index(engine, *kept)
    gone = kept.pop()
    engine.delete([])  # nothing
    gone.delete()

    written = engine.rebuild(all_records(batch_size=2), total=record_count(), progress=lambda n: None)
    engine.refresh()

    assert written == 2
    assert set(ids(search(engine, "pelabuhan"))) == {agreement.pk for agreement in kept}


# -- hostile input ------------------------------------------------------------------------------

HOSTILE = [
    '"',
    '"""',
    '"air minum',
    "AND OR NOT",
    "+air -minum *~^:()[]{}\\/",
    "title:air OR 1=1",
    "'; DROP TABLE cooperation_agreement; --",
    '{"query":{"match_all":{}}}',
    "NEAR(air minum)",
    "air*",
    "日本語のテキスト",
    "مرحبا",
    "😀🔥 air",
    "\x00\x01 air",
    "a" * 2000,
    "air " * 600,
    "",
    "   ",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_return_results_or_a_query_error(engine, text):
    agreement = published_agreement(title="Kesepakatan Bersama Air Minum")
    index(engine, agreement)

    try:
        response = search(engine, text)
        engine.search_document(agreement_id=agreement.pk, document_id=1, text=text, audience=PUBLIC)
        engine.autocomplete(prefix=text, audience=PUBLIC)
    except QueryError as error:
        assert error.message
    else:
        assert response.total >= 0


def test_an_empty_query_lists_what_the_audience_may_see(engine):
    public = published_agreement(title="Kesepakatan Bersama Museum")
    AgreementFactory(title="Kesepakatan Bersama Galeri")
    index(engine, public)

    assert ids(search(engine, "")) == [public.pk]
