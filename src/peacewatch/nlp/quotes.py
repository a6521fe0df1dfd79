"""PLACEHOLDER: replaced by the real stage."""
from peacewatch.pipeline import Document, annotator


@annotator("quotes", requires=("entities",))
def find_quotes(document: Document) -> list:
    return []
