# Si Mbois Ker: the two commands are `make run` and `make test` (see README.md).
# Everything else here is a convenience. Nothing needs to be installed first but Python 3.11+.

SHELL := /bin/bash
.DEFAULT_GOAL := help
# Gates share the database file and caches: never run them in parallel.
.NOTPARALLEL:

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
# Written after a successful install; reinstall only when pyproject.toml is newer.
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
BENCH_ARGS ?=

# The gates `make test` runs, in order.
GATES ?= lint-check format-check migrations-check deploy-check test-sqlite test-postgres

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1

.PHONY: help run test install logins lint format bench clean \
	lint-check format-check migrations-check deploy-check test-sqlite test-postgres

help:
	@echo "make run     virtualenv + install, migrate, demo data, server on http://$(HOST):$(PORT)"
	@echo "make test    virtualenv + install, then every gate: $(GATES)"
	@echo "             (PostgreSQL too when POSTGRES_URL=postgres://user:pass@host:port/db is set)"
	@echo "make lint    ruff check + ruff format --check"
	@echo "make format  ruff format + ruff check --fix"
	@echo "make bench   python bench/register.py \$$BENCH_ARGS"
	@echo "make clean   remove caches and test media (keeps .venv and db.sqlite3)"

# --- environment --------------------------------------------------------------------------

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11+ not found (python3.11 or python3)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "$(PYTHON) is older than Python 3.11." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# axe-core for the browser tests' accessibility audit; without npm those tests skip (fail when CI=true).
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser accessibility tests will skip."; fi

install: $(STAMP) $(NODE_STAMP)

# --- make run -----------------------------------------------------------------------------

run: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) build_open_data
	@$(MAKE) --no-print-directory logins
	$(MANAGE) runserver $(HOST):$(PORT)

logins:
	@echo
	@echo "Si Mbois Ker is starting on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Demo logins, all with password demo12345:"
	@echo "  admin        Administrator"
	@echo "  sekretariat  Sekretariat (Bagian Pemerintahan)"
	@echo "  hukum        Bagian Hukum"
	@echo "  tkksd        TKKSD"
	@echo "  pimpinan     Pimpinan (Sekda/Wali Kota)"
	@echo "  opd          Staf OPD (Dinas Kesehatan)"
	@echo "  opd2         Staf OPD (Diskominfo)"
	@echo "  editor       Editor/PPID"
	@echo

# --- make test ----------------------------------------------------------------------------

# Runs every gate even when one fails, then names the ones that broke.
test: $(STAMP)
	@failed=""; \
	for gate in $(GATES); do \
		echo; echo "==> gate: $$gate"; start=$$SECONDS; \
		if $(MAKE) --no-print-directory $$gate; then \
			echo "==> gate: $$gate passed ($$((SECONDS - start)) s)"; \
		else \
			echo "==> gate: $$gate FAILED ($$((SECONDS - start)) s)"; failed="$$failed $$gate"; \
		fi; \
	done; \
	echo; \
	if [ -n "$$failed" ]; then echo "make test: FAILED gates:$$failed"; exit 1; fi; \
	echo "make test: all gates passed ($(GATES))"

lint-check: $(STAMP)
	$(BIN)/ruff check .

format-check: $(STAMP)
	$(BIN)/ruff format --check .

migrations-check: $(STAMP)
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=portal.settings.dev \
		$(MANAGE) makemigrations --check --dry-run

# Production settings with throwaway values: a fresh 64-character key on every run.
deploy-check: $(STAMP)
	env -u DATABASE_URL -u DEBUG DJANGO_SETTINGS_MODULE=portal.settings.production \
		SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')" \
		ALLOWED_HOSTS=simboisker.example.go.id \
		$(MANAGE) check --deploy --fail-level WARNING

# pytest's exit code 5 means "no tests collected": that is a failure here, never a pass.
PYTEST_NO_TESTS_IS_FAILURE = rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests (exit 5): failing." >&2; exit 1; fi; \
	exit $$rc

test-sqlite: $(STAMP) $(NODE_STAMP)
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=portal.settings.test \
		$(BIN)/pytest $(PYTEST_ARGS); $(PYTEST_NO_TESTS_IS_FAILURE)

# POSTGRES_URL=postgres://user:password@127.0.0.1:5432/simboisker; pytest-django creates and
# drops test_<database>, so the role needs CREATEDB. Unset: skipped, except in CI (CI=true).
test-postgres: $(STAMP) $(NODE_STAMP)
	@if [ -z "$$POSTGRES_URL" ]; then \
		if [ "$$CI" = "true" ]; then \
			echo "POSTGRES_URL is not set but CI=true: the PostgreSQL run may not be skipped." >&2; \
			exit 1; \
		fi; \
		echo "POSTGRES_URL is not set: PostgreSQL run skipped."; exit 0; \
	fi; \
	echo "pytest on PostgreSQL ($${POSTGRES_URL%%://*}://…@$${POSTGRES_URL#*@})"; \
	DATABASE_URL="$$POSTGRES_URL" DJANGO_SETTINGS_MODULE=portal.settings.test \
		$(BIN)/pytest $(PYTEST_ARGS); $(PYTEST_NO_TESTS_IS_FAILURE)

# --- conveniences -------------------------------------------------------------------------

lint: $(STAMP)
	@rc=0; $(BIN)/ruff check . || rc=1; $(BIN)/ruff format --check . || rc=1; exit $$rc

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(PY) bench/register.py $(BENCH_ARGS)

clean:
	rm -rf .pytest_cache .ruff_cache .test-media .test-private-media *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
