"""The document model: documents, offset maps, table schemas, numerals.  Imports nothing of polex but errors."""
