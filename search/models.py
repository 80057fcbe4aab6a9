"""Tables of the search app: the indexing outbox and the database engine's own index.

The index tables hold ids, not foreign keys: a deleted agreement must still be found here to be
removed, and the index must never hold up a delete in the register.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An agreement whose index entry is out of date (the outbox): drained by `sync_search_index`.

    Written in the same transaction as the change, so a crash or an engine that is down never
    loses an update; rows stay until the engine has taken them.
    """

    agreement_id = models.BigIntegerField(_("ID naskah"), db_index=True)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("antrean indeks pencarian")
        verbose_name_plural = _("antrean indeks pencarian")

    def __str__(self) -> str:
        return f"{self.agreement_id} @ {self.created_at}"


class SearchAgreement(models.Model):
    """The database engine's entry for one agreement: stemmed text per field group.

    The full-text index over these columns (SQLite FTS5 table or PostgreSQL tsvector columns)
    is created by migration 0002 and kept in step by the database itself.
    """

    agreement_id = models.BigIntegerField(primary_key=True)
    title = models.TextField(blank=True)  # as written, for the highlighted title
    signed_on = models.DateField(null=True, blank=True)
    title_terms = models.TextField(blank=True)  # weight A
    meta_terms = models.TextField(blank=True)  # numbers, partner and agency names: weight B
    summary_terms = models.TextField(blank=True)  # summary, scope, subject: weight C
    body_public_terms = models.TextField(blank=True)  # pages of public documents: weight D
    body_restricted_terms = models.TextField(blank=True)  # pages of restricted documents: weight D, staff only
    indexed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("indeks naskah")
        verbose_name_plural = _("indeks naskah")

    def __str__(self) -> str:
        return self.title


class SearchPage(models.Model):
    """One page of one document, stemmed for matching and as written for snippets."""

    agreement_id = models.BigIntegerField(db_index=True)
    document_id = models.BigIntegerField(db_index=True)
    document_title = models.CharField(max_length=255, blank=True)
    page_number = models.PositiveIntegerField()
    restricted = models.BooleanField(default=False)
    text = models.TextField(blank=True)
    terms = models.TextField(blank=True)

    class Meta:
        verbose_name = _("indeks halaman")
        verbose_name_plural = _("indeks halaman")
        indexes = [models.Index(fields=["document_id", "page_number"], name="search_page_document_idx")]

    def __str__(self) -> str:
        return f"{self.document_title} p. {self.page_number}"


class SearchTerm(models.Model):
    """A word seen in the index and its stem: the vocabulary typo correction picks from."""

    word = models.CharField(max_length=64, primary_key=True)
    stem = models.CharField(max_length=64, db_index=True)
    length = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("kosakata pencarian")
        verbose_name_plural = _("kosakata pencarian")
        indexes = [models.Index(fields=["length", "word"], name="search_term_length_idx")]

    def __str__(self) -> str:
        return self.word
