"""Merged events in the formats analysts load elsewhere: ACLED's CSV, GeoJSON, plain rows.

Each writer is a plain function over the event records `Store.events` returns, so the CLI, the
HTTP API and a notebook produce the same files.
"""
