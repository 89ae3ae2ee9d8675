"""polex core: document model, offset maps, stages.  No Prefect in here."""

__version__ = "0.1.0"
