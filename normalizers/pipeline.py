"""PLACEHOLDER (being written): the ordered normalisation steps."""
VERSION = "0"
