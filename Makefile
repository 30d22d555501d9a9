# Quick start:  make demo   (installs what is missing, builds, decodes the bundled Werkzeug cookie, re-issues it)
#               make test   (self-containment and format checks, swift test, live Werkzeug interop on Python 3 and
#                            2.7, the hostile corpus, the demo server end to end against a Werkzeug app, and a real browser)
SWIFT ?= swift
BUILD ?= .build
TOOL := $(BUILD)/debug/securecookie
# The Hummingbird and Vapor middlewares, their tests and the demo server are behind the package traits `Hummingbird`
# and `Vapor` (off for packages that depend on this one). Every build here turns both on, so none rebuilds another's work.
TRAITS ?= --traits Hummingbird,Vapor
# Python 2.7: PY27 when given, else python2.7/python2 on PATH, else pyenv's (scripts/find-python2.sh); empty
# when there is none, and then the Python 2.7 stages are skipped, loudly.
PY27 ?= $(shell scripts/find-python2.sh)
export PY27

.PHONY: demo test test-summary deps python browser-deps build swift-test self-contained format-check format interop \
	arithmetic-check hostile differential leakcheck e2e browser examples fixtures clean

demo: python build
	scripts/demo.sh $(TOOL)

# Runs every stage even when one fails, so one run shows all; fails if any failed.
test: python
	@status=0; $(MAKE) --no-print-directory self-contained || status=1; \
	$(MAKE) --no-print-directory format-check || status=1; \
	$(MAKE) --no-print-directory arithmetic-check || status=1; \
	$(MAKE) --no-print-directory swift-test || status=1; \
	$(MAKE) --no-print-directory interop || status=1; \
	$(MAKE) --no-print-directory hostile || status=1; \
	$(MAKE) --no-print-directory differential || status=1; \
	$(MAKE) --no-print-directory leakcheck || status=1; \
	$(MAKE) --no-print-directory e2e || status=1; \
	$(MAKE) --no-print-directory browser || status=1; \
	if [ -z "$(PY27)" ]; then \
	  echo "!!!!!!!! no Python 2.7 (looked at PY27, PATH and pyenv): the Python 2.7 stages of interop and e2e were SKIPPED !!!!!!!!" >&2; \
	fi; exit $$status

deps:
	scripts/install-deps.sh

python:
	scripts/install-deps.sh --python

# Chromium for the browser test (optional: the test skips loudly without it).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null 2>&1)) || echo "chromium could not be installed" >&2

build: deps
	$(SWIFT) build --scratch-path $(BUILD) $(TRAITS) --product securecookie

swift-test: deps
	$(SWIFT) test --scratch-path $(BUILD) $(TRAITS)

# Nothing tracked may name a path outside the repository (a clone anywhere must test itself).
self-contained:
	python3 scripts/check-self-contained.py

# The committed .swift-format, strictly: any finding fails (`make format` fixes the layout ones).
FORMATTED := Sources Plugins Tests Benchmarks/Sources Fuzz
format-check:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

# Every integer conversion and shift in Sources/ and Plugins/ is audited (`// checked: why`), so a new
# unchecked one on outside data cannot land unnoticed (scripts/check-arithmetic.sh).
arithmetic-check:
	scripts/check-arithmetic.sh

format:
	$(SWIFT) format --in-place --recursive $(FORMATTED)

interop: python build
	scripts/interop.sh $(TOOL)

# The hostile corpus through the built binary under memory and time bounds (scripts/hostile.sh).
hostile: build
	scripts/hostile.sh $(TOOL)

# Differential checks against the real Python codecs (fixed seeds): pickles through CPython 3.11's C
# _pickle, YAML through PyYAML's safe_load, MessagePack through msgpack.unpackb; any disagreement not
# listed with its reason in the harness's exceptions file fails (Interop/*-diff/README.md).
differential: python build
	PYTHON=$(CURDIR)/.venv-interop/py3/bin/python Interop/pickle-diff/run.sh 2000 $(TOOL)
	TOOL=$(CURDIR)/$(TOOL) Interop/yaml-diff/run.sh 1000
	TOOL=$(CURDIR)/$(TOOL) Interop/msgpack-diff/run.sh 1000

# The C-backed codecs (libyaml, msgpack-c) under valgrind over their conformance data, fixtures
# and hostile inputs: any definite or indirect leak or memory error fails.
leakcheck: deps
	@command -v valgrind >/dev/null 2>&1 || (apt-get install -y -qq valgrind >/dev/null 2>&1 || \
	  (apt-get update -qq && apt-get install -y -qq valgrind >/dev/null 2>&1)) || echo "valgrind could not be installed" >&2
	scripts/leakcheck/yaml.sh
	scripts/leakcheck/msgpack/leakcheck.sh

# The demo server end to end: a Werkzeug 0.16.1 app (Python 3 and 2.7) shares its session with it.
e2e: python
	SCRATCH=$(BUILD) Interop/demo/e2e.sh

# Headless Chromium against the demo server: the cookie survives three visits; oversize is refused.
browser: browser-deps
	SCRATCH=$(BUILD) Interop/demo/browser.sh

# The consumer packages in Examples/ (beside jwt-kit on swift-crypto 4.x; on swift-crypto 3.12.3): each builds,
# compiles no Hummingbird or NIO module, and runs a cookie round trip. Each compiles swift-crypto again: CI runs it.
examples:
	scripts/examples.sh

# A plain closing line for CI logs, after every stage has printed its own.
test-summary:
	@echo "make test: every stage passed"

# Regenerates Fixtures/werkzeug/*.jsonl and the demo cookie with real Werkzeug (Python 3 and 2.7).
fixtures: python
	.venv-interop/py3/bin/python Fixtures/werkzeug/make_fixtures.py $(if $(PY27),--python2 $(PY27)) --py2-site .venv-interop/py27-site

clean:
	rm -rf .venv-interop
