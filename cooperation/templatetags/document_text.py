"""The text status of a document, with the "Proses ulang teks" button for staff who may use it."""

from django import template

from ..services.document_text import may_rerun_extraction

register = template.Library()


@register.inclusion_tag("cooperation/includes/document_text_status.html", takes_context=True)
def document_text_status(context, document, *, inside_form: bool = False) -> dict:
    """``inside_form``: the page already has a form around us (Wagtail's edit page), so no nested form."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "document": document,
        "can_rerun": bool(user) and _may_rerun(request, user, document),
        "inside_form": inside_form,
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
    }


def _may_rerun(request, user, document) -> bool:
    """Asked once per record and classification on a page, so a list of documents costs no query per row.

    Every document of one agreement (or proposal) of the same classification gets the same answer.
    """
    answers = request.__dict__.setdefault("_document_rerun_answers", {})
    key = (document.agreement_id, document.proposal_id, document.external_request_id, document.is_restricted)
    if key not in answers:
        answers[key] = may_rerun_extraction(user=user, document=document)
    return answers[key]
