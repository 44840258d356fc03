"""Core layer: paths, data files and manifests, errors, growth arithmetic, periods, numbers, text, GDP."""
