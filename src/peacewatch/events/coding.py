"""PLACEHOLDER: replaced by the real stage."""
from peacewatch.pipeline import Document, annotator


@annotator("events", requires=("entities", "times", "places", "quantities"))
def find_events(document: Document) -> list:
    return []
