"""Noodpost: registratie en synchronisatie voor lokale noodsteunpunten."""

__version__ = "0.1.0"
