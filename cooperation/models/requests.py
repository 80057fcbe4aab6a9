"""Requests for cooperation from outside, made without an account and tracked by number and token."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .proposals import Proposal, next_number
from .reference import Agency, PartnerCategory


class ExternalRequestStatus(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    TRIAGED = "triaged", _("Diteruskan ke OPD pemrakarsa")
    DECLINED = "declined", _("Tidak dapat ditindaklanjuti")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ExternalRequest(models.Model):
    """A proposal sent through the public form; the token is shown once and stored only hashed."""

    number = models.CharField(_("nomor registrasi"), max_length=30, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    organisation = models.CharField(_("nama organisasi/instansi"), max_length=255)
    category = models.CharField(_("kategori"), max_length=20, choices=PartnerCategory.choices)
    country = models.CharField(_("negara"), max_length=100, default="Indonesia")
    region = models.CharField(_("provinsi/kabupaten/kota"), max_length=150, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    contact_name = models.CharField(_("narahubung"), max_length=150)
    contact_position = models.CharField(_("jabatan narahubung"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("telepon"), max_length=50, blank=True)
    title = models.CharField(_("judul usulan kerja sama"), max_length=500)
    aims = models.TextField(_("maksud dan tujuan"))
    scope = models.TextField(_("ruang lingkup"))
    status = models.CharField(
        _("status"), max_length=20, choices=ExternalRequestStatus.choices, default=ExternalRequestStatus.RECEIVED
    )
    decline_reason = models.TextField(_("alasan"), blank=True)
    assigned_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="external_requests",
        verbose_name=_("OPD pemrakarsa"),
    )
    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="external_request",
        verbose_name=_("usulan"),
    )
    submitted_from = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    received_at = models.DateTimeField(_("diterima"), auto_now_add=True)
    triaged_at = models.DateTimeField(_("ditindaklanjuti"), null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditindaklanjuti oleh"),
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("permohonan dari luar")
        verbose_name_plural = _("permohonan dari luar")
        indexes = [models.Index(fields=["submitted_from", "received_at"], name="request_rate_idx")]

    def __str__(self) -> str:
        return f"{self.number} — {self.organisation}"

    def issue_token(self) -> str:
        """Give the request its number and a fresh secret; only the hash is kept."""
        token = secrets.token_urlsafe(18)
        self.token_hash = hash_token(token)
        if not self.number:
            self.number = next_number(ExternalRequest, "REG")
        return token

    def token_matches(self, token: str) -> bool:
        return bool(token) and secrets.compare_digest(self.token_hash, hash_token(token))
