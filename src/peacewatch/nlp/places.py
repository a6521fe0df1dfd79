"""PLACEHOLDER: replaced by the real stage."""
from peacewatch.pipeline import Document, annotator


@annotator("places", requires=("entities",))
def find_places(document: Document) -> list:
    return []
