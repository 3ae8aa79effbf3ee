# The two commands of the README: `make dashboard` and `make test`.
# Both set up everything on a fresh machine first (virtualenv, Python packages,
# and for the tests Debian's chromium and CJK fonts).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
# The dashboard's port: make dashboard PORT=8502
PORT ?= 8501

.PHONY: dashboard test system-deps setup

dashboard: $(STAMP)
	$(VENV)/bin/streamlit run streamlit_app.py --server.port $(PORT)

test: $(STAMP) system-deps
	$(PY) -m pytest

setup: $(STAMP) system-deps

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	# the project itself, editable: puts orgwork-extract on $(VENV)/bin
	$(PY) -m pip install -q --no-deps -e .
	touch $@

system-deps:
	bash scripts/install-system-deps.sh
