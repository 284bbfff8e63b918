# vanthu — set-up, demo and tests. `make demo` and `make test` work on a fresh machine of this
# kind: they install the Debian packages the renderer and the tests need, create .venv and
# install vanthu into it with its test extras.

VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# poppler-utils: pdftotext/pdftoppm for PDF checks; libharfbuzz-subset0: fast font subsetting
# in WeasyPrint (without it write_pdf() is about 5x slower); pango: WeasyPrint's text layout;
# postgresql-client: psql for scripts/ensure_postgres.sh; openssl: the e-mail TLS tests' certificate.
# chromium: the headless browser the web desk tests drive with Playwright (nothing downloaded).
# libreoffice-writer-nogui: lays the DOCX out as a reader sees it, for the pagination tests.
# fonts-liberation2: the Liberation Serif 2 that fontconfig gives LibreOffice for "Times New Roman"
# when it lays a DOCX out (the PDF embeds the same face from the package); fonts-liberation 1.07,
# which chromium brings, lacks 92 of the 178 Vietnamese letters.
# softhsm2: a software PKCS#11 token, on which the signing tests put a key to sign with a token
# for real (#10); an office's USB token or HSM takes its place.
SYSTEM_PACKAGES := poppler-utils libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 postgresql-client openssl chromium libreoffice-writer-nogui fonts-liberation2 softhsm2
# wrk: the HTTP load generator benchmarks/web.py drives the served desk with (a C client, so that
# it takes little of the CPU the server is measured on).
BENCHMARK_PACKAGES := wrk
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
EXAMPLES := $(wildcard examples/*.yaml)

.PHONY: demo serve test lint typecheck golden docx-template system-deps benchmark-deps install-packages postgres venv benchmark benchmark-web fuzz clean

venv: $(BIN)/.installed

$(BIN)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

system-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

benchmark-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCHMARK_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

postgres:
	scripts/ensure_postgres.sh

demo: system-deps venv
	$(BIN)/vanthu render $(EXAMPLES) -o output/
	$(BIN)/vanthu demo --out output/demo

# The web desk on the store `make demo` leaves (http://127.0.0.1:8000; Ctrl+C stops it), signing and
# verifying with the demo's throw-away keys unless VANTHU_KY_SO names a signing configuration.
serve: venv
	VANTHU_KY_SO=$${VANTHU_KY_SO:-$$( [ -f output/demo/khoa-demo/ky-so.yaml ] && echo output/demo/khoa-demo/ky-so.yaml )} \
	  $(BIN)/vanthu --db output/demo/vanthu.db --output-root output/demo serve

lint: venv
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy

test: system-deps postgres venv lint typecheck
	$(BIN)/pytest

# Rewrite the golden files (text dumps, page-1 PNGs) from the current code; review the diff.
golden: system-deps venv
	VANTHU_UPDATE_GOLDEN=1 $(BIN)/pytest tests/rendering -q

# Rebuild the Word template from vanthu.rendering.styles.DEFAULTS.
docx-template: venv
	$(BIN)/python scripts/build_docx_template.py

benchmark: system-deps venv
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/signing.py

# The web desk served and driven by wrk over loopback, on SQLite and PostgreSQL (benchmarks/web.py).
benchmark-web: system-deps benchmark-deps postgres venv
	$(BIN)/python benchmarks/web.py

# Property tests with many examples, then N generated and hostile files through `check` and the
# accepted ones through rendering; fails on any traceback (reproducers in output/fuzz/).
fuzz: system-deps venv
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -m property
	$(BIN)/python scripts/fuzz.py --render

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
