"""Relation kinds: rules as relations between facts (DESIGN.md, "The model").

Each kind is one module with a docstring (its documentation), a `Params` model
and `run(ctx)`, exactly like a check kind; the registry in checks/__init__.py
lists both.
"""
