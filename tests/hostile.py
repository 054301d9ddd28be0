"""A hostile corpus: every kind of outside text CHECKLIST 1-7 names, in files a scraper
could really leave behind. Tests write it with `write_hostile_corpus(folder)` and drive
every screen through it.

Each transcript has the shape of the seeds (a date line, a title with place and date, an
opening statement, questions and answers), so the parser makes turns, speakers, topics
and questions of it, and the hostile text reaches every place a document's text can go:
the sidebar (title, place), the reader (speakers, paragraphs, topic tags), search
snippets, the concordance, the speakers list, compare, notes quotes.
"""

from __future__ import annotations

import codecs
import os
import socket
from collections.abc import Callable
from pathlib import Path

MARKUP = (
    "[bold]x[/bold]",
    "[/]",
    "[/",
    "[[",
    "[$5]",
    "[link=x]",
    "[@click=app.quit]",
)
"""CHECKLIST 1, each of which Rich or Textual markup would act on."""

ESCAPES = {
    "clear screen": "\x1b[2J",
    "reset terminal": "\x1bc",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "OSC 8 link": "\x1b]8;;https://example.com\x1b\\a link\x1b]8;;\x1b\\",
    "OSC 0 title": "\x1b]0;PWNED-TITLE\x07",
    "OSC 2 title ST": "\x1b]2;PWNED-TITLE\x1b\\",
    "CSI cursor home": "\x1b[H",
    "8-bit CSI": "\x9b2J",
    "NUL": "\x00",
    "DEL": "\x7f",
    "bell": "\x07",
    "backspace": "\x08",
    "C1 NEL": "\x85",
}
"""CHECKLIST 2: sequences that would act on a terminal if they reached it raw."""

CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r") + "".join(
    chr(code) for code in range(0x7F, 0xA0)
)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u2060\ufeff\u00ad"
"""CHECKLIST 3: reordering and zero-width characters."""

WIDE = (
    "北京の記者会見で質問",
    "Сергей Лавров 😀👍🏽🇷🇺",
    "e\u0301e\u0301 cafe\u0301 Z\u0335\u0321a\u0336l\u0337g\u0338o\u0334",
    "한국어 기자회견",
)
"""CHECKLIST 7: double-width, emoji with modifiers and flags, combining marks."""

TITLE = "Foreign Minister Sergey Lavrov’s remarks and answers to media questions"
"""A title head the parser recognises; each file adds its own words and a place."""


def transcript(
    title: str, place: str, opening: str, question: str, answer: str, head: str = TITLE
) -> str:
    """A transcript in the seeds' shape: dated 6 March 2017 with a question and an
    answer, each of the three texts landing in its own paragraph. The sidebar shows
    `title` when `head` is empty."""
    return (
        "6 March 201714:20\n\n"
        f"{head} {title}, {place}, March 6, 2017\n\n"
        f"Ladies and gentlemen, {opening}\n\n"
        "We discussed Nagorno-Karabakh and the Caspian Sea.\n\n"
        f"Question: {question} What about Nagorno-Karabakh?\n\n"
        f"Sergey Lavrov: {answer} On Nagorno-Karabakh, we support the talks.\n"
    )


def hostile_texts() -> dict[str, str]:
    """File name -> text for the hostile transcripts (written as UTF-8 unless the name
    says otherwise; see `write_hostile_corpus`)."""
    markup = " ".join(MARKUP)
    escapes = " ".join(f"{name}: <{sequence}>" for name, sequence in ESCAPES.items())
    bidi = f"abc{BIDI}def {INVISIBLE} ‮evil‬ user‮gnp.exe"
    wide = " ".join(WIDE)
    return {
        "markup.txt": transcript(f"Talks on {markup}", "Moscow", markup, markup, markup, head=""),
        "escapes.txt": transcript(
            "on \x1b]0;PWNED-TITLE\x07 escapes", "Ba\x1b[31mku", escapes, escapes, escapes
        ),
        "controls.txt": transcript(
            f"on controls {CONTROLS[:8]}", "Minsk", CONTROLS, CONTROLS, CONTROLS
        ),
        "bidi.txt": transcript("on \u202edrow\u202c bidi", "\u202eYerevan", bidi, bidi, bidi),
        "wide.txt": transcript(f"{WIDE[0]} {WIDE[1]}", "東京", wide, wide, wide, head=""),
        "tabs_and_separators.txt": transcript(
            "on\ttabs", "Riga", "one\ttwo\t\tthree", "line\u2028separator", "next\x85line"
        ),
        "crlf.txt": transcript("on CRLF", "Oslo", "a", "b", "c").replace("\n", "\r\n"),
        "lone_cr.txt": transcript("on CR", "Bern", "a", "b", "c").replace("\n", "\r"),
        "mixed_endings.txt": _mixed_endings(transcript("on mixed endings", "Rome", "a", "b", "c")),
        "no_final_newline.txt": transcript("without a final newline", "Kyiv", "a", "b", "c").rstrip(
            "\n"
        ),
        "[b]name [@click=app.quit] [$5] \x1b[31m\u202eevil.txt": transcript(
            "with a hostile file name", "Sofia", "a", "b", "c"
        ),
    }


