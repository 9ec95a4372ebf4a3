"""Scoring accord against gold sets: `accord eval`."""
