"""What a person types to the search and the concordance: the query language's
help and the concordance's orders, for the CLI's help and the screens. Apart from
the index (`tui.corpus.search`), which a start of the reader imports only once the
first frame is drawn."""

from __future__ import annotations

from enum import StrEnum

QUERY_HELP = (
    'words match fuzzily (typos, other spellings) · "exact phrase" · -word excludes · '
    "speaker:NAME topic:NAME kind:question|answer|statement|quote|heading "
    "year:2020 after:2017-01-01 before:2018-06 doc:ID"
)


class KwicOrder(StrEnum):
    DATE = "date"
    SPEAKER = "speaker"
    LEFT = "left"
    RIGHT = "right"
