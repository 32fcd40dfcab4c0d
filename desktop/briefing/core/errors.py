"""The one exception type the CLI and the window show to an analyst as a single line."""


class BriefingError(Exception):
    """A problem phrased for the analyst: what went wrong and, where possible, what to do."""
