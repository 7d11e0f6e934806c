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

.PHONY: install run test lint format lock clean chromium

install: $(STAMP)

# uv installs the locked set in seconds where pip takes minutes; it is itself pinned.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements.lock -e '.[dev]'
	touch $(STAMP)

# The first command a new user types: the whole pipeline on the bundled offline newsroom
# (served on 127.0.0.1 for the run), then a report. A second `make run` finds nothing new.
run: $(STAMP)
	$(BIN)/ainews run --demo

test: $(STAMP) chromium
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/pytest

# The report test renders in Debian's Chromium; install it where we may (root, apt).
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) \
	  || echo "chromium not installed: the report rendering test will be skipped"; }

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
