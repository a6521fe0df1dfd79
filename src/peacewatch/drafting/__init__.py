"""Agreement text -> agreement file: the layout of the text (preamble, points, signature block),
its parties, each point split into obligations, and each obligation's terms (deadline, duration,
renewal). `draft.draft_agreement` is the entry point; nothing here reads the database."""
