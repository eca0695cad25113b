"""Tests of the ICD-10-CM system and of lookup, on a tiny fixture database."""
