# One entry point for everything a developer or CI runs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
PORT ?= 8501
CSV ?= data/engagements.csv

MUTANTS ?=

.PHONY: messages mutation run test lint validate geo chromium npm haproxy cluster cluster-test load-protocol clean bench load screenshots map-images

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Debian's chromium for the browser tests (Playwright's own browser download does not work offline).
chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Debian's haproxy for the balancer tests and `make cluster` (the same config as deploy/compose.yaml).
haproxy:
	@command -v haproxy >/dev/null || test -x /usr/sbin/haproxy || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq haproxy; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq haproxy; fi; }

# npm fetches Natural Earth (the world-atlas package) for `make geo` and the benchmark's naive page.
npm:
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq npm; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq npm; fi; }

run: $(STAMP)
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(STAMP) chromium haproxy
	$(PY) -m ruff check .
	$(PY) -m pytest -q

# Three replicas and HAProxy (deploy/haproxy.cfg) on this machine; prints the address; Ctrl-C stops them all.
cluster: $(STAMP) haproxy
	CLUSTER_PORT=$(or $(CLUSTER_PORT),8080) $(PY) -m deploy.cluster

# A reader in Chromium through the balancer while their replica is killed (tests/test_cluster.py).
cluster-test: $(STAMP) chromium haproxy
	$(PY) -m pytest -q -s -m cluster tests/test_cluster.py

lint: $(STAMP)
	$(PY) -m ruff check .

validate: $(STAMP)
	$(PY) -m canada_abroad.validate_cli $(CSV)

# Rebuild geo/countries.geojson from Natural Earth (needs npm).
geo: $(STAMP) npm
	$(PY) geo/build_countries.py

# Speed in a real browser against a naive reference page and a floor page, same run (writes bench/results.md).
# BASELINE=<git ref> also serves a checkout of that ref and measures it alternately, e.g. BASELINE=28acd00.
bench: $(STAMP) chromium npm
	$(PY) -m bench.run $(if $(BASELINE),--baseline $(BASELINE))

# The Map page's downloadable image of three views (writes docs/map-images/*.png).
map-images: $(STAMP)
	$(PY) -m bench.map_images

# Every page as a reader sees it, in Debian's chromium (writes docs/screenshots/*.png).
screenshots: $(STAMP) chromium
	$(PY) -m bench.screenshots

# At least 20 concurrent browser sessions on one server (writes bench/load-results.md).
load: $(STAMP) chromium
	$(PY) -m bench.load

# Readers speaking Streamlit's websocket protocol through HAProxy, 1-3 replicas (writes bench/protocol-load-results.md).
# BASELINE=<git ref> also measures that checkout in the same run, e.g. BASELINE=429601a.
load-protocol: $(STAMP) haproxy
	$(PY) -m bench.protocol_load $(if $(BASELINE),--baseline $(BASELINE))

# The French catalogue: writes locales/messages.pot (the template translators' tools read) and adds every
# message of the code that no locales/fr/LC_MESSAGES/*.po has yet, empty, to its area's .po (see README, Translations).
messages: $(STAMP)
	$(PY) -m canada_abroad.catalogue

clean:
	rm -rf $(VENV) mutants static/leaflet static/geo bench/.cache .pytest_cache .ruff_cache

# Mutation testing of canada_abroad/ against the fast tests ([tool.mutmut] in pyproject.toml); slow, so not
# part of `make test`. Prints killed and surviving mutants per module (equivalent survivors, listed with a
# reason in tests/mutation_equivalents.txt, do not count). One module: make mutation MUTANTS='canada_abroad.filters*'
mutation: $(STAMP)
	rm -rf mutants
	$(PY) -m mutmut run --max-children 2 $(MUTANTS) >/dev/null || true
	$(PY) -m tests.mutation_score

