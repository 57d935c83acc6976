"""Text made safe for where it goes.

- The terminal: control characters (line breaks, escape sequences, bidirectional overrides)
  are shown escaped (``\\n``, ``\\x1b``, ``\\u202e``), so that a file name cannot move the
  cursor, retitle the window or forge a line of its own.
- Spreadsheets: a CSV cell that would start a formula (``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return first) is prefixed with a single quote (the OWASP rule against CSV
  injection); numbers are left as they are.
"""
from __future__ import annotations

import re
from typing import Any

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_terminal(text: str) -> str:
    """``text`` with every control character written as its escape: one printable line."""
    return CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
