"""Readers (formats -> Document) and plan record extraction (Document -> Extraction)."""
