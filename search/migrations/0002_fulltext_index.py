"""The database engine's full-text index: FTS5 tables on SQLite, tsvector columns with GIN indexes on PostgreSQL.

Both are kept in step by the database itself (triggers on SQLite, generated columns on
PostgreSQL), so the ORM writes plain rows to SearchAgreement/SearchPage and the index follows.
"""

from django.db import migrations

AGREEMENT = "agreement_search_searchagreement"
PAGE = "agreement_search_searchpage"
AGREEMENT_COLUMNS = ["title_terms", "meta_terms", "summary_terms", "body_public_terms", "body_restricted_terms"]


def _sqlite_statements() -> tuple[list[str], list[str]]:
    cols = ", ".join(AGREEMENT_COLUMNS)
    new = ", ".join(f"new.{c}" for c in AGREEMENT_COLUMNS)
    old = ", ".join(f"old.{c}" for c in AGREEMENT_COLUMNS)
    forward = [
        # External content tables: the stemmed text lives once, in the Django tables.
        f"CREATE VIRTUAL TABLE search_agreement_fts USING fts5({cols}, content='{AGREEMENT}', "
        "content_rowid='agreement_id', tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER search_agreement_fts_ai AFTER INSERT ON {AGREEMENT} BEGIN "
        f"INSERT INTO search_agreement_fts(rowid, {cols}) VALUES (new.agreement_id, {new}); END",
        f"CREATE TRIGGER search_agreement_fts_ad AFTER DELETE ON {AGREEMENT} BEGIN "
        f"INSERT INTO search_agreement_fts(search_agreement_fts, rowid, {cols}) "
        f"VALUES ('delete', old.agreement_id, {old}); END",
        f"CREATE TRIGGER search_agreement_fts_au AFTER UPDATE ON {AGREEMENT} BEGIN "
        f"INSERT INTO search_agreement_fts(search_agreement_fts, rowid, {cols}) "
        f"VALUES ('delete', old.agreement_id, {old}); "
        f"INSERT INTO search_agreement_fts(rowid, {cols}) VALUES (new.agreement_id, {new}); END",
        f"CREATE VIRTUAL TABLE search_page_fts USING fts5(terms, content='{PAGE}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER search_page_fts_ai AFTER INSERT ON {PAGE} BEGIN "
        "INSERT INTO search_page_fts(rowid, terms) VALUES (new.id, new.terms); END",
        f"CREATE TRIGGER search_page_fts_ad AFTER DELETE ON {PAGE} BEGIN "
        "INSERT INTO search_page_fts(search_page_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
        f"CREATE TRIGGER search_page_fts_au AFTER UPDATE ON {PAGE} BEGIN "
        "INSERT INTO search_page_fts(search_page_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
        "INSERT INTO search_page_fts(rowid, terms) VALUES (new.id, new.terms); END",
    ]
    backward = [
        "DROP TRIGGER IF EXISTS search_page_fts_au",
        "DROP TRIGGER IF EXISTS search_page_fts_ad",
        "DROP TRIGGER IF EXISTS search_page_fts_ai",
        "DROP TABLE IF EXISTS search_page_fts",
        "DROP TRIGGER IF EXISTS search_agreement_fts_au",
        "DROP TRIGGER IF EXISTS search_agreement_fts_ad",
        "DROP TRIGGER IF EXISTS search_agreement_fts_ai",
        "DROP TABLE IF EXISTS search_agreement_fts",
    ]
    return forward, backward


def _vector(column: str, weight: str) -> str:
    return f"setweight(to_tsvector('simple'::regconfig, coalesce({column}, '')), '{weight}')"


def _postgresql_statements() -> tuple[list[str], list[str]]:
    public = " || ".join(
        [
            _vector("title_terms", "A"),
            _vector("meta_terms", "B"),
            _vector("summary_terms", "C"),
            _vector("body_public_terms", "D"),
        ]
    )
    everything = f"{public} || {_vector('body_restricted_terms', 'D')}"
    forward = [
        f"ALTER TABLE {AGREEMENT} ADD COLUMN doc_public tsvector GENERATED ALWAYS AS ({public}) STORED",
        f"ALTER TABLE {AGREEMENT} ADD COLUMN doc_all tsvector GENERATED ALWAYS AS ({everything}) STORED",
        f"CREATE INDEX search_agreement_doc_public_gin ON {AGREEMENT} USING gin (doc_public)",
        f"CREATE INDEX search_agreement_doc_all_gin ON {AGREEMENT} USING gin (doc_all)",
        f"ALTER TABLE {PAGE} ADD COLUMN body tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(terms, ''))) STORED",
        f"CREATE INDEX search_page_body_gin ON {PAGE} USING gin (body)",
    ]
    backward = [
        "DROP INDEX IF EXISTS search_page_body_gin",
        f"ALTER TABLE {PAGE} DROP COLUMN IF EXISTS body",
        "DROP INDEX IF EXISTS search_agreement_doc_all_gin",
        "DROP INDEX IF EXISTS search_agreement_doc_public_gin",
        f"ALTER TABLE {AGREEMENT} DROP COLUMN IF EXISTS doc_all",
        f"ALTER TABLE {AGREEMENT} DROP COLUMN IF EXISTS doc_public",
    ]
    return forward, backward


def _statements(vendor: str) -> tuple[list[str], list[str]]:
    if vendor == "sqlite":
        return _sqlite_statements()
    if vendor == "postgresql":
        return _postgresql_statements()
    return [], []  # other databases: the database engine is not available there


def forwards(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor)[0]:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor)[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("agreement_search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
