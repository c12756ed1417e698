"""`json.dumps` without its per-call setup: the same text, from C encoders made once.

`json.dumps`, like `JSONEncoder.encode`, builds a new C encoder object on every call (~1.5 us).
For the short values the store writes with each article (related URLs, warnings, field
sources, the inputs of the version and quotes hashes) that setup is most of the cost. The
encoders here are made once with `json.dumps`'s default settings and give the same text
(tests/storage/test_jsontext.py compares them on many values).

One difference: no circular-reference check (its bookkeeping is per call). A value that
contains itself fails with RecursionError instead of ValueError; nothing here builds one.
Without the C accelerator (not CPython), these are `json.dumps` itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder
from typing import Any


def _refuse(value: Any) -> Any:
    """What `JSONEncoder.default` does with a value JSON has no form for."""
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _encoder(ensure_ascii: bool) -> Callable[[Any, int], list[str]] | None:
    make: Callable[..., Any] | None = getattr(encoder, "c_make_encoder", None)  # not in typeshed
    if make is None:
        return None
    # The arguments JSONEncoder.iterencode passes for json.dumps's defaults, but markers=None.
    return make(
        None, _refuse,
        encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring,
        None, ": ", ", ", False, False, True,
    )  # fmt: skip


_ASCII = _encoder(ensure_ascii=True)
_UNICODE = _encoder(ensure_ascii=False)


# Plain module functions, not closures: psycopg, which SQLAlchemy hands the serializer, warns
# about a closure as a possible leak (it caches a dumper per function object).
def dumps(value: Any) -> str:
    """`json.dumps(value)`."""
    if _ASCII is None:
        return json.dumps(value)
    return "".join(_ASCII(value, 0))


def dumps_unicode(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False)`."""
    if _UNICODE is None:
        return json.dumps(value, ensure_ascii=False)
    return "".join(_UNICODE(value, 0))
