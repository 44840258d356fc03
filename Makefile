# 《新质生产力》研究文集 — two commands on a fresh machine: `make book` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := book

VENV    ?= .venv
PY      := $(VENV)/bin/python
# jupyter-book's command line, ending without the interpreter's clean-up (0.8 s a build: nqpf/sphinx/jb.py)
JB      := $(PY) -m nqpf.sphinx.jb
JBFLAGS := -W -n --keep-going
# Where and what to build. Defaults build the whole book into ./_build; tests and parallel work can point these
# elsewhere, e.g. `make html OUT=/tmp/b TOC=/tmp/b/_toc.yml` builds a subset into /tmp/b/_build.
SRC     ?= .
OUT     ?= .
TOC     ?= $(SRC)/_toc.yml
CONFIG  ?= _config.yml
B       := $(OUT)/_build
PDF     := $(B)/latex/nqpf-book.pdf
JBARGS  = $(SRC) --path-output $(OUT) --toc $(TOC) --config $(CONFIG) $(JBFLAGS)
# Debian packages the build and tests need: listed once, in debian-packages.txt (also read by the Pages workflow).
APT_PKGS    := $(shell awk '$$1 == "pdf" {print $$2}' debian-packages.txt)
APT_BROWSER := $(shell awk '$$1 == "browser" {print $$2}' debian-packages.txt)

# Hermetic builds: caches live in _build, not in the home folder.
export MPLCONFIGDIR  ?= $(abspath $(B))/.mplconfig
export NQPF_CACHE    ?= $(abspath $(B))/.cache
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: book html html-build pdf pdf-build chapter-pdfs epub test unit lint bench clean venv texdeps cache-guard browser notebooks data axe js edition datapackage release preexecute

book: html pdf chapter-pdfs epub ## the HTML site, the PDF, one PDF a chapter and the EPUB, all put into the site
	cp $(PDF) $(B)/html/nqpf-book.pdf
	mkdir -p $(B)/html/pdf && for t in $$($(CHAPTER_TEX_NAMES)); do cp $(CHAPTERS_TEX)/$${t%.tex}.pdf $(B)/html/pdf/; done
	cp $(EPUB) $(B)/html/nqpf-book.epub
	$(PY) -m nqpf book datapackage --zip $(B)/html/nqpf-data.zip >/dev/null
	@echo "HTML: $(B)/html/index.html   PDF: $(PDF) (also $(B)/html/nqpf-book.pdf)"

# requirements.txt pins every package the book needs, dependencies included (`pip check` below fails on one missing or
# mismatched), so they are installed exactly, without resolving (--no-deps). uv (pinned there too, installed first by
# the venv's pip) installs them: it fetches and unpacks wheels in parallel, 7 s where pip took 70 s on 2 cores. It
# leaves compiling bytecode to each module's first import (the book imports a fraction of 160 packages) unless the
# environment says not to write bytecode then.
UV = $(VENV)/bin/uv
UV_INSTALL = $(UV) pip install --quiet --python $(PY) --no-deps $(if $(PYTHONDONTWRITEBYTECODE),--compile-bytecode)
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps "$$(grep -E '^uv==' requirements.txt)"
	$(UV_INSTALL) -r requirements.txt
	$(UV_INSTALL) --no-build-isolation -e .
	$(PY) -m pip check
	touch $@

# $(call apt_install,PACKAGES,WHAT): install Debian packages as root (apt-get update first), else one clear line.
apt_install = if [ "$$(id -u)" = 0 ]; then echo "installing Debian packages for $(2): $(1)"; \
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
  else echo "error: $(2) needs Debian packages. As root run: apt-get update && apt-get install -y $(1)" >&2; exit 1; fi

texdeps:
	@missing=""; \
	for c in xelatex latexmk pdftotext pdffonts; do command -v $$c >/dev/null || missing="$$missing $$c"; done; \
	command -v kpsewhich >/dev/null && kpsewhich ctex.sty >/dev/null || missing="$$missing ctex.sty"; \
	if [ -n "$$missing" ]; then echo "the PDF needs:$$missing"; $(call apt_install,$(APT_PKGS),the PDF); fi

