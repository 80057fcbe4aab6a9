"""The text status of a document, with the "Proses ulang teks" button for staff who may use it."""

from django import template

from ..services.document_text import documents_rerunnable_by, may_rerun_extraction

register = template.Library()


@register.inclusion_tag("cooperation/includes/document_text_status.html", takes_context=True)
def document_text_status(context, document, *, inside_form: bool = False, next_url: str = "") -> dict:
    """``inside_form``: the page already has a form around us (Wagtail's edit page), so no nested form.

    ``next_url``: where the re-run returns to, when the page is not the one requested (a filtered fragment).
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "document": document,
        "can_rerun": bool(user) and _may_rerun(request, user, document),
        "inside_form": inside_form,
        "next": next_url or (request.get_full_path() if request else ""),
        "csrf_token": context.get("csrf_token"),
    }


def prime_rerun_answers(request, documents) -> None:
    """For a list of documents of many records (a report): answer every row in a few queries up front."""
    documents = list(documents)
    allowed = documents_rerunnable_by(user=request.user, documents=documents)
    request.__dict__.setdefault("_document_rerun_by_pk", {}).update({d.pk: d.pk in allowed for d in documents})


def _may_rerun(request, user, document) -> bool:
    """Asked once per record and classification on a page, so a list of documents costs no query per row.

    Every document of one agreement (or proposal) of the same classification gets the same answer.
    """
    primed = request.__dict__.get("_document_rerun_by_pk", {})
    if document.pk in primed:
        return primed[document.pk]
    answers = request.__dict__.setdefault("_document_rerun_answers", {})
    key = (document.agreement_id, document.proposal_id, document.external_request_id, document.is_restricted)
    if key not in answers:
        answers[key] = may_rerun_extraction(user=user, document=document)
    return answers[key]
