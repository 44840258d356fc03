"""Shared code for 《新质生产力》研究文集: paths, data loading and validation, plotting, text, calculations."""

__version__ = "0.1.0"
