"""Controls the pages are built of."""