ENCODED = {
    "utf8_bom.txt": ("utf-8-sig", "with a UTF-8 mark, Привет"),
    "utf16_le.txt": ("utf-16-le", "in UTF-16 LE, Привет"),
    "utf16_be.txt": ("utf-16-be", "in UTF-16 BE, Привет"),
    "cp1251.txt": ("cp1251", "in Windows-1251, Привет Россия"),
    "latin1.txt": ("latin-1", "in Latin-1, café déjà vu à Genève"),
}
"""CHECKLIST 5: file name -> (encoding, title words); the UTF-16 files get their mark."""

SKIPPED_HOSTILE_NAME = "[bold]skipped [@click=app.quit] \x1b]0;PWNED-TITLE\x07.bin"
BROKEN = ("empty.txt", "blank.txt", "binary.bin", "dangling.txt", SKIPPED_HOSTILE_NAME)
"""CHECKLIST 6: files that are not documents; `dossier check` lists each with a reason."""


def _mixed_endings(text: str) -> str:
    lines = text.split("\n")
    endings = ("\r\n", "\n", "\r")
    return "".join(line + endings[index % 3] for index, line in enumerate(lines[:-1])) + lines[-1]


def _encoded(encoding: str, words: str) -> bytes:
    # Latin-1 has no ’: the title's apostrophe is the typewriter one.
    text = transcript(words, "Baku", "a", "b", "c").replace("’", "'")
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + data
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + data
    return data


def huge_line(size: int) -> str:
    """A transcript whose answer is one line of `size` characters."""
    words = "the talks on Nagorno-Karabakh went on and on "
    return transcript("with one huge line", "Paris", "a", "b", words * (size // len(words) + 1))


def write_hostile_corpus(folder: Path, *, line_chars: int = 200_000) -> Path:
    """Write every hostile file into `folder` (created) and return it. `line_chars` sizes
    the one file made of a single long line (CHECKLIST 6 asks for 5 MB: pass 5_000_000)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in hostile_texts().items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    for name, (encoding, words) in ENCODED.items():
        (folder / name).write_bytes(_encoded(encoding, words))
    (folder / "huge_line.txt").write_text(huge_line(line_chars), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (folder / SKIPPED_HOSTILE_NAME).write_bytes(b"\x00" * 64)
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    return folder


# -- entries of a corpus folder that are no files to read (issue 23) ----------------------

LOOP = "cannot read: Too many levels of symbolic links"


def _self_loop(folder: Path) -> None:
    os.symlink("loop.txt", folder / "loop.txt")  # `ln -s loop.txt loop.txt`


def _two_link_loop(folder: Path) -> None:
    os.symlink("pong.txt", folder / "ping.txt")
    os.symlink("ping.txt", folder / "pong.txt")


def _folder_loop(folder: Path) -> None:
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _socket(folder: Path) -> None:
    # A socket's path must be short: it is bound from inside the folder.
    here = os.getcwd()
    os.chdir(folder)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind("socket.txt")
    finally:
        os.chdir(here)


def _devices(folder: Path) -> None:
    os.symlink("/dev/null", folder / "null.txt")
    os.symlink("/dev/zero", folder / "zero.txt")


def _unreadable_file(folder: Path) -> None:
    # Root reads a file whatever its mode; nobody reads /proc/self/mem from its start.
    os.symlink("/proc/self/mem", folder / "memory.txt")


DEEP_NAME = "d" * 200


def _unreadable_folder(folder: Path) -> None:
    """Folders nested past the longest path the system takes (4,096 bytes on Linux):
    the deepest cannot be listed, by root either."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(4096 // len(DEEP_NAME) + 1):
            os.mkdir(DEEP_NAME, dir_fd=descriptor)
            inner = os.open(DEEP_NAME, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)


def _deepest(folder: Path) -> str:
    """The relative path of the first folder `_unreadable_folder` made that cannot be
    listed."""
    parts = [DEEP_NAME]
    while len(f"{folder}/{'/'.join(parts)}") < 4096:
        parts.append(DEEP_NAME)
    return "/".join(parts)


FOLDER_FAULTS: dict[str, tuple[Callable[[Path], None], Callable[[Path], dict[str, str]]]] = {
    "symlink-loop": (_self_loop, lambda _: {"loop.txt": LOOP}),
    "two-link-loop": (_two_link_loop, lambda _: {"ping.txt": LOOP, "pong.txt": LOOP}),
    "folder-link-to-parent": (
        _folder_loop,
        lambda _: {"sub/up": "link to a folder: not entered"},
    ),
    "fifo": (_fifo, lambda _: {"pipe.txt": "a named pipe (FIFO), not a file: not read"}),
    "unix-socket": (_socket, lambda _: {"socket.txt": "a socket, not a file: not read"}),
    "char-devices": (
        _devices,
        lambda _: {
            "null.txt": "a character device, not a file: not read",
            "zero.txt": "a character device, not a file: not read",
        },
    ),
    "unreadable-file": (
        _unreadable_file,
        lambda _: {"memory.txt": "cannot read: Input/output error"},
    ),
    "unreadable-folder": (
        _unreadable_folder,
        lambda folder: {_deepest(folder): "cannot read: File name too long"},
    ),
}
"""Each kind of entry the folder walk must not be stopped by: what makes it in a corpus
folder, and what `dossier check` then says of each entry it made (relative path ->
reason; the unreadable folder's path depends on how deep the corpus folder is)."""


def write_folder_faults(folder: Path) -> dict[str, str]:
    """Make every kind of FOLDER_FAULTS in `folder`; what `check` says of each entry."""
    expected: dict[str, str] = {}
    for make, said in FOLDER_FAULTS.values():
        make(folder)
        expected |= said(folder)
    return expected
