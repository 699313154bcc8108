"""The campaign engine: making a campaign of a sheet, sending it (claim -> send -> record) at the
provider's pace, asking what became of each message, and the report."""
