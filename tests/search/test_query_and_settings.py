"""Parsing what users type, reading SEARCH_URL, and who counts as which audience."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.audience import audience_for
from search.engines import parse_search_url
from search.engines.base import MAX_QUERY_LENGTH
from search.query import parse_query


def test_quoted_phrases_and_plain_words_are_told_apart():
    parsed = parse_query('Perjanjian "Kerja  Sama" air')

    assert parsed.terms == ["perjanjian", "air"]
    assert parsed.phrases == ["kerja sama"]


def test_an_unbalanced_quote_reads_as_plain_words():
    assert parse_query('air "minum bersih').terms == ["air", "minum", "bersih"]
    assert parse_query('air "minum bersih').phrases == []


def test_operators_and_query_syntax_are_dropped():
    parsed = parse_query('+air -minum AND (kota OR desa) NOT title:x* ~2 ^3 {"query":1} [a TO b] \\ /')

    assert "AND" not in parsed.terms and "OR" not in parsed.terms and "NOT" not in parsed.terms
    assert all(word.isalnum() for word in parsed.words)


def test_long_input_is_truncated_with_a_notice():
    parsed = parse_query("kata " * 400)

    assert parsed.truncated
    assert len(parsed.terms) <= 32
    assert not parse_query("kata").truncated
    assert MAX_QUERY_LENGTH < 2000


def test_only_symbols_make_an_empty_query():
    assert parse_query('"" () ;-- 😀').is_empty


def test_search_url_names_the_engine_hosts_credentials_and_index():
    assert parse_search_url("").engine == "database"
    config = parse_search_url("opensearchs://user:p%40ss@a.example:9201,b.example?index=Kota")

    assert config.engine == "opensearch"
    assert config.hosts == ("https://a.example:9201", "https://b.example:9200")
    assert (config.username, config.password, config.index_prefix) == ("user", "p@ss", "kota")
    assert parse_search_url("elasticsearch://127.0.0.1:9200").hosts == ("http://127.0.0.1:9200",)
    with pytest.raises(ImproperlyConfigured):
        parse_search_url("solr://x")


@pytest.mark.django_db
def test_audiences_follow_the_roles(users, health_agency):
    from django.contrib.auth.models import AnonymousUser

    assert audience_for(AnonymousUser()).public
    assert audience_for(users["no_role"]).public
    assert audience_for(users["secretariat"]).agency_ids is None
    staff = audience_for(users["health_staff"])
    assert not staff.public and staff.agency_ids == frozenset({health_agency.pk})
