"""Reading corpus files: discover, hash, decode (text, HTML, PDF, .docx, .doc/.wps) into a RawDocument."""
