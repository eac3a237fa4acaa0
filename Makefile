# Fresh machine: `make demo` (set up, release, grade the example class, print the gradebook)
# and `make test`. Everything installs into .venv from pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_ASSIGNMENTS := numpy_basics logistic_regression

.PHONY: install demo test test-slow lint check normalize clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: install
	$(BIN)/autograder release course1
	$(BIN)/python -m examples.submissions course1 $(DEMO_ASSIGNMENTS) > /dev/null
	for id in $(DEMO_ASSIGNMENTS); do $(BIN)/autograder autograde course1 $$id --force || exit 1; done
	for id in $(DEMO_ASSIGNMENTS); do $(BIN)/autograder feedback course1 $$id > /dev/null || exit 1; done
	$(BIN)/autograder export course1

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not slow" -q

test-slow: install  # pytest exits 5 when no test is marked slow yet
	$(BIN)/python -m pytest -m slow -q || [ $$? -eq 5 ]

check: install
	$(BIN)/autograder check

normalize: install
	$(BIN)/python -m autograder.normalize course*/source/*/*.ipynb

clean:
	rm -rf course*/release course*/submitted course*/autograded course*/feedback \
	       course*/exports course*/exchange course*/gradebook.db
