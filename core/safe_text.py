"""Text written into files other programs open: spreadsheets (CSV) and calendars (iCalendar).

Two readers act on what a cell or a property says rather than only showing it:

* A spreadsheet evaluates a CSV cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula
  (tab and carriage return too, after which some spreadsheets skip to the formula): a hotspot
  id or a unit name ``=HYPERLINK(...)`` taken from someone else's data would run on the
  analyst's computer ("CSV injection"). :func:`csv_safe_text` prefixes such a *text* cell with
  a single quote, the OWASP rule, so the spreadsheet shows it as text. Numbers are never
  changed: ``-0.3`` written as a number stays ``-0.3``.
* A calendar splits its file into content lines at line breaks, so a line break inside a
  value would end the property and let the rest of the value become properties (a second
  ``BEGIN:VEVENT``). :func:`ics_text` escapes TEXT values as RFC 5545 section 3.3.11 says
  (backslash, semicolon, comma; a line feed becomes the two characters ``\\n``) and drops the
  control characters a TEXT value cannot hold (carriage return, the other C0 controls but the
  horizontal tab, and DEL). :func:`ics_fold` folds a content line at 75 octets of UTF-8
  (section 3.1), never inside a multi-byte character.

References
----------
OWASP Foundation. CSV Injection.
    https://owasp.org/www-community/attacks/CSV_Injection
Desruisseaux, B. (ed.) (2009). Internet Calendaring and Scheduling Core Object Specification
    (iCalendar). RFC 5545, Internet Engineering Task Force.
"""

# The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ICS_LINE_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break

_ICS_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}


def csv_safe_text(value):
    """``value`` as a CSV cell a spreadsheet shows as text.

    A string beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    single quote in front (``'=1+1``); any other string, and any value that is not a string
    (numbers, dates, None), is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def ics_text(value):
    """``value`` (made a string) as an iCalendar TEXT value (RFC 5545 3.3.11).

    Backslash, semicolon and comma are escaped with a backslash; a line feed becomes ``\\n`` (so
    a CR LF pair becomes ``\\n`` too); a carriage return, every other C0 control character
    except the horizontal tab, and DEL are dropped. The result holds no line break.
    """
    parts = []
    for char in str(value):
        escaped = _ICS_ESCAPES.get(char)
        if escaped is not None:
            parts.append(escaped)
        elif char == "\t" or not (char < " " or char == "\x7f"):
            parts.append(char)
    return "".join(parts)


def ics_fold(line, limit=ICS_LINE_OCTETS):
    """A content line folded into physical lines of at most ``limit`` octets of UTF-8.

    Continuation lines start with one space, which counts in their length; the pieces are
    joined with CR LF (the line's own final CR LF is the caller's). A character is never split
    across lines. Unfolding (removing every CR LF followed by a space) gives ``line`` back.
    """
    if len(line.encode("utf-8")) <= limit:
        return line
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        room = limit if not pieces else limit - 1
        if size + octets > room and current:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
