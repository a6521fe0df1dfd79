"""One way of citing a finding everywhere: `[article id/outlet, date]`, or the document name."""
from __future__ import annotations

from peacewatch.records import Citation


def cite(citation: Citation) -> str:
    """`[brief-12/Daily Courier, 2031-04-02]`; a document without an outlet or date is cited by name."""
    parts = "/".join(p for p in (citation.source, citation.outlet) if p)
    return f"[{parts}, {citation.published}]" if citation.published else f"[{parts}]"
