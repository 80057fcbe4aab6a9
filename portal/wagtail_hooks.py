from wagtail import hooks

from cooperation.models import PUBLIC_PAGE_HOOK


@hooks.register(PUBLIC_PAGE_HOOK)
def render_public_agreement_page(*, request, agreement, publication):
    """Wagtail's preview of a publication shows the real public page, draft summary included."""
    from wagtail.models import Locale

    from .models import catalogue_for
    from .views.agreements import agreement_page_context

    catalogue = catalogue_for(Locale.get_active())
    context = agreement_page_context(request=request, agreement=agreement, publication=publication, catalogue=catalogue)
    return "portal/catalogue/agreement.html", context
