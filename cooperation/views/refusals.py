"""How the admin shows a service's refusal: a ValidationError or PermissionDenied becomes messages on
the page or errors on the form, never an error page."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

REFUSALS = (ValidationError, PermissionDenied)


def refusal_messages(error: Exception) -> list[str]:
    """The reasons the service gave; a bare PermissionDenied reads as "not authorised"."""
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or str(_("Anda tidak berwenang melakukan tindakan ini."))]


class RefusalRedirectMixin:
    """For snippet views that submit or run a workflow action: a refusal sends the user back to
    ``refusal_url_name`` (a "namespace:view" taking the object's pk) with the reasons as messages."""

    refusal_url_name = ""
    # Said first, above the reasons, when the refusal leaves something behind (e.g. a saved draft).
    refusal_warning = ""

    def refused_as_message(self, act: Callable[[], HttpResponse | None]) -> HttpResponse | None:
        try:
            return act()
        except REFUSALS as error:
            if self.refusal_warning:
                messages.warning(self.request, self.refusal_warning)
            for message in refusal_messages(error):
                messages.error(self.request, message)
            return redirect(self.refusal_url_name, self.object.pk)


class SubmitThroughServiceMixin(RefusalRedirectMixin):
    """For the create and edit views of a record under a review workflow: "Ajukan" runs ``submit``
    (the service, with its checks) instead of Wagtail's bare workflow start; a refused submission or
    workflow action comes back as messages."""

    def submit(self) -> None:
        raise NotImplementedError

    def submit_action(self):
        return self.refused_as_message(self.submit)

    def workflow_action_action(self):
        return self.refused_as_message(super().workflow_action_action)


class RefusalOnFormMixin:
    """For form pages that call a service: its refusal shows above the form, which is shown again."""

    def refused(self, form, error: Exception) -> HttpResponse:
        for message in refusal_messages(error):
            form.add_error(None, message)
        return self.form_invalid(form)
