# Two commands do all set-up from a fresh clone: `make synth` and `make test`.
# Both create the virtualenv and install the pinned dependencies on first use.
# BACKEND=cdktf (the default: this repository's example and README are cdktf apps) or BACKEND=cdktn
# (CDK Terrain; the same apps, their imports rewritten as CDK Terrain's migration guide says).
PYTHON ?= python3
BACKEND ?= cdktf
ifeq ($(BACKEND),cdktf)
VENV := .venv
LOCK := requirements.lock
NODE_DIR := .
else ifeq ($(BACKEND),cdktn)
VENV := .venv-cdktn
LOCK := requirements-cdktn.lock
NODE_DIR := tools/cdktn
else
$(error BACKEND=$(BACKEND) is not a backend: use BACKEND=cdktf or BACKEND=cdktn)
endif
export CDKTF_USERPOOL_BACKEND := $(BACKEND)
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) pyproject.toml | sha1sum | cut -c1-12)
NODE_STAMP := $(NODE_DIR)/node_modules/.installed-$(shell cat $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json | sha1sum | cut -c1-12)
CHECKOV_VENV := .venv-checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed-$(shell cat requirements-checkov.lock | sha1sum | cut -c1-12)
DOCS_VENV := .venv-docs
DOCS_STAMP := $(DOCS_VENV)/.installed-$(shell cat requirements-docs.lock | sha1sum | cut -c1-12)

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1
export CHECKPOINT_DISABLE := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: synth test install dist docs clean bench bench-invoke bench-backends bench-local bench-cognito bench-login bench-snapshot bench-reapply bench-check-plan bench-concurrency bench-init local

install: $(STAMP) $(NODE_STAMP) $(CHECKOV_STAMP)

$(STAMP): $(LOCK) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# checkov lives in its own virtualenv: its dependencies must not move the library's pins.
$(CHECKOV_STAMP): requirements-checkov.lock
	@test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	@rm -f $(CHECKOV_VENV)/.installed-*
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-checkov.lock
	@touch $@

# The documentation site's tools live in their own virtualenv too (requirements-docs.lock).
$(DOCS_STAMP): requirements-docs.lock
	@test -x $(DOCS_VENV)/bin/python || $(PYTHON) -m venv $(DOCS_VENV)
	@rm -f $(DOCS_VENV)/.installed-*
	$(DOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-docs.lock
	@touch $@

$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Synthesize the example app offline into cdktf.out/ and summarize what is in it.
synth: $(STAMP) $(NODE_STAMP)
	@rm -rf cdktf.out
	$(PY) tools/for_backend.py examples/app.py
	@$(PY) -m cdktf_userpool summary cdktf.out

## Run the test suite (it also runs the cdktf CLI and checkov on every example app).
test: $(STAMP) $(NODE_STAMP) $(CHECKOV_STAMP)
	$(PY) -m pytest

## Apply the example app to a local AWS emulator (Terraform + moto, offline) and serve until Ctrl-C.
local: synth
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" \
	$(PY) -m cdktf_userpool local up --outdir cdktf.out --prepare examples/prepare_local.py:prepare

## Build the sdist and the wheel into dist/ with the standard build tool (pinned; offline), check them, print their paths.
dist: $(STAMP)
	@rm -rf dist build
	@$(PY) -m build --no-isolation --outdir dist . > .dist.log 2>&1 || (cat .dist.log; rm -f .dist.log; exit 1)
	@rm -rf build .dist.log
	@$(PY) tools/check_dist.py dist

## Build the documentation site into site/ (MkDocs Material, the reference from the docstrings; offline, --strict:
## a broken link, a missing anchor or a page left out of mkdocs.yml's nav fails it).
docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/python -m mkdocs build --strict --site-dir site
	@$(DOCS_VENV)/bin/python tools/griffe_sphinx_roles.py site/reference
	@echo "site/: $$(find site -name '*.html' | wc -l) pages; open site/index.html"

clean:
	rm -rf cdktf.out .pytest_cache build *.egg-info dist site

## Benchmark synth time against hand-written equivalents; writes docs/performance.md (not run by CI).
bench: $(STAMP)
	$(PY) bench/run.py

## Compare the two framework backends (needs both virtualenvs: make test and make test BACKEND=cdktn).
bench-backends: $(STAMP)
	$(PY) bench/backends.py

## Time the local deploy of the example app (needs terraform and the AWS provider); updates its section of docs/performance.md.
bench-local: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/local.py

## Time check-plan on a plan of 50 pools with 12 triggers each; updates its section of docs/performance.md.
bench-check-plan: $(STAMP)
	$(PY) bench/check_plan.py

## Time a local re-apply of a changed and an unchanged stack against its first apply; updates its section of docs/performance.md.
bench-reapply: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/reapply.py

## Time a project init writes: init, its make synth and make test (its local deploy included); updates its section of docs/performance.md.
bench-init: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/init_project.py

## Time the local user pool's sign-up -> confirm -> sign-in flow, cold and warm (needs terraform and the AWS provider); updates its section of docs/performance.md.
bench-cognito: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/cognito_flows.py

## Run sign-up -> sign-in flows with 1, 4 and 8 concurrent clients on one local pool (needs terraform and the AWS provider); updates its section of docs/performance.md.
bench-concurrency: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/concurrency.py

## Time a warm sign-in through a local pool's managed login (needs terraform and the AWS provider); updates its section of docs/performance.md.
bench-login: $(STAMP)
	CDKTF_USERPOOL_TF_PLUGIN_DIR="$$(.ci/find-provider-mirror)" $(PY) bench/managed_login.py

## Measure cold and warm testing.invoke latency; updates its section of docs/performance.md.
bench-invoke: $(STAMP)
	$(PY) bench/invoke.py

## Time testing.snapshot against the synth of the example app's stacks; updates its section of docs/performance.md.
bench-snapshot: $(STAMP)
	$(PY) bench/snapshot.py
