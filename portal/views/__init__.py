"""Views of the public site (Wagtail serves the pages; these are the plain Django ones)."""
