"""Dialogs that pages open: forms that save through the runner and never lose what was typed."""
