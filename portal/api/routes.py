"""The API's routers, each in its own module, mounted on the one NinjaAPI."""

from . import api
from .agreements import router as agreements_router
from .bulk import router as bulk_router
from .dcat import router as dcat_router
from .documents import router as documents_router
from .monev import router as monev_router
from .ocds import router as ocds_router
from .reference import router as reference_router

api.add_router("/agreements", agreements_router, tags=["agreements"])
api.add_router("/documents", documents_router, tags=["documents"])
api.add_router("/monev", monev_router, tags=["monev"])
api.add_router("/", reference_router, tags=["reference"])
api.add_router("/ocds", ocds_router, tags=["ocds"])
api.add_router("/dcat", dcat_router, tags=["dcat"])
api.add_router("/bulk", bulk_router, tags=["bulk"])
