"""Claims: figures as their sources state them, and the disputes between sources."""
