"""Reports: what leaves the post as a report, built from the services' data.

The situation report (:mod:`~noodpost.reports.sitrep`), the CSV/XLSX exports with their HXL
tags (:mod:`~noodpost.reports.exports`, :mod:`~noodpost.reports.export_tables`), the CAP alarm
messages (:mod:`~noodpost.reports.cap`) and the paper *noodlijst*
(:mod:`~noodpost.reports.noodlijst`). Reports read through the services and never write
anything but their own audit lines; the services never use a report. Nothing here knows about
Qt: the PDFs are drawn in :mod:`noodpost.gui.printing`, from the data these modules return.
"""
