"""rasoat: reads Vietnamese resolutions and plans and reports what is in them and what is wrong."""

__version__ = "0.1.0"
