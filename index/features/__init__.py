"""The features that combine the archive and the search index: proposals, references, related
documents, watches, stance counts, export and the shared output formats."""
