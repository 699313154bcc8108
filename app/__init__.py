"""Masivo: SMS and e-mail campaigns from a spreadsheet."""

__version__ = "0.1.0"
