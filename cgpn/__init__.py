"""cgpn: the command line that wires ``scraper``, ``extractors`` and ``archive`` together."""
