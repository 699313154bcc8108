"""The window's table models and the draft the campaign steps fill in (no widgets)."""
