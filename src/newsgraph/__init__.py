"""newsgraph: news articles in, facts with their evidence out."""

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import SCHEMA, Record
from newsgraph.pipeline import extract, extract_many

__all__ = ["extract", "extract_many", "Record", "SCHEMA", "InputError", "NewsgraphError"]
__version__ = "0.1.0"
