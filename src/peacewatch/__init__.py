"""peacewatch: watch ceasefires and peace agreements through the news."""
from peacewatch.analyze import analyze

__all__ = ["analyze"]
__version__ = "0.1.0"
