"""Print and PDF: a call laid out by `reader.core.printout`, rendered page by page with Qt."""
