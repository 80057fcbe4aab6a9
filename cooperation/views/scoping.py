"""One scoping rule for every admin view that names a record by its primary key."""

from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.snippets.views import snippets as snippet_views

# Views that only read a record; any other view that names one changes it.
READ_ONLY_VIEWS = (
    generic.InspectView,
    HistoryView,
    UsageView,
    snippet_views.PreviewRevisionView,
    snippet_views.RevisionsCompareView,
    snippet_views.WorkflowHistoryView,
    snippet_views.WorkflowHistoryDetailView,
)

Selector = Callable[..., QuerySet]


class ScopedObjectMixin:
    """Refuse, before anything is loaded or rendered, a record outside the user's scope.

    Records the user may not see answer 404, exactly like records that do not exist; records
    the user may see but not change answer 403 on every view that changes them.
    """

    read_only_view = False
    visible_to: Selector
    changeable_by: Selector

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            pk = unquote(str(pk))
            if not type(self).visible_to(user=request.user).filter(pk=pk).exists():
                raise Http404
            if not self.read_only_view and not type(self).changeable_by(user=request.user).filter(pk=pk).exists():
                raise PermissionDenied
        super().setup(request, *args, **kwargs)


def scoped(view_class: type, *, visible_to: Selector, changeable_by: Selector) -> type:
    return type(
        f"Scoped{view_class.__name__}",
        (ScopedObjectMixin, view_class),
        {
            "read_only_view": issubclass(view_class, READ_ONLY_VIEWS),
            "visible_to": staticmethod(visible_to),
            "changeable_by": staticmethod(changeable_by),
        },
    )
