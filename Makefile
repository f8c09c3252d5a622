# Noodpost — the two commands are `make run` and `make test`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEVSTAMP:= $(VENV)/.installed-dev
APTSTAMP:= $(VENV)/.apt-installed
# Debian packages the GUI tests and the card checks need (installed when run as root);
# postgresql: the tests start their own PostgreSQL server (tests/pg.py) for the storage, sync
# and hub suites on both engines — with CI=true a missing server fails the run instead of skipping.
APT_PACKAGES := poppler-utils xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 \
                libxcb-cursor0 libegl1 libgl1 libfontconfig1 fonts-dejavu-core postgresql

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test check lint typecheck imports pytest venv dev-venv apt-deps translations qm clean

# Translations: the sources are Dutch. noodpost_en.ts holds every text (English), noodpost_nl.ts
# only the plural forms (tr("%n …", "", n)); qtbase_extra_nl.ts, by hand, the texts of Qt's own
# dialogs its Dutch catalogue lacks. The .qm files are built, never committed.
TRDIR   := resources/translations
TS_FILES:= $(TRDIR)/noodpost_en.ts $(TRDIR)/noodpost_nl.ts $(TRDIR)/qtbase_extra_nl.ts
QM_FILES:= $(TS_FILES:.ts=.qm)
LUPDATE := $(BIN)/pyside6-lupdate -extensions py -locations relative -no-obsolete -source-language nl

run: $(STAMP) qm
	$(BIN)/noodpost

# `make translations`: collect the texts of noodpost/gui into the .ts files (then translate).
translations: $(STAMP)
	$(LUPDATE) noodpost -target-language en -ts $(TRDIR)/noodpost_en.ts
	$(LUPDATE) -pluralonly noodpost -target-language nl -ts $(TRDIR)/noodpost_nl.ts

qm: $(QM_FILES)
$(TRDIR)/%.qm: $(TRDIR)/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

venv: $(STAMP)
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

dev-venv: $(DEVSTAMP)
$(DEVSTAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

apt-deps: $(APTSTAMP)
$(APTSTAMP): $(STAMP)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "apt-get install$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "warning: missing Debian packages (run as root to install):$$missing"; fi; \
	fi
	touch $@

# Dead code: vulture reads noodpost/, tests/, benchmarks/ and scripts/ ([tool.vulture] in
# pyproject.toml); what noodpost/ defines and none of them uses fails. Exit 3 only says it found
# something (the tests' own unused names count there, not here); 1 or 2 is a real failure.
lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(BIN)/vulture > $(VENV)/vulture.txt; status=$$?; \
	if grep '^noodpost/' $(VENV)/vulture.txt; then echo "dead code in noodpost/ (above)"; exit 1; fi; \
	test $$status -eq 0 -o $$status -eq 3 || { cat $(VENV)/vulture.txt; exit $$status; }

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

imports: $(DEVSTAMP)
	$(BIN)/lint-imports

check: lint typecheck imports

pytest: $(DEVSTAMP) $(APTSTAMP) qm
	$(BIN)/pytest -q $(PYTEST_ARGS)

# `make test`: checks first (fast), then the whole suite offscreen; pytest's summary is the last line.
test: check pytest

# `make bench`: a season's data (built once into benchmarks/data), measured; not part of `make test`.
# Prints a table, writes benchmarks/results.json and adds the run to benchmarks/README.md.
.PHONY: bench
bench: $(DEVSTAMP) qm
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# `make dist`: the frozen one-folder program dist/noodpost/ (PyInstaller, build.spec) from
# .venv-build (requirements.lock + requirements-build.lock only), its self-test offscreen, the
# .deb (installer/deb/build-deb.sh), and the figures: size, build time, start-up times.
# `make dist-check` (CI) then installs the .deb with dpkg -i (as root), runs the installed
# program's self-test and removes it again. The Windows installer: installer/windows/README.md.
BUILD_VENV := .venv-build
BUILDSTAMP := $(BUILD_VENV)/.installed
START_RUNS ?= 3

.PHONY: dist dist-check build-venv

build-venv: $(BUILDSTAMP)
$(BUILDSTAMP): requirements.lock requirements-build.lock
	test -x $(BUILD_VENV)/bin/python || $(PY) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install --quiet -r requirements-build.lock
	touch $@

dist: $(BUILDSTAMP) $(APTSTAMP) qm
	bash installer/make-dist.sh $(BUILD_VENV) $(START_RUNS)

dist-check: dist
	bash installer/deb/check-deb.sh dist

clean:
	rm -rf $(VENV) $(BUILD_VENV) build dist .mypy_cache .ruff_cache
