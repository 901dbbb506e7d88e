# Two commands a new user needs: `make demo` and `make test`. Both set up .venv from scratch.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db
# Ray for `ingest --ray` (the sitrep[ray] extra): the tests need it, the demo does not.
RAY_STAMP := $(VENV)/.ray-installed
# The map page's vendor files (Leaflet, base map), built from web/package-lock.json.
WEB_STAMP := src/sitrep/web/static/vendor/.built

.PHONY: demo test bench clean web ranker

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(RAY_STAMP): $(STAMP) requirements-ray.lock
	$(BIN)/python -m pip install --quiet -r requirements-ray.lock
	touch $(RAY_STAMP)

$(WEB_STAMP): web/package.json web/package-lock.json web/build.mjs
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node web/build.mjs
	touch $(WEB_STAMP)

web: $(WEB_STAMP)

demo: $(STAMP) $(WEB_STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/sitrep ingest examples --db $(DEMO_DB)
	$(BIN)/sitrep stats --db $(DEMO_DB)
	$(BIN)/sitrep articles --db $(DEMO_DB) --limit 10
	$(BIN)/sitrep events --db $(DEMO_DB) --modality reported --limit 15
	@echo "Look at one article in full:  $(BIN)/sitrep articles show ID --db $(DEMO_DB)"
	@echo "Open the map:  $(BIN)/sitrep serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/ in a browser"

# The store tests run on SQLite and on a PostgreSQL cluster the run starts itself (initdb, PostGIS):
# here they fail without PostgreSQL and PostGIS installed (SITREP_REQUIRE_POSTGRES=0 make test skips them).
# pytest runs TEST_WORKERS processes (pytest-xdist), each test file whole on one (tests/conftest.py);
# TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
test: $(STAMP) $(RAY_STAMP) $(WEB_STAMP)
	$(BIN)/mypy
	$(BIN)/python -m pyflakes src bench tests
	SITREP_REQUIRE_POSTGRES=$${SITREP_REQUIRE_POSTGRES-1} $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# Refit the place ranker on the geoparsing gold (../shared/eval/geoparsing) and write src/sitrep/data/ranker.json.
ranker: $(STAMP)
	$(BIN)/python bench/ranker.py --write

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/geoparse.py
	$(BIN)/python bench/events.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .hypothesis web/node_modules src/sitrep/web/static/vendor
