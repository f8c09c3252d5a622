"""Pure-Python domain: types, rules, errors, clocks. Standard library only."""
