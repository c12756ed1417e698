"""Alembic migrations for the corpus schema (run programmatically, see pipelines.db.engine)."""
