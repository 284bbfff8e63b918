"""vanthu: official directives of Vietnamese state bodies, from draft to Decree 30 documents."""

__version__ = "0.1.0"
