"""The search room: the backend contract, the query language, the filters, Dutch analysis and
both backends (embedded Tantivy, OpenSearch/Elasticsearch)."""
