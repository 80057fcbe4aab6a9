"""Queries of the portal's own models: the bulk files of the open-data publication.

Building, swapping and deleting the files is `portal.open_data.bulk`'s work; reading which are
stored is here, for the bulk service, the DCAT catalogue, the API and the Data Terbuka page alike.
"""

from collections.abc import Iterable

from .models import OpenDataFile


def stored_open_data_files(names: Iterable[str]) -> dict[str, OpenDataFile]:
    """The built files among `names`, by name, in one query."""
    return {row.name: row for row in OpenDataFile.objects.filter(name__in=list(names))}


def stored_open_data_file(name: str) -> OpenDataFile | None:
    return OpenDataFile.objects.filter(name=name).first()
