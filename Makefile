# The two commands a new user types: `make run` and `make test`. Both create .venv and
# install the pinned dependencies first (only PyPI needs to be reachable).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# Keep Prefect and everything it starts on this machine: no telemetry, no ~/.prefect.
export PREFECT_HOME ?= $(CURDIR)/data/prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install run test lint format lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

# Until the crawl pipeline lands, the demo runs what exists: deal extraction on the bundled
# articles, stored in the database, then the analyst's view of it.
run: $(STAMP)
	$(BIN)/ainews init
	@for f in demo/articles/*.txt; do \
	  day=$$(basename "$$f" | cut -c1-10); \
	  $(BIN)/ainews deals --text-file "$$f" --published "$$day" --url "demo://$$(basename "$$f" .txt)" --load || exit 1; \
	done
	$(BIN)/ainews sql "SELECT kind, investors, recipient, amount, currency, round(amount_usd / 1e6) AS usd_m, n_sources FROM v_deals ORDER BY amount_usd DESC NULLS LAST"
	@echo "Database: $$($(BIN)/python -c 'from ainews.settings import Settings; print(Settings().database.resolve())')"

test: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the lock after changing pins in pyproject.toml.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
