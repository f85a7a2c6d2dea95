"""Local fake sites served on 127.0.0.1, shaped like the real ones (DESIGN.md, "Sources known today")."""
