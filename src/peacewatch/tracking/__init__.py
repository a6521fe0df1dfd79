"""Agreements held against the news: stored reports linked to provisions as evidence
(linking, evidence, evidence_store), each provision's status over time computed from that
evidence alone (status), and who controls which place (control)."""
