"""Storage: SQLAlchemy models, migrations and a small repository API.

SQLite at data/ipready.db by default; PostgreSQL (or another SQLAlchemy URL) through DATABASE_URL.
"""
