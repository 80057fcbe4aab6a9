"""Forms of the public site."""
