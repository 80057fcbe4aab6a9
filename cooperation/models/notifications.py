"""Each user's choice of which e-mails to receive."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    STAGE_ASSIGNED = "stage_assigned", _("Usulan menunggu tindakan saya")
    CHANGES_REQUESTED = "changes_requested", _("Usulan saya perlu perbaikan")
    DECLINED = "declined", _("Usulan saya ditolak")
    APPROVED = "approved", _("Usulan saya disetujui")
    OVERDUE_DIGEST = "overdue_digest", _("Ringkasan harian tahapan yang terlambat")
    MONEV_DUE = "monev_due", _("Laporan monev segera jatuh tempo")
    MONEV_OVERDUE = "monev_overdue", _("Laporan monev terlambat")
    AGREEMENT_ENDING = "agreement_ending", _("Naskah akan berakhir")
    MONEV_CHANGES_REQUESTED = "monev_changes_requested", _("Laporan monev saya perlu perbaikan")
    MONEV_VERIFIED = "monev_verified", _("Laporan monev saya terverifikasi")


class NotificationOptOut(models.Model):
    """A row means "do not send me this kind"; no row means the e-mail is sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_opt_outs",
        verbose_name=_("pengguna"),
    )
    kind = models.CharField(_("jenis pemberitahuan"), max_length=30, choices=NotificationKind.choices)

    class Meta:
        verbose_name = _("pemberitahuan yang tidak diinginkan")
        verbose_name_plural = _("pemberitahuan yang tidak diinginkan")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()}"


class DigestRun(models.Model):
    """Marks a day's overdue digest as sent, so cron may run the command any number of times."""

    day = models.DateField(_("tanggal"), unique=True)
    sent_at = models.DateTimeField(_("dikirim pada"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("jumlah penerima"), default=0)

    class Meta:
        verbose_name = _("pengiriman ringkasan harian")
        verbose_name_plural = _("pengiriman ringkasan harian")

    def __str__(self) -> str:
        return f"{self.day}: {self.recipients}"
