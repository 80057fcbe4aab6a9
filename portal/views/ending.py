"""The public "Akan Berakhir" list: public agreements whose term ends within the warning window.

Read through `public_agreements()` (the one door to public data) and `ending_soon_condition()`
(the one definition of "Akan Berakhir"), soonest end first, so the public can see which
cooperation is about to lapse before it does.
"""

import datetime

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cooperation.models.agreements import expiry_horizon
from cooperation.selectors.public import public_agreements_ending_soon

from .agreements import PAGE_PARAMETER, CatalogueLinks, _join_names, _party_names

PER_PAGE = 20


def time_left(ends_on: datetime.date, *, today: datetime.date) -> dict:
    """Days left, a rounded month count, and which warning window (1, 3 or 6 months) the end falls in."""
    days = (ends_on - today).days
    months = round(days / 30.44)
    if days == 0:
        text = _("Berakhir hari ini")
    else:
        text = ngettext("%(days)s hari lagi", "%(days)s hari lagi", days) % {"days": days}
        if months >= 1:
            text += " " + ngettext("(± %(months)s bulan)", "(± %(months)s bulan)", months) % {"months": months}
    if ends_on <= expiry_horizon(today, 1):
        window, window_label = 1, _("Kurang dari 1 bulan")
    elif ends_on <= expiry_horizon(today, 3):
        window, window_label = 3, _("1 s.d. 3 bulan")
    else:
        window, window_label = 6, _("3 s.d. 6 bulan")
    return {"days": days, "months": months, "text": text, "window": window, "window_label": window_label}


def ending_soon(request: HttpRequest, *, page) -> HttpResponse:
    """`akan-berakhir/` under the catalogue: one page of the list, `?halaman=N` for the next ones."""
    today = timezone.localdate()
    links = CatalogueLinks(catalogue=page, request=request)
    page_obj: PaginatorPage = Paginator(public_agreements_ending_soon(today=today), PER_PAGE).get_page(
        request.GET.get(PAGE_PARAMETER)
    )
    rows = [
        {
            "agreement": agreement,
            "url": links.agreement(agreement),
            "partners": _join_names(_party_names(agreement)),
            "agencies": [
                {"agency": agency, "url": links.agency(agency)} for agency in agreement.implementing_agencies.all()
            ],
            "left": time_left(agreement.ends_on, today=today),
        }
        for agreement in page_obj.object_list
    ]
    context = {
        "page": page,
        "catalogue_url": links.base,
        "page_obj": page_obj,
        "page_parameter": PAGE_PARAMETER,
        "rows": rows,
        "months": settings.COOPERATION_EXPIRY_WARNING_MONTHS,
        "today": today,
        "horizon": expiry_horizon(today),
    }
    return TemplateResponse(request, "portal/catalogue/ending_soon.html", context)
