"""Storage without Prefect: incremental plans, batches to staged Parquet, atomic versioned publishing."""
