"""Extraction: numbers, dates, mentions, entities and facts found in an article's sentences."""
