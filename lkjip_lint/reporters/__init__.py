"""Reporters: turn FileResults into text, json, sarif, junit, github or html output.

Each format is its own module with a `render(...) -> str`; the CLI picks one.
"""
