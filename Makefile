# Quick start:  make demo   (installs what is missing, builds, decodes the bundled Werkzeug cookie, re-issues it)
#               make test   (swift test + live Werkzeug interop on Python 3 and Python 2.7)
SWIFT ?= swift
BUILD ?= .build
TOOL := $(BUILD)/debug/securecookie
PY27 ?= /root/.pyenv/versions/2.7.18/bin/python2.7
export PY27

.PHONY: demo test deps python build swift-test interop hostile fixtures clean

demo: python build
	scripts/demo.sh $(TOOL)

# Runs the interop even when swift test fails, so one run shows both; fails if either failed.
test: python
	@status=0; $(MAKE) --no-print-directory swift-test || status=1; \
	$(MAKE) --no-print-directory interop || status=1; exit $$status

deps:
	scripts/install-deps.sh

python:
	scripts/install-deps.sh --python

build: deps
	$(SWIFT) build --scratch-path $(BUILD) --product securecookie

swift-test: deps
	$(SWIFT) test --scratch-path $(BUILD)

interop: python build
	scripts/interop.sh $(TOOL)

# The hostile corpus through the built binary under memory and time bounds (scripts/hostile.sh).
hostile: build
	scripts/hostile.sh $(TOOL)

# Regenerates Fixtures/werkzeug/*.jsonl and the demo cookie with real Werkzeug (Python 3 and 2.7).
fixtures: python
	.venv-interop/py3/bin/python Fixtures/werkzeug/make_fixtures.py --python2 $(PY27) --py2-site .venv-interop/py27-site

clean:
	rm -rf .venv-interop
