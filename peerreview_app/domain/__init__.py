"""Pure domain model of the workbench: forms, reviews, judgements and their rules.

Nothing here imports Qt, SQLAlchemy or any other layer of the application.
"""
