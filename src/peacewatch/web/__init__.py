"""The dashboard: a page of plain JavaScript at `/` that reads everything from the JSON API."""
