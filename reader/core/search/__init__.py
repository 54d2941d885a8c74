"""The library and its Whoosh index: analysis, indexing, queries. No Qt."""
