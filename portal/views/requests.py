"""Requests for cooperation from outside: the public form, the one-time receipt, the status page.

The token travels only in POST bodies and in the session between the form and its receipt, never in
a URL, and is shown once. The status page shows stages and dates, nothing written by staff.
"""

import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from cooperation.models import ExternalRequest, ExternalRequestStatus
from cooperation.selectors import proposal_timeline
from cooperation.services.requests import RateLimited, find_request, submit_external_request

from ..forms.requests import HONEYPOT_FIELD, ExternalRequestForm, RequestStatusForm

logger = logging.getLogger(__name__)

RECEIPT_SESSION_KEY = "external_request_receipt"


def client_address(request) -> str | None:
    """The visitor's address: REMOTE_ADDR, or the entry the trusted proxies appended to X-Forwarded-For."""
    candidate = request.META.get("REMOTE_ADDR", "")
    proxies = settings.COOPERATION_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the fields it names, or on the form when it names none of them."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@method_decorator(never_cache, name="dispatch")
class RequestFormView(FormView):
    form_class = ExternalRequestForm
    template_name = "portal/requests/form.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "honeypot_field": HONEYPOT_FIELD}

    def post(self, request, *args, **kwargs):
        if request.POST.get(HONEYPOT_FIELD):
            # Answer a bot as if it had succeeded, and keep nothing.
            logger.info("Honeypot filled on the request form from %s; nothing stored.", client_address(request))
            return render(request, "portal/requests/received.html", {"receipt": None, "decoy": True})
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            external_request, token = submit_external_request(
                data=form.request_data(),
                attachments=form.cleaned_data["attachments"],
                ip=client_address(self.request),
            )
        except RateLimited as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        self.request.session[RECEIPT_SESSION_KEY] = {"number": external_request.number, "token": token}
        return redirect("external_request_received")


@method_decorator(never_cache, name="dispatch")
class RequestReceivedView(View):
    """Shows the number and token once: they leave the session as they are shown."""

    def get(self, request):
        receipt = request.session.pop(RECEIPT_SESSION_KEY, None)
        return render(request, "portal/requests/received.html", {"receipt": receipt, "decoy": False})


@method_decorator(never_cache, name="dispatch")
class RequestStatusView(FormView):
    form_class = RequestStatusForm
    template_name = "portal/requests/status.html"

    def form_valid(self, form):
        external_request = find_request(number=form.cleaned_data["number"], token=form.cleaned_data["token"])
        if external_request is None:
            return self.render_to_response(self.get_context_data(form=form, not_found=True))
        return self.render_to_response(
            self.get_context_data(form=self.form_class(), tracked=public_progress(external_request))
        )


def public_progress(external_request: ExternalRequest) -> dict:
    """What an applicant may know: stages, their dates and status labels. No comments, notes or names."""
    progress = {
        "number": external_request.number,
        "title": external_request.title,
        "status": external_request.status,
        "status_label": external_request.get_status_display(),
        "received_at": external_request.received_at,
        "handled_at": external_request.triaged_at,
        "forwarded": external_request.status == ExternalRequestStatus.TRIAGED,
        "declined": external_request.status == ExternalRequestStatus.DECLINED,
        "proposal": None,
    }
    proposal = external_request.proposal
    if proposal is not None:
        progress["proposal"] = {
            "status_label": proposal.get_status_display(),
            "submitted_at": proposal.submitted_at,
            "decided_at": proposal.decided_at,
            "stages": [
                {
                    "stage": row["stage"],
                    "started_at": row["started_at"],
                    "finished_at": row["finished_at"],
                    "status_label": row["status_label"],
                }
                for row in proposal_timeline(proposal=proposal)
            ],
        }
    return progress
