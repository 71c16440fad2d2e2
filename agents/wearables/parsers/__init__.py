"""One streaming parser per export format; each exposes ``parse(source, errors)``."""
