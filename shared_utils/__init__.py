"""Helpers the course notebooks import: data loaders, plots and the test-cell checks."""
