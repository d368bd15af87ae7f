"""roi-ia: CSV measurements in, the 12 metrics of the method and a MkDocs site out."""

__version__ = "0.1.0"
