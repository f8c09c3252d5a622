"""Table models for the lists on the pages: lazy, over ids, filtered by queries."""
