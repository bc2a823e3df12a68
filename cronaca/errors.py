"""Every error cronaca raises, with the sentence a user reads.

Each message says what went wrong, shows the offending value and, where it helps, the
valid options and the likely fix.  The CLI prints ``str(error)`` and exits non-zero; the
API turns an :class:`InputError` into a 4xx answer.
"""

from __future__ import annotations


class CronacaError(Exception):
    """Base class: the message is one clear sentence for the user."""


class InputError(CronacaError):
    """An input article or record cannot be analysed (bad encoding, empty, binary, too big…)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class TooBigError(InputError):
    """An input over the byte limit (the API answers 413)."""


class ConfigError(CronacaError):
    """A setting has a value cronaca cannot use."""


class DataFileError(CronacaError):
    """A language data file is missing or does not follow its schema."""


class StageError(CronacaError):
    """A pipeline stage failed on one article."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(f"{stage_failed(stage)} on article '{doc_id}': {type(cause).__name__}: {cause}")


def stage_failed(stage: str) -> str:
    """How the message of a :class:`StageError` of ``stage`` begins."""
    return f"stage '{stage}' failed"


class StoreError(CronacaError):
    """The store file cannot be opened or written."""


def not_utf8(source: str, position: int) -> InputError:
    return InputError(source, f"is not valid UTF-8 text (first undecodable byte at position {position}); "
                              "convert it to UTF-8 and try again.")


def empty_input(source: str) -> InputError:
    return InputError(source, "is empty: there is no text to analyse.")


def binary_input(source: str) -> InputError:
    return InputError(source, "looks like a binary file, not text, HTML, JSONL or CSV.")


def too_big(source: str, size: int, limit: int) -> TooBigError:
    return TooBigError(source, f"is {size:,} bytes, over the limit of {limit:,} bytes per article "
                              "(raise it with --max-bytes).")


def bad_json_line(source: str, line: int, detail: str) -> InputError:
    return InputError(f"{source}:{line}", f"is not a valid JSON object ({detail}).")


def missing_text_field(source: str) -> InputError:
    return InputError(source, "has no non-empty 'text' field.")


def unknown_format(source: str, suffix: str, known: tuple[str, ...]) -> InputError:
    return InputError(source, f"has an unsupported extension '{suffix}'; cronaca reads {', '.join(known)}.")


def not_found(source: str) -> InputError:
    return InputError(source, "does not exist.")


def no_main_text(source: str) -> InputError:
    return InputError(source, "is an HTML page with no article text cronaca could find.")


def not_a_record(source: str, kind: str) -> InputError:
    return InputError(source, f"is a JSON {kind}, not an object with a 'text' field.")


def bad_csv(source: str, line: int, detail: str) -> InputError:
    return InputError(f"{source}:{line}", f"is not valid CSV ({detail}).")


def csv_without_text_column(source: str, columns: list[str]) -> InputError:
    shown = ", ".join(columns) if columns else "none"
    return InputError(source, f"has no 'text' column (columns: {shown}).")


def unreadable(source: str, detail: str) -> InputError:
    return InputError(source, f"cannot be read ({detail}).")


def no_articles_in_folder(source: str, others: int, known: tuple[str, ...]) -> InputError:
    skipped = f"; its {others:,} other file(s) were skipped" if others else ""
    return InputError(source, f"is a folder with no article file cronaca reads ({', '.join(known)}){skipped}.")


def unreadable_folder(source: str, detail: str) -> InputError:
    return InputError(source, f"is a folder that cannot be listed ({detail}); its articles were skipped. "
                              "Give the user running cronaca read and execute permission on it.")


def symlink_loop(source: str) -> InputError:
    return InputError(source, "is a symbolic link that loops back on itself, so it leads to no file; "
                              "point it at a file or folder.")


def folder_already_read(source: str, target: str) -> InputError:
    return InputError(source, f"leads back to the folder '{target}', which is already being read "
                              "(a symbolic link loop); it is skipped.")


def dangling_link(source: str, target: str) -> InputError:
    return InputError(source, f"is a symbolic link to '{target}', which does not exist.")


def request_too_large(limit: int) -> str:
    return (f"the request body is over the limit of {limit:,} bytes (it was cut off there); send a smaller "
            "article, or start the server with a larger --max-bytes.")


def bad_date_filter(name: str, value: str) -> str:
    return f"{name} '{value}' is not a date: give it as YYYY-MM-DD, for example {name}=2025-11-01."


def dates_out_of_order(since: str, until: str) -> str:
    return f"since '{since}' is after until '{until}': no event can match; swap them."


def server_failure(exc: BaseException) -> str:
    return (f"the server failed on this request ({type(exc).__name__}: {exc}); the error is in the server "
            "log. Report it with the request that caused it.")


def spark_missing() -> ConfigError:
    return ConfigError("cronaca spark needs PySpark and Java: install them with "
                       "\"pip install -e '.[spark]'\" and \"apt-get install default-jre-headless\".")


def spark_input_format(uri: str, known: tuple[str, ...]) -> ConfigError:
    return ConfigError(f"cannot tell the format of '{uri}' from its name; give --input-format "
                       f"({', '.join(known)}).")


def spark_no_text_column(uri: str, columns: list[str]) -> ConfigError:
    return ConfigError(f"'{uri}' has no 'text' column (columns: {', '.join(columns) or 'none'}); "
                       "cronaca spark reads one article a row, its text in 'text'.")
