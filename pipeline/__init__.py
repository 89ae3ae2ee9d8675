"""polex core: errors, document model, reading, structure, the per-document process,
storage, QA and the CLI.  No Prefect outside ``pipeline.cli`` (which starts ``flows``)."""

__version__ = "0.1.0"
