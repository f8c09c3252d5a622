"""The pages the main window assembles, one module per capability."""
