"""Helpers of the Italian TIMEX3 extractor (``cronaca.extract.times``): the grammar compiled
from the language data files and the normalizers that compute TIMEX3 values."""
