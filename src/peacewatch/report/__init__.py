"""Situation reports and the citations every line of them carries."""
