"""Use cases shared by the CLI and the UI: the only way into storage. Each user action is one transaction."""
