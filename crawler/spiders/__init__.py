"""One spider per source. Each lists what changed, then fetches the files of new records."""
