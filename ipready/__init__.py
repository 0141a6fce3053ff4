"""Command-line entry points of IP Ready."""
