"""The fixtures of the API tests: a clock frozen at NOW and the register of `helpers.build_register`.

The clock is not autouse: a module freezes it with `pytest.mark.usefixtures("frozen_clock")`, so
the schemathesis and error tests keep their own clock.
"""

import pytest
import time_machine

from .helpers import NOW, build_register


@pytest.fixture
def frozen_clock():
    """The API tests' clock: whether an agreement is Akan Berakhir (ending within six months) depends on it."""
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def register(site_pages) -> dict:
    return build_register()