# jupyter-cache keys on a notebook's own code: when the shared package, the data, the seeds or the measured
# benchmark results a chapter reports change, the cached
# outputs may be stale, so the cache and Sphinx's saved doctrees are dropped and every chapter runs again.
cache-guard:
	@mkdir -p $(B); h=$$( { find nqpf data seeds -type f ! -path 'data/derived/*' ! -name '*.pyc'; ls bench/results_text.json bench/results_policy.json bench/results_freq.json 2>/dev/null; } | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16); \
	if [ "$$(cat $(B)/.inputs-hash 2>/dev/null)" != "$$h" ]; then \
	  [ -d $(B)/.jupyter_cache ] && echo "inputs changed (nqpf/, data/, seeds/ or bench results): clearing the notebook cache"; \
	  rm -rf $(B)/.jupyter_cache $(B)/.doctrees $(B)/.doctrees-* $(B)/jupyter_execute; echo "$$h" > $(B)/.inputs-hash; fi

# Each builder keeps its own Sphinx doctrees and environment ($(B)/.doctrees-html, .doctrees-latex): jupyter-book
# always uses $(B)/.doctrees, and a builder writes only the pages its own environment saw change, so one shared
# folder could leave pages of the other builder stale. What Sphinx reads does not depend on the builder (myst-nb
# picks each output's format when a page is written), so a builder without doctrees of its own starts from a copy
# of the HTML build's and reads only what changed since: the first PDF after the site reads no page again.
# $(call sphinx,NAME,BUILDER[,SEED]).
# The pre-execution runs beside Sphinx ($(PREEXEC_START) ... $(PREEXEC_WAIT)): Sphinx starts up and reads the pages
# that are no notebook while the notebooks run, then each notebook page as soon as it is cached.
define sphinx
	@rm -rf $(B)/.doctrees; if [ -d $(B)/.doctrees-$(1) ]; then mv $(B)/.doctrees-$(1) $(B)/.doctrees; \
	elif [ -n "$(3)" ] && [ -d $(B)/.doctrees-$(3) ]; then cp -r $(B)/.doctrees-$(3) $(B)/.doctrees; fi
	@$(PREEXEC_START); echo "$(JB) build --builder $(2) $(JBARGS)"; $(JB) build --builder $(2) $(JBARGS); rc=$$?; \
	$(PREEXEC_WAIT); mv $(B)/.doctrees $(B)/.doctrees-$(1) 2>/dev/null; exit $$rc
endef

# A build that could change nothing does not start jupyter-book (its start-up, reading and checking take seconds).
# Its inputs: every file the book reads (pages, toc, configuration, the package, data, seeds, the bench results the
# appendix reports, the citation and changelog, the venv and the site's JavaScript); its key: the commit the book
# prints (and whether tracked files differ from it) and the variables choosing what is built. A successful build
# keeps a stamp made *before* it started, holding the key: a file changed while it ran is newer than the stamp, so
# the next build runs; a failed build leaves no stamp. Files only: a folder's time moves when Python writes its
# __pycache__ (or Sphinx its .mo files) into it, which changes no input. Sphinx compiles the site's translations (.po) into .mo files
# beside them: those are outputs. $(call fresh,NAME,OUTPUT) succeeds when NAME is up to date.
BUILD_INPUTS = $(SRC)/book book $(TOC) $(CONFIG) nqpf data seeds bench js/package-lock.json requirements.txt \
  pyproject.toml CITATION.cff CHANGELOG.md Makefile debian-packages.txt $(VENV)/.installed $(JS_STAMP)
BUILD_KEY = $$(git rev-parse --short=12 HEAD 2>/dev/null)$$(test -z "$$(git status --porcelain --untracked-files=no \
  2>/dev/null)" || echo +dirty) $(abspath $(SRC)) $(abspath $(TOC)) $(abspath $(CONFIG)) $(JBFLAGS)
