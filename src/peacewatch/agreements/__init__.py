"""Agreements as data: the agreement files (YAML + JSON Schema), their deadlines, durations and
renewal terms, and provisions as news text states them (provisions_in_text)."""
