"""Frozen dataclasses and vocabularies: what every stage hands the next; imports no other stage."""
