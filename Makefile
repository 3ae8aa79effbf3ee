# The two commands of the README: `make dashboard` and `make test`.
# Both set up everything on a fresh machine first (virtualenv, Python packages,
# and for the tests Debian's chromium and CJK fonts).
VENV ?= .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock
STAMP := $(VENV)/.requirements-installed
# The dashboard's port: make dashboard PORT=8502
PORT ?= 8501

.PHONY: dashboard test system-deps setup lock

dashboard: $(STAMP)
	$(VENV)/bin/streamlit run streamlit_app.py --server.port $(PORT)

test: $(STAMP) system-deps
	$(PY) -m pytest

setup: $(STAMP) system-deps

# Installs exactly the versions of the lock (with their hashes), so a fresh machine runs
# what was tested, not whatever was released last night.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r $(LOCK)
	# the project itself, editable: puts orgwork-extract on $(VENV)/bin
	$(PY) -m pip install -q --no-deps -e .
	# build the gazetteer's cache (extract/_cache) now, not in the first run's start-up
	$(PY) -c "from extract.run.engines import warm_up; warm_up()"
	touch $@

# Re-resolve requirements.txt (the ranges we accept) into the lock; commit both together.
lock:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q uv
	$(VENV)/bin/uv pip compile requirements.txt --generate-hashes --python-version 3.11 \
		--no-header --annotation-style line -o $(LOCK)

system-deps:
	bash scripts/install-system-deps.sh
