"""A corpus folder, read into Documents in sidebar order."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from tui.corpus.clean import BinaryFileError, clean_line, decode
from tui.corpus.config import Config
from tui.corpus.model import Document
from tui.corpus.parse import parse_text
from tui.corpus.topics import TopicMatcher

log = logging.getLogger("dossier")

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Bytes read from one file; the rest is skipped with a warning."""


@dataclass(frozen=True, slots=True)
class FileError:
    """A file in the corpus folder that could not be read as a document."""

    path: Path
    id: str
    reason: str


class DocumentError(ValueError):
    pass


def corpus_files(folder: Path) -> list[Path]:
    """Every non-hidden file below `folder`, dangling links included, by name."""
    files = [
        path
        for path in folder.rglob("*")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and (path.is_file() or (path.is_symlink() and not path.exists()))
    ]
    return sorted(files, key=lambda path: path.relative_to(folder).as_posix())


def read_document(path: Path, doc_id: str, config: Config, matcher: TopicMatcher) -> Document:
    """Read and parse one file; raise DocumentError with a reason a person can act on."""
    if path.is_symlink() and not path.exists():
        raise DocumentError("dangling symlink")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror or error}") from None
    return document_from_bytes(data, path, doc_id, config, matcher)


def document_from_bytes(
    data: bytes, path: Path, doc_id: str, config: Config, matcher: TopicMatcher
) -> Document:
    """Decode, clean and parse a file's bytes (at most MAX_FILE_BYTES + 1 of them)."""
    warnings: list[str] = []
    if len(data) > MAX_FILE_BYTES:
        data = data[:MAX_FILE_BYTES]
        warnings.append(f"file is larger than {MAX_FILE_BYTES // 2**20} MB; the rest was skipped")
    if not data.strip():
        raise DocumentError("empty file")
    try:
        decoded = decode(data, config.encoding_fallback)
    except BinaryFileError as error:
        raise DocumentError(str(error)) from None
    warnings.extend(decoded.warnings)
    return parse_text(doc_id, path, decoded.text, config, matcher, tuple(warnings))


@dataclass(frozen=True, slots=True)
class Library:
    folder: Path
    config: Config
    matcher: TopicMatcher
    documents: tuple[Document, ...]
    """Sorted by event date, oldest first; undated documents last."""
    errors: tuple[FileError, ...]
    _by_id: dict[str, Document] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {document.id: document for document in self.documents})

    @classmethod
    def load(cls, folder: Path, config: Config) -> Library:
        matcher = TopicMatcher(config.topics)
        documents: list[Document] = []
        errors: list[FileError] = []
        for path, doc_id in _ids(folder):
            try:
                documents.append(read_document(path, doc_id, config, matcher))
            except DocumentError as error:
                errors.append(FileError(path, doc_id, str(error)))
            except Exception as error:  # a parser bug must cost one file, not the corpus
                log.exception("parsing %s failed", path)
                errors.append(FileError(path, doc_id, f"parser failed: {error!r}"))
        documents.sort(key=lambda document: document.sort_key)
        return cls(folder, config, matcher, tuple(documents), tuple(errors))

    def by_id(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    def get(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)


def _ids(folder: Path) -> list[tuple[Path, str]]:
    """Files with their ids: the stem, or the relative path where stems collide; a file
    name is outside text, so what would act on a terminal is made visible."""
    files = corpus_files(folder)
    stems: dict[str, int] = {}
    for path in files:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    return [
        (
            path,
            clean_line(
                path.stem
                if stems[path.stem] == 1
                else path.relative_to(folder).with_suffix("").as_posix()
            ),
        )
        for path in files
    ]
