"""Document structure on norm_text: the section tree and the metadata (title, 发文字号, dates)."""
