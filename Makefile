# Fresh machine: `make demo` (set up, release, grade the example classes, print the gradebooks)
# and `make test`. Everything installs into .venv from pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_COURSES := course1 course2 course4

.PHONY: install demo lab test test-slow check normalize clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: install
	for course in $(DEMO_COURSES); do \
	  $(BIN)/autograder release $$course || exit 1; \
	  $(BIN)/python -m examples.submissions $$course > /dev/null || exit 1; \
	  for id in $$(ls $$course/source); do \
	    $(BIN)/autograder autograde $$course $$id --force || exit 1; \
	    $(BIN)/autograder feedback $$course $$id > /dev/null || exit 1; \
	  done; \
	  $(BIN)/autograder export $$course || exit 1; \
	done

lab: install  # JupyterLab + nbgrader's formgrader and Assignments panel; COURSE=course2 for another
	$(BIN)/python -m autograder.lab --course $(or $(COURSE),course1)

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