fresh = test -s $(2) && test -f $(B)/.built-$(1) && [ "$$(cat $(B)/.built-$(1))" = "$(BUILD_KEY)" ] && \
  [ -z "$$(find $(sort $(BUILD_INPUTS)) \( -name __pycache__ -o -name _build -o -name .ipynb_checkpoints -o -name '*.mo' \
  \) -prune -o ! -type d -newer $(B)/.built-$(1) -print -quit 2>/dev/null)" ]
# $(call stamp_start,NAME) before the build, $(call stamp_done,NAME) after it succeeded.
stamp_start = mkdir -p $(B) && rm -f $(B)/.built-$(1) && echo "$(BUILD_KEY)" > $(B)/.building-$(1)
stamp_done = mv $(B)/.building-$(1) $(B)/.built-$(1)

# Notebooks run in parallel (jupyter-cache's executor, $(JOBS) workers) beside Sphinx, which reads every
# page from the cache: the same outputs as a serial build (nqpf.sphinx.preexecute).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# The stamp lives in the cache folder (cache-guard's clearing removes it): when no page and no table of contents
# is newer than the last complete run, every notebook is cached and the 2 s of starting the executor are saved.
PREEXECUTED = $(B)/.jupyter_cache/.preexecuted
PREEXEC_NEEDED = ! [ -f $(PREEXECUTED) ] || [ -n "$$(find $(SRC)/book $(TOC) -newer $(PREEXECUTED) \( -name '*.md' -o -name '*.yml' \) -print -quit)" ]
PREEXEC_CMD = $(PY) -m nqpf.sphinx.preexecute --root $(abspath $(SRC)) --toc $(TOC) --cache $(B)/.jupyter_cache --usage-dir $(B)/.data-usage --jobs $(JOBS)
preexecute: venv cache-guard
	@if $(PREEXEC_NEEDED); then $(PREEXEC_CMD) && touch $(PREEXECUTED); fi
# In the background, beside Sphinx: its pid in .running (nqpf.sphinx.preexecute.RUNNING, removed when it is done);
# Sphinx waits for a notebook page until it is cached or the pre-execution has ended. Then its exit status counts.
PREEXEC_START = pre=; if $(PREEXEC_NEEDED); then mkdir -p $(B)/.jupyter_cache; \
  { $(PREEXEC_CMD) && touch $(PREEXECUTED); } & pre=$$!; echo $$pre > $(B)/.jupyter_cache/.running; fi
PREEXEC_WAIT = if [ -n "$$pre" ]; then wait $$pre || rc=1; rm -f $(B)/.jupyter_cache/.running; fi

html: venv js ## the website, strict: any warning, stderr output or cell error fails
	@if $(call fresh,html,$(B)/html/index.html); then echo "html: up to date ($(B)/html)"; \
	else $(call stamp_start,html) && $(MAKE) --no-print-directory html-build && $(call stamp_done,html); fi

html-build: cache-guard
	$(call sphinx,html,html)

pdf: venv js texdeps ## the PDF via Sphinx's LaTeX builder with xelatex + ctex (notebooks come from the cache)
	@if $(call fresh,pdf,$(PDF)); then echo "pdf: up to date ($(PDF))"; \
	else $(call stamp_start,pdf) && $(MAKE) --no-print-directory pdf-build && $(call stamp_done,pdf); fi

