"""Errors a user can act on: each carries one line that the CLI prints as it is."""


class NewsgraphError(Exception):
    """Base: the message is one clear line for a person, never a traceback."""


class InputError(NewsgraphError):
    """The input cannot be read as an article (empty, binary, not UTF-8, too large, no text)."""


class ModelError(NewsgraphError):
    """The spaCy pipeline package is missing or broken."""
