"""Sample briefs bundled with peacewatch (`briefs.jsonl`).

Short dated briefs written for peacewatch (facts only, our own sentences) on the armistice of
9/10 November 2020 and its first months of implementation. `peacewatch demo` ingests them, so
the main job runs with no network and no corpus beside the project.
"""
