"""cronaca: keeps a developing news story straight.

Reads news articles (Italian first) and says who did, said or planned what, when, where,
according to whom, and what changed or conflicts between reports.
"""

__version__ = "0.1.0"
