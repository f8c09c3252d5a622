"""Printing and PDF output: everything that draws on paper with QPainter.

Drawing functions take a painter on any paged paint device (a ``QPdfWriter``, a ``QPrinter``,
an image for a preview), so the same code makes the PDF, the printout and the screenshot.
Reports that need a painter take it from here: no Qt is imported outside ``gui/``.
"""
