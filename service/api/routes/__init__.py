"""One router per resource, mounted under /v1."""
