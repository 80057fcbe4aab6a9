"""The public pages in a real browser, on a desktop and on a phone: they work and pass axe."""

import re

import pytest
from playwright.sync_api import expect

from cooperation.models import ExternalRequest

# serialized_rollback: each test gets back the groups, collections and workflow the migrations made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n%surat penawaran\n"


def test_the_home_page_passes_the_accessibility_audit(live_server, page, audit):
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_be_visible()
    assert audit(page) == []


def test_the_request_form_passes_the_accessibility_audit_with_and_without_errors(live_server, page, audit):
    page.goto(live_server.url + "/ajukan-kerja-sama/")
    assert audit(page) == []
    page.get_by_role("button", name=re.compile("Kirim")).click()
    assert audit(page) == []


def test_a_partner_sends_a_request_and_follows_it_with_number_and_token(live_server, page, audit, tmp_path):
    letter = tmp_path / "surat-penawaran.pdf"
    letter.write_bytes(PDF)
    page.goto(live_server.url + "/ajukan-kerja-sama/")
    page.get_by_label(re.compile("Nama organisasi")).fill("PT Surya Energi Nusantara")
    page.get_by_label(re.compile("Kategori")).select_option("swasta")
    page.get_by_label(re.compile("Nama narahubung")).fill("Dewi Lestari")
    page.get_by_label(re.compile("^E-mail")).fill("dewi@surya.example.com")
    page.get_by_label(re.compile("Judul usulan")).fill("Panel surya di puskesmas")
    page.get_by_label(re.compile("Maksud dan tujuan")).fill("Menurunkan biaya listrik puskesmas.")
    page.get_by_label(re.compile("Ruang lingkup")).fill("Pemasangan dan pemeliharaan panel surya.")
    page.get_by_label(re.compile("Lampiran")).set_input_files(str(letter))
    page.get_by_role("button", name=re.compile("Kirim")).click()
    if "/terkirim/" not in page.url:
        page.wait_for_load_state("load")
    assert "/terkirim/" in page.url, page.content()[:3000]

    request = ExternalRequest.objects.get()
    expect(page.get_by_text(request.number).first).to_be_visible()
    assert audit(page) == []
    token = re.search(r"[A-Za-z0-9_-]{20,}", page.locator("main").inner_text().split(request.number, 1)[1]).group(0)

    page.goto(live_server.url + "/ajukan-kerja-sama/status/")
    page.get_by_label(re.compile("Nomor")).first.fill(request.number)
    page.get_by_label(re.compile("Token")).fill(token)
    page.get_by_role("button").last.click()
    expect(page.get_by_text("Diterima").first).to_be_visible()
    assert audit(page) == []
