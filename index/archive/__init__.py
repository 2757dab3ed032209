"""The archive room: the SQLite database, the raw files by sha256, the importer, migrations."""
