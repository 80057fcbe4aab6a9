from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "agreement_search"
    verbose_name = "Pencarian"
