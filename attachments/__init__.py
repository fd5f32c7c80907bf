"""Files attached to any record: type from content, SHA-256, shared storage, scoped download."""
