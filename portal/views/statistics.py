"""Figures for the statistics page (to be completed)."""


def statistics_context(*, request) -> dict:
    return {}
