"""One catalogue of the errors sitrep reports, each with a stable code.

A dropped input always carries one of these codes and a message naming what was dropped and why.
"""

from enum import Enum


class Code(str, Enum):
    """Stable error codes; the value is what users see and scripts match on."""

    MISSING_PATH = "E101"
    UNREADABLE = "E102"
    EMPTY = "E103"
    BINARY = "E104"
    UNDECODABLE = "E105"
    TOO_LARGE = "E106"
    UNSUPPORTED = "E107"
    NOT_REGULAR = "E108"  # a device, FIFO or socket among the inputs: not opened
    NO_RAY = "E110"  # `ingest --ray` without Ray installed (the sitrep[ray] extra)
    RAY_UNREACHABLE = "E111"  # `ingest --ray ADDRESS`: no Ray cluster answers there
    BAD_JSON = "E201"
    BAD_RECORD = "E202"
    NO_TEXT = "E203"
    NO_ARTICLE = "E301"
    BAD_WARC = "E401"
    BAD_OPTION = "E501"
    CANNOT_LISTEN = "E502"  # `sitrep serve`: the address and port are taken by another program, or not this machine's
    NOT_FOUND = "E601"
    AMBIGUOUS = "E602"
    BAD_DATABASE = "E701"
    NO_DATABASE = "E702"  # a reading command's --db names no file: nothing is created
    BAD_MODEL = "E801"
    BAD_LEXICON = "E802"
    ANALYSIS_FAILED = "E803"  # an article stored without places and events: its analysis raised
    ANALYSIS_SKIPPED = "E804"  # an article stored without places and events: its text is over the analysis limit
    BAD_ACTORS = "E901"  # a malformed actor dictionary file (actors.csv, actor_generics.csv or a user file)
    BAD_PARAMETER = "E1001"  # HTTP API: a query parameter or request body it cannot use (422)
    UNAUTHORIZED = "E1002"  # HTTP API: a write without the server's bearer token (401)
    WRITES_DISABLED = "E1003"  # HTTP API: a write to a server started without a token (403)
    BODY_TOO_LARGE = "E1004"  # HTTP API: a request body over the limit (413)
    NO_ENDPOINT = "E1005"  # HTTP API: no such path (404)
    BAD_METHOD = "E1006"  # HTTP API: the path exists, the method does not (405)
    SERVER_FAULT = "E1007"  # HTTP API: an unexpected failure (500)
    BAD_HOST = "E1008"  # HTTP API: a Host header the server does not answer for, as in DNS rebinding (421)
    TOO_MANY_WRITES = "E1009"  # HTTP API: a client over the server's write rate (429)
    REQUEST_TIMEOUT = "E1010"  # HTTP API: a request or its body not sent in time (408)
    BAD_REQUEST = "E1011"  # HTTP API: not HTTP the server reads: malformed, or a head over the limit (400)
    BINARY_TO_TERMINAL = "E1101"  # a binary export (Parquet) asked for with no --output and a terminal to write to
    UNWRITABLE = "E1102"  # an export's --output file could not be written
    BAD_ARGUMENT = "E1103"  # a library call (`sitrep.extract`, ...) given an argument it cannot use
    CANNOT_CONNECT = "E1201"  # a postgresql:// store: no server answers, or it refuses the user or the database
    NO_POSTGRES_DRIVER = "E1202"  # a postgresql:// store without psycopg installed (the sitrep[postgres] extra)
    NO_POSTGIS = "E1203"  # a postgresql:// store on a server without PostGIS, or a user who may not create it
    TARGET_NOT_EMPTY = "E1204"  # `sitrep export-store --to`: the target store already holds rows
    COUNTS_DIFFER = "E1205"  # `sitrep export-store`: a table's rows in the target are not as many as in the source


class SitrepError(Exception):
    """An error with a catalogue code; the CLI prints `code: message` and exits non-zero."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message
