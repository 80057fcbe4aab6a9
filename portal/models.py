"""Public pages of the portal: the home page, the catalogue, statistics and editors' pages.

The catalogue is one Wagtail page whose sub-routes serve the agreement, partner and agency
pages, the downloads and the feed, all read through `cooperation.selectors.public`.
Agreements stay register records, published through their `Publication` snippet, so a
page tree of 100,000 agreement pages is never needed.
"""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cooperation.selectors import newest_public_agreements, public_register_figures
from cooperation.storage import document_storage


class HomePage(Page):
    """The portal's front page: headline figures, the newest agreements, the way in for partners."""

    intro = RichTextField(_("pengantar"), blank=True)
    propose_text = RichTextField(
        _("cara mengajukan kerja sama"),
        blank=True,
        help_text=_("Ditampilkan di beranda bersama tautan formulir pengajuan tanpa akun."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("propose_text")]
    max_count_per_parent = 1
    subpage_types = ["portal.CatalogueIndexPage", "portal.StatisticsPage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = public_register_figures()
        context["newest"] = newest_public_agreements(limit=6)
        try:
            context["catalogue"] = catalogue_for(self.locale)
        except Http404:  # a fresh site before `setup_portal`: the home page still shows its figures
            context["catalogue"] = None
        return context


class CatalogueIndexPage(RoutablePageMixin, Page):
    """The register as the public sees it, and every page that hangs off one agreement."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("katalog kerja sama")

    @path("")
    def index_route(self, request):
        from .views import catalogue

        return catalogue.catalogue_index(request, page=self)

    @re_path(r"^unduh/(?P<fmt>csv|xlsx|json)/$")
    def download_route(self, request, fmt: str):
        from .views import catalogue

        return catalogue.catalogue_download(request, page=self, fmt=fmt)

    @path("saran/")
    def suggest_route(self, request):
        from .views import catalogue

        return catalogue.catalogue_suggestions(request, page=self)

    @path("naskah/<int:pk>/")
    def agreement_route(self, request, pk: int):
        from .views import agreements

        return agreements.agreement_detail(request, page=self, pk=pk)

    @path("naskah/<int:pk>/dokumen/<int:document_pk>/")
    def document_route(self, request, pk: int, document_pk: int):
        from .views import agreements

        return agreements.document_viewer(request, page=self, pk=pk, document_pk=document_pk)

    @path("mitra/<int:pk>/")
    def partner_route(self, request, pk: int):
        from .views import agreements

        return agreements.partner_detail(request, page=self, pk=pk)

    @path("opd/<int:pk>/")
    def agency_route(self, request, pk: int):
        from .views import agreements

        return agreements.agency_detail(request, page=self, pk=pk)

    @path("akan-berakhir/")
    def ending_soon_route(self, request):
        from .views import ending

        return ending.ending_soon(request, page=self)

    @path("data-terbuka/")
    def open_data_route(self, request):
        from .views import open_data

        return open_data.open_data_page(request, page=self)

    @path("data-terbuka/kebijakan-publikasi/")
    def publication_policy_route(self, request):
        from .views import publication_policy

        return publication_policy.publication_policy_page(request, page=self)

    @path("feed/")
    def feed_route(self, request):
        from .feeds import NewlyPublishedFeed

        return NewlyPublishedFeed(page=self)(request)

    def agreement_url(self, agreement) -> str:
        return self.url + self.reverse_subpage("agreement_route", kwargs={"pk": agreement.pk})


def catalogue_for(locale) -> "CatalogueIndexPage":
    """The live catalogue page in a locale (falling back to any), for links from other pages."""
    pages = CatalogueIndexPage.objects.live()
    page = pages.filter(locale=locale).first() or pages.first()
    if page is None:
        raise Http404(_("Katalog belum disiapkan."))
    return page


class StatisticsPage(Page):
    """Charts of the public register with their data tables; figures come from the selectors."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("halaman statistik")

    def get_context(self, request, *args, **kwargs):
        from .views.statistics import statistics_context

        context = super().get_context(request, *args, **kwargs)
        context.update(statistics_context(request=request))
        return context


class ServiceStandardBlock(blocks.StructBlock):
    """The service standard of one kind of cooperation, as Permenpan-RB 15/2014 lists it."""

    kind = blocks.CharBlock(label=_("jenis kerja sama"))
    requirements = blocks.ListBlock(blocks.CharBlock(label=_("persyaratan")), label=_("persyaratan"))
    steps = blocks.ListBlock(blocks.CharBlock(label=_("langkah")), label=_("prosedur"))
    duration = blocks.CharBlock(label=_("jangka waktu penyelesaian"))
    cost = blocks.CharBlock(label=_("biaya"), required=False)
    output = blocks.CharBlock(label=_("produk layanan"))

    class Meta:
        template = "portal/blocks/service_standard.html"
        icon = "list-ol"
        label = _("Standar layanan")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("pertanyaan"))
    answer = blocks.RichTextBlock(label=_("jawaban"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        template = "portal/blocks/question.html"
        icon = "help"
        label = _("Tanya jawab")


class StandardPage(Page):
    """Procedures, FAQ and service standards, written by editors."""

    intro = RichTextField(_("pengantar"), blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(label=_("subjudul"), template="portal/blocks/heading.html")),
            ("paragraph", blocks.RichTextBlock(label=_("paragraf"))),
            ("service_standard", ServiceStandardBlock()),
            ("question", QuestionBlock()),
        ],
        blank=True,
        verbose_name=_("isi"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("halaman informasi")


class OpenDataFile(models.Model):
    """One built bulk file of the open-data publication (CSV, XLSX, OCDS, the documents' text).

    Built by `portal.open_data.bulk` for one version of the public register and kept in the
    documents storage (S3 in production); `version` says which register state it holds, so a
    changed register is noticed and the file rebuilt rather than served stale for ever.
    """

    name = models.CharField(_("nama berkas"), max_length=80, unique=True)
    file = models.FileField(_("berkas"), upload_to="open-data", storage=document_storage, max_length=200)
    content_type = models.CharField(_("jenis isi"), max_length=120)
    version = models.CharField(_("versi register"), max_length=200)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    record_count = models.PositiveIntegerField(_("jumlah rekaman"), default=0)
    built_at = models.DateTimeField(_("dibuat pada"))

    class Meta:
        verbose_name = _("berkas data terbuka")
        verbose_name_plural = _("berkas data terbuka")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
