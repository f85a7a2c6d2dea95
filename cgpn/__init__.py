"""cgpn: the command line that wires ``scraper``, ``extractors`` and ``archive`` together."""

__version__ = "0.1.0"
