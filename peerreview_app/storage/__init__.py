"""Persistence: SQLAlchemy models, the database engine, migrations, repositories and the unit of work."""
