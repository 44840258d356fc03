"""Errors that reach readers as one clear line (never a traceback on the command line)."""


class NqpfError(Exception):
    """Base class: the message is complete and meant for the reader."""


class DataError(NqpfError):
    """A data file broke a rule of its manifest. The message names file, row and rule."""

    def __init__(self, path, rule, row=None, detail=""):
        self.path, self.rule, self.row, self.detail = str(path), rule, row, detail
        where = f"{self.path}" + (f": line {row}" if row is not None else "")
        super().__init__(f"{where}: rule '{rule}' violated" + (f": {detail}" if detail else ""))

    def __reduce__(self):  # pickled whole, so an error raised in a worker process reaches the caller as itself
        return type(self), (self.path, self.rule, self.row, self.detail)


class UsageError(NqpfError):
    """A bad argument on the command line or in a call from a notebook."""