# latexmk reads the book's settings (nqpf/sphinx/latexmkrc: one xdvipdfmx at the end, no pass for the page count)
# after the latexmkrc Sphinx writes; jupyter-book's `make all-pdf` in $(B)/latex passes LATEXMKOPTS on.
LATEXMKRC := -r $(CURDIR)/nqpf/sphinx/latexmkrc
pdf-build: export LATEXMKOPTS = $(LATEXMKRC)
pdf-build: cache-guard
	$(call sphinx,latex,pdflatex,html)
	test -s $(PDF)
	@# A glyph missing from the PDF fonts is tofu: fail like a missing glyph in a chart.
	@if grep -h "Missing character" $(B)/latex/*.log; then echo "error: characters missing from the PDF fonts (see above)" >&2; exit 1; fi

# One PDF per chapter and appendix, typeset like the book (same preamble, chapter numbers and letters as in the
# whole book): Sphinx's LaTeX builder writes one document per chapter (nqpf.sphinx.ext, NQPF_CHAPTER_PDFS names the
# toc) from the PDF's doctrees, compiled apart from the whole book in $(B)/latex-chapters, $(JOBS) at a time (each
# document is independent; its own .log holds its messages).
CHAPTERS_TEX := $(B)/latex-chapters
CHAPTER_TEX_NAMES = $(PY) -c 'import sys; from nqpf.render import front; print(*front.tex_names(sys.argv[1]))' $(TOC)
chapter-pdfs: venv texdeps cache-guard preexecute ## one PDF a chapter -> $(B)/latex-chapters/*.pdf
	@rm -rf $(B)/.doctrees; if [ -d $(B)/.doctrees-latex ]; then mv $(B)/.doctrees-latex $(B)/.doctrees; \
	elif [ -d $(B)/.doctrees-html ]; then cp -r $(B)/.doctrees-html $(B)/.doctrees; fi
	NQPF_CHAPTER_PDFS=$(abspath $(TOC)) $(JB) build --builder latex $(JBARGS); rc=$$?; \
	  mv $(B)/.doctrees $(B)/.doctrees-latex 2>/dev/null; exit $$rc
	rm -rf $(CHAPTERS_TEX) && mkdir -p $(CHAPTERS_TEX)
	names=$$($(CHAPTER_TEX_NAMES)); \
	  cd $(B)/latex && \
	  cp -r $$(ls | grep -v -e '^nqpf-book\.' -e '\.tex$$') $(abspath $(CHAPTERS_TEX))/ && \
	  mv $$names $(abspath $(CHAPTERS_TEX))/
	$(MAKE) -j$(JOBS) -C $(CHAPTERS_TEX) all-pdf LATEXMKOPTS="$(LATEXMKRC) -interaction=nonstopmode -halt-on-error" >$(CHAPTERS_TEX)/build.log 2>&1 \
	  || { tail -30 $(CHAPTERS_TEX)/build.log; exit 1; }
	@if grep -h "Missing character" $(CHAPTERS_TEX)/*.log; then echo "error: characters missing from the chapter PDFs" >&2; exit 1; fi

# The EPUB of the whole book (Sphinx's epub builder; metadata in _config.yml), checked by epubcheck.
EPUB := $(B)/epub/nqpf-book.epub
# epubcheck's full report (JSON): what the test reads, instead of running epubcheck a second time.
EPUB_REPORT := $(B)/epub/epubcheck.json
# Debian's /usr/bin/epubcheck is the jar itself (run through binfmt_misc, missing in containers): call java.
EPUBCHECK_JAR := /usr/share/java/epubcheck.jar
# One short run: the JVM's optimising compiler (C2) and parallel collector threads cost more CPU than they save
# (measured: 24 s CPU with them, 10 s without; same verdict).
EPUBCHECK := java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $(EPUBCHECK_JAR)
epub: venv cache-guard ## the EPUB -> $(EPUB), valid under epubcheck
	@test -s $(EPUBCHECK_JAR) || { $(call apt_install,epubcheck,the EPUB check); }
	rm -rf $(B)/epub  # every page is written again: nothing stale is packed into the book
	$(call sphinx,epub,custom --custom-builder epub,html)
	$(EPUBCHECK) -q --json $(EPUB_REPORT) $(EPUB)

# Tests run on every core (pytest-xdist); the book is built once, in the background, while the tests that do not
# need it run (tests/conftest.py).
test: venv texdeps browser axe js lint ## lint, unit tests and a strict build of the whole book (HTML and PDF)
	$(PY) -m pytest -n $(JOBS) --dist loadgroup --durations=25

lint: venv ## ruff (pyflakes, pycodestyle, import order; configured in pyproject.toml)
	$(PY) -m ruff check .

data: venv ## regenerate data/derived/ (the claims ledger) and data/datapackage.json; a build never writes data/
	$(PY) -m nqpf claims write
	$(PY) -m nqpf book datapackage --write

datapackage: venv ## data/datapackage.json from the manifests, and the zip readers download
	$(PY) -m nqpf book datapackage --write --zip $(B)/nqpf-data.zip

# The browser test drives Debian's Chromium through Playwright (pinned in requirements.txt; Playwright's own
# browser download is never used).
browser:
	@command -v chromium >/dev/null || { $(call apt_install,$(APT_BROWSER),the browser test); }

# axe-core (accessibility rules) for the browser test: the pinned npm package, installed once from the npm registry
# into the venv folder and injected into each page from that local file (nothing is fetched while testing).
AXE_VERSION := 4.10.3
AXE_JS      := $(VENV)/axe/node_modules/axe-core/axe.min.js
axe: $(AXE_JS)
$(AXE_JS):
	@command -v npm >/dev/null || { $(call apt_install,npm,the accessibility test); }
	npm install --no-save --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)
	test -s $@

# The JavaScript the site serves (MathJax, DataTables with jQuery): the versions and integrity hashes pinned in
# js/package-lock.json, installed by `npm ci` from the npm registry into the venv folder; the build copies the files
# into the site's _static (nqpf.sphinx.reader), so nothing is downloaded while the book builds or is read.
# npm ci writes the stamp below; deleting node_modules deletes it, so `make js` installs again.
JS_STAMP := $(VENV)/js/node_modules/.package-lock.json
js: $(JS_STAMP)
$(JS_STAMP): js/package.json js/package-lock.json
	@command -v npm >/dev/null || { $(call apt_install,npm,the site's JavaScript); }
	mkdir -p $(VENV)/js && cp js/package.json js/package-lock.json $(VENV)/js/
	cd $(VENV)/js && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

notebooks: venv ## executed .ipynb copies of every chapter -> $(B)/notebooks/book/*.ipynb
	$(PY) -m nqpf book notebooks --execute --toc $(TOC) --out $(B)/notebooks --format csv

# Coverage floor of `make unit` (% of nqpf): 81.6 measured on tests/unit and the doctests (2026-12-07; nqpf/analysis
# 91.8), set a point lower while topic modules are still being split; raise it as tests are added.
COVERAGE_FLOOR := 84
unit: venv lint ## lint and the fast tests (doctests included), without building the book; coverage of nqpf
	$(PY) -m pytest -m "not build" -n $(JOBS) --cov=nqpf --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR)

bench: venv texdeps ## build times and pipeline throughput -> bench/results.{md,json}
	$(PY) bench/bench.py

# Record the edition's glued values (data/editions/$(VERSION).csv) from a fresh HTML build; never overwrites one.
edition: html ## make edition VERSION=x.y.z
	@test -n "$(VERSION)" || { echo "error: make edition needs VERSION=x.y.z" >&2; exit 2; }
	$(PY) -m nqpf book edition --version $(VERSION) --build $(OUT)

# A release: the version set from one place (CITATION.cff, which the book and the data package read), the book
# built (HTML, PDF, EPUB, data package), the edition's values recorded, and _build/release/$(VERSION)/ with
# SHA256SUMS. CHANGELOG.md must have the version's entry.
release: venv ## make release VERSION=x.y.z
	@test -n "$(VERSION)" || { echo "error: make release needs VERSION=x.y.z" >&2; exit 2; }
	$(PY) -m nqpf book release --version $(VERSION) --set-version
	$(MAKE) book OUT=$(OUT) TOC=$(TOC)
	$(PY) -m nqpf book edition --version $(VERSION) --build $(OUT)
	$(PY) -m nqpf book datapackage --write
	$(PY) -m nqpf book release --version $(VERSION) --build $(OUT)
	cd $(B)/release/$(VERSION) && sha256sum -c --quiet SHA256SUMS && echo "release $(VERSION): $(B)/release/$(VERSION)"

clean:
	rm -rf $(B)
