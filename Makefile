# The two set-up commands (see README): `make run` and `make test`. Everything they need, they install.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
QUESTION ?= How many lemmas are in the dataset built from IMO proofs in Lean?

.PHONY: install run test lint

# torch first, pinned: it takes the CPU wheel on disk; unpinned, a dependency would pull a CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/paperchat ingest --if-empty
	$(VENV)/bin/paperchat ask "$(QUESTION)"

test: install
	$(PY) -m pytest -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check .
