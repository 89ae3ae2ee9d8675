"""Reading corpus files: discover, hash, decode (text, HTML) into a RawDocument."""
