"""Each register rule refuses its bad input with a message the secretariat can act on."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cooperation.models import AgreementParty, AgreementStatus, Classification

from ..factories import (
    AgreementDocumentFactory,
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    amendment_type,
    implementing_type,
)

pytestmark = pytest.mark.django_db


def messages_for(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict.get(field, []))


def test_an_end_date_before_the_start_date_is_refused():
    agreement = AgreementFactory.build(starts_on=datetime.date(2025, 6, 1), ends_on=datetime.date(2025, 5, 31))
    agreement.document_type.save()
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean(exclude=["kind", "initiating_agency"])
    assert "Tanggal berakhir tidak boleh sebelum tanggal mulai" in messages_for(caught.value, "ends_on")


def test_a_term_longer_than_the_kind_allows_is_refused():
    kind = CooperationKindFactory(code="KSDD", max_term_years=5)
    agreement = AgreementFactory(kind=kind, starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2030, 6, 30))
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    message = messages_for(caught.value, "ends_on")
    assert "melebihi batas 5 tahun" in message
    assert "01-01-2030" in message


def test_a_term_exactly_at_the_kinds_limit_is_accepted():
    kind = CooperationKindFactory(code="KSDD", max_term_years=5)
    agreement = AgreementFactory(kind=kind, starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2029, 12, 31))
    agreement.full_clean()


def test_a_pks_whose_parent_is_not_a_ksb_is_refused():
    pks_type = implementing_type()
    other_pks = AgreementFactory(document_type=pks_type, parent=AgreementFactory())
    agreement = AgreementFactory(document_type=pks_type, parent=other_pks)
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    assert "PKS hanya dapat berinduk pada KSB, bukan PKS" in messages_for(caught.value, "parent")


def test_a_pks_under_a_ksb_is_accepted():
    agreement = AgreementFactory(document_type=implementing_type(), parent=AgreementFactory())
    agreement.full_clean()


def test_an_addendum_without_a_parent_is_refused():
    agreement = AgreementFactory(document_type=amendment_type(), parent=None)
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    assert "Adendum harus menunjuk naskah yang diubahnya" in messages_for(caught.value, "parent")


def test_a_region_number_already_used_in_the_same_year_is_refused():
    AgreementFactory(region_number="180/1/35.73.402/2025", signed_on=datetime.date(2025, 2, 1))
    agreement = AgreementFactory(region_number="180/1/35.73.402/2025", signed_on=datetime.date(2025, 9, 1))
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    assert "sudah dipakai pihak daerah pada tahun 2025" in messages_for(caught.value, "region_number")


def test_the_same_region_number_in_another_year_is_accepted():
    AgreementFactory(region_number="180/1/35.73.402", signed_on=datetime.date(2024, 2, 1))
    agreement = AgreementFactory(region_number="180/1/35.73.402", signed_on=datetime.date(2025, 2, 1))
    agreement.full_clean()


def test_a_partner_number_already_used_by_that_partner_in_the_same_year_is_refused():
    partner = PartnerFactory(name="Universitas Brawijaya")
    first = AgreementFactory(signed_on=datetime.date(2025, 3, 1), partners=[partner])
    first.parties.update(number="12/UN10/KS/2025")
    second = AgreementFactory(signed_on=datetime.date(2025, 8, 1), partners=[])
    party = AgreementParty(agreement=second, partner=partner, number="12/UN10/KS/2025")
    with pytest.raises(ValidationError) as caught:
        party.full_clean()
    assert "sudah dipakai Universitas Brawijaya pada tahun 2025" in messages_for(caught.value, "number")


def test_another_partner_may_use_the_same_number():
    first = AgreementFactory(signed_on=datetime.date(2025, 3, 1))
    first.parties.update(number="12/KS/2025")
    second = AgreementFactory(signed_on=datetime.date(2025, 8, 1), partners=[])
    party = AgreementParty(agreement=second, partner=PartnerFactory(), number="12/KS/2025")
    party.full_clean()


def test_a_negative_value_is_refused():
    agreement = AgreementFactory(value=Decimal("-1"))
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    assert "value" in caught.value.message_dict


def test_a_restricted_document_without_a_reason_is_refused():
    document = AgreementDocumentFactory(classification=Classification.RESTRICTED)
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert "wajib menyebut dasar dan alasan pengecualiannya" in messages_for(caught.value, "restriction_reason")


def test_a_dprd_flagged_agreement_marked_signed_without_dprd_approval_is_refused():
    agreement = AgreementFactory(burdens_apbd=True, status=AgreementStatus.SIGNED)
    with pytest.raises(ValidationError) as caught:
        agreement.full_clean()
    assert "persetujuan DPRD" in messages_for(caught.value, "dprd_approval_number")


def test_a_dprd_flagged_agreement_with_its_approval_may_be_signed():
    agreement = AgreementFactory(
        burdens_apbd=True,
        status=AgreementStatus.SIGNED,
        dprd_approval_number="170/5/35.73.201/2025",
        dprd_approval_date=datetime.date(2025, 1, 10),
    )
    agreement.full_clean()


def test_messages_are_given_in_english_to_english_users():
    agreement = AgreementFactory.build(starts_on=datetime.date(2025, 6, 1), ends_on=datetime.date(2025, 5, 31))
    agreement.document_type.save()
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            agreement.full_clean(exclude=["kind", "initiating_agency"])
        assert "The end date cannot be before the start date." in messages_for(caught.value, "ends_on")


def test_an_internal_agreement_names_another_agency_as_its_party(health_agency, info_agency):
    agreement = AgreementFactory(initiating_agency=health_agency, partners=[])
    party = AgreementParty(agreement=agreement, agency=info_agency, role="2")
    party.full_clean()
    party.save()
    assert agreement.partner_names == "Dinas Komunikasi dan Informatika"


@pytest.mark.parametrize("both", [True, False])
def test_a_party_must_be_either_a_partner_or_an_agency(health_agency, info_agency, both):
    agreement = AgreementFactory(initiating_agency=health_agency, partners=[])
    party = AgreementParty(agreement=agreement, role="2")
    if both:
        party.partner = PartnerFactory()
        party.agency = info_agency
    with pytest.raises(ValidationError, match="Pilih satu pihak"):
        party.full_clean()
