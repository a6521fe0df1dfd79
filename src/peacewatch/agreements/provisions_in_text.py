"""PLACEHOLDER: replaced by the real stage."""
from peacewatch.pipeline import Document, annotator


@annotator("provisions", requires=("entities", "times", "places"))
def find_provisions(document: Document) -> list:
    return []
