"""What the fork server of batch workers loads once, before it forks any worker: the
pipeline's modules (``batch`` and every component), dateparser's English data, warmed by one parse
(its first parse costs about 0.3 s, which every worker would otherwise pay again), and the
default pipeline itself (``batch.prebuild``), which the workers share.

Imported only by that server (``batch._worker_context``): importing it is the warm-up.
"""
from dateparser.date import DateDataParser

from . import batch, factories  # noqa: F401 - the modules every worker needs

DateDataParser(languages=["en"]).get_date_data("31 December 2024")
batch.prebuild()
