"""Review forms as data: YAML files validated against a JSON Schema and turned into domain objects.

Import the submodules (`loader`, `catalog`, `snapshot`) directly: loading a stored snapshot must not pay for
the YAML and JSON Schema machinery that only validating a form file needs.
"""
