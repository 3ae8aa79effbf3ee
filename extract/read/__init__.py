"""Reading: documents of every format to plain text, and their structure."""
