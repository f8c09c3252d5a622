"""Capabilities, one module each. Every write goes through a service and appends its event.

A service method validates its input against the rules (the single place they live), writes
the change and its one event in one unit of work, and returns a small frozen result. Nothing
here knows about Qt; the GUI, the CLI, the hub and the tests call the same methods.
"""
