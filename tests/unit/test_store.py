"""The notes file on disk: never truncated, never lost, shared safely (CHECKLIST 11-15)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.unit.test_notes_file import DOC, note
from tui.corpus import store as store_module
from tui.corpus.notes import Kind, NotesData, read_notes, write_notes
from tui.corpus.store import NotesSaveError, NotesStore

KILLS = 1000


def opened(path: Path) -> NotesStore:
    store = NotesStore(path)
    store.load()
    return store


def stamp(version: int) -> str:
    """A note text whose end proves the whole text was written."""
    return f"{version} {hashlib.sha256(str(version).encode()).hexdigest()}"


def _save_forever(path: Path) -> None:
    """The child: bump the counter note and save, as fast as it can, until killed."""
    store = opened(path)
    counter = store.get("counter")
    assert counter is not None
    version = int(counter.text.split()[0])
    while True:
        version += 1
        # A long text, so that the file takes several writes and a kill can land in one.
        store.update(replace(counter, text=stamp(version) + "\n" + "x" * (version % 4000)))
        store.save()


def test_killed_during_saves_leaves_the_old_or_the_new_file_complete(tmp_path: Path) -> None:
    """CHECKLIST 11: SIGKILL at random moments, a thousand times."""
    path = tmp_path / "notes.yaml"
    static = {f"s{n}": note(f"s{n}", text=f"static note {n}\n" * 20) for n in range(40)}
    counter = note("counter", text=stamp(0))
    path.write_text(write_notes(NotesData({**static, "counter": counter})), encoding="utf-8")
    rng = random.Random(11)
    last = 0
    moved = mid_write = kills = 0
    # A thousand kills, and more where a slow machine gave too few of them in the middle
    # of a write or after a save completed (a twentieth of the thousand each).
    while kills < KILLS or (min(mid_write, moved) <= KILLS // 20 and kills < 3 * KILLS):
        kills += 1
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child until killed
            try:
                _save_forever(path)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0, 0.02))
        os.kill(child, signal.SIGKILL)
        _, status = os.waitpid(child, 0)
        assert os.WIFSIGNALED(status), "the child died of the kill, not of an error"
        mid_write += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        text = path.read_text(encoding="utf-8")
        data = read_notes(text)
        assert write_notes(data) == text, "the file is exactly as a complete save writes it"
        assert {k: v for k, v in data.entries.items() if k != "counter"} == static
        head = data.entries["counter"].text.split("\n")[0]
        version = int(head.split()[0])
        assert head == stamp(version)
        assert version >= last, "never an older version than one seen complete"
        moved += version > last
        last = version
        backup = store_module.NotesStore(path).backup_path
        if backup.exists():
            assert write_notes(read_notes(backup.read_text(encoding="utf-8"))) == backup.read_text(
                encoding="utf-8"
            )
    # The kills did land in the middle of writes, and saves completed between them.
    assert mid_write > KILLS // 20 and moved > KILLS // 20, (mid_write, moved, kills)
    # Temporary files left by killed saves are cleared by the next save.
    opened(path).save()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.yaml",
        "notes.yaml.bak",
        "notes.yaml.lock",
    ]


ADDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from tui.corpus.anchor import anchor_for
    from tui.corpus.notes import Kind, Note
    from tui.corpus.store import NotesStore
    from tui.corpus.notes import Anchor
    path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.001)
    store = NotesStore(path)
    store.load()
    for n in range(200):
        store.add(Note(f"{{name}}-{{n}}", Kind.NOTE, Anchor("doc", n), f"{{name}} says {{n}}"))
        store.save()
    """
)


def test_two_processes_adding_200_notes_each_leave_400(tmp_path: Path) -> None:
    """CHECKLIST 14: the lock and the merge by id keep both sets."""
    path = tmp_path / "notes.yaml"
    go = tmp_path / "go"
    script = ADDER.format(repo=str(REPO))
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(path), name, str(go)])
        for name in ("left", "right")
    ]
    time.sleep(0.5)
    go.touch()
    assert [writer.wait(timeout=300) for writer in writers] == [0, 0]
    entries = opened(path).entries()
    assert len(entries) == 400
    assert {n.text for n in entries} == {
        f"{name} says {n}" for name in ("left", "right") for n in range(200)
    }


def test_an_edit_made_by_hand_while_running_is_kept(tmp_path: Path) -> None:
    """CHECKLIST 15: taken in at the next refresh, or at the latest by the next save."""
    path = tmp_path / "notes.yaml"
    path.write_text(write_notes(NotesData({"n1": note("n1")})), encoding="utf-8")
    running = opened(path)
    by_hand = path.read_text(encoding="utf-8").replace("text: a note", "text: edited by hand")
    by_hand += f"- doc: {DOC}\n  paragraph: 9\n  text: typed in the editor\n"
    by_hand = by_hand.replace("bookmarks: []\n", "") + "bookmarks: []\n"
    path.write_text(by_hand, encoding="utf-8")
    running.add(note("n2", text="added in dossier"))
    running.save()
    texts = {n.text for n in opened(path).entries()}
    assert texts == {"edited by hand", "typed in the editor", "added in dossier"}
    assert {n.text for n in running.entries()} == texts

    path.write_text(path.read_text(encoding="utf-8").replace("added in", "changed in"), "utf-8")
    assert running.refresh()
    assert "changed in dossier" in {n.text for n in running.entries()}
    assert not running.refresh(), "nothing new the second time"


def test_comments_survive_saves_that_merge_a_second_process_s_save(tmp_path: Path) -> None:
    """Issue 25: comments written by hand stay through this dossier's saves, another
    dossier's (a second process) and this one's again, which merges the other's."""
    path = tmp_path / "notes.yaml"
    written = write_notes(NotesData({"n1": note("n1")}))
    commented = written.replace("- id: n1\n", "# about n1\n- id: n1  # beside n1\n")
    path.write_text("# my notes\n" + commented + "# the end\n", encoding="utf-8")
    running = opened(path)
    running.add(note("n2", text="added here"))
    running.save()
    go = tmp_path / "go"
    go.touch()
    script = ADDER.format(repo=str(REPO)).replace("range(200)", "range(2)")
    subprocess.run([sys.executable, "-c", script, str(path), "other", str(go)], check=True)
    edited = running.update(replace(note("n1"), text="edited here"))
    running.save()
    saved = path.read_text(encoding="utf-8")
    for comment in ("# my notes\n", "# about n1\n- id: n1  # beside n1\n", "# the end\n"):
        assert comment in saved
    entries = {n.id: n for n in opened(path).entries()}
    assert set(entries) == {"n1", "n2", "other-0", "other-1"}
    assert entries["n1"] == edited


def test_a_symlinked_notes_file_stays_a_symlink(tmp_path: Path) -> None:
    """CHECKLIST 13."""
    (tmp_path / "sync").mkdir()
    target = tmp_path / "sync" / "real-notes.yaml"
    target.write_text(write_notes(NotesData({"n1": note("n1")})), encoding="utf-8")
    link = tmp_path / "notes.yaml"
    link.symlink_to(target)
    store = opened(link)
    store.add(note("n2"))
    store.save()
    assert link.is_symlink() and link.resolve() == target
    assert [n.id for n in opened(target).entries()] == ["n1", "n2"]
    assert sorted(p.name for p in (tmp_path / "sync").iterdir()) == [
        "real-notes.yaml",
        "real-notes.yaml.bak",
        "real-notes.yaml.lock",
    ]


def test_the_previous_version_is_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    first = path.read_text(encoding="utf-8")
    store.add(note("n2"))
    store.save()
    assert (tmp_path / "notes.yaml.bak").read_text(encoding="utf-8") == first
    assert path.stat().st_mode & 0o777 == 0o600, "notes are private by default"


FAILURES = {
    "disk full": ("write", errno.ENOSPC, "the disk is full"),
    "read-only folder": ("open", errno.EACCES, "read-only?"),
    "read-only file system": ("replace", errno.EROFS, "read-only?"),
}


@pytest.mark.parametrize("case", FAILURES)
def test_a_failed_save_is_loud_keeps_the_note_and_damages_nothing(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CHECKLIST 12."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    before = path.read_bytes()
    call, code, message = FAILURES[case]
    real = getattr(os, call)

    def failing(*args: object, **kwargs: object) -> object:
        if call == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module.os, call, failing)
    store.add(note("n2", text="must not be lost"))
    with pytest.raises(NotesSaveError, match=message.replace("?", r"\?")) as failure:
        store.save()
    assert "they are kept in memory" in str(failure.value)
    assert path.read_bytes() == before
    assert store.dirty
    assert [n.id for n in store.entries()] == ["n1", "n2"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    store.save()
    assert [n.text for n in opened(path).entries()] == ["a note", "must not be lost"]


def test_a_save_waits_for_another_one_then_says_who_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
    with (tmp_path / "notes.yaml.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(NotesSaveError, match="another process holds"):
            store.save()
    assert not path.exists()
    store.save()
    assert [n.id for n in opened(path).entries()] == ["n1"]


def test_a_missing_folder_is_created_on_the_first_save(tmp_path: Path) -> None:
    path = tmp_path / "data" / "dossier" / "notes.yaml"
    store = opened(path)
    assert store.entries() == [] and not store.read_only
    store.add(note("n1"))
    assert store.save()
    assert not store.save(), "nothing to write the second time"
    assert [n.id for n in opened(path).entries()] == ["n1"]


# -- issue 23: the notes file under faults ----------------------------------------------


def in_a_thread(action: Callable[[], object], seconds: float = 10) -> object:
    """What `action` returns, run where a hang cannot hold up the tests; fails after
    `seconds`."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"still running after {seconds} s"
    return result[0]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    os.mkfifo(path)
    try:
        store = in_a_thread(lambda: opened(path))
    finally:
        with contextlib.suppress(OSError):  # a read left blocked by a broken store ends
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    assert isinstance(store, NotesStore)
    assert "a named pipe (FIFO), not a file" in store.describe_problem()
    with pytest.raises(NotesSaveError, match="FIFO"):
        store.save()


def test_a_regular_file_is_read_up_to_the_cap_whatever_size_it_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/dev/zero reports size 0 and never ends: only a regular file is read, and no more
    than the cap of any file (a file growing while read reports a smaller size)."""
    link = tmp_path / "notes.yaml"
    link.symlink_to("/dev/zero")
    store = in_a_thread(lambda: opened(link))
    assert isinstance(store, NotesStore)
    assert "a character device, not a file" in store.describe_problem()

    growing = tmp_path / "growing.yaml"
    growing.write_text("version: 1\nnotes: []\n" + "#" * 4000 + "\n", encoding="utf-8")
    monkeypatch.setattr(store_module, "MAX_BYTES", 1000)
    real_fstat = os.fstat

    def small(handle: int) -> os.stat_result:
        reported = list(real_fstat(handle))
        reported[6] = 10  # st_size, as it was a moment before
        return os.stat_result(reported)

    monkeypatch.setattr(store_module.os, "fstat", small)
    assert "larger than" in opened(growing).describe_problem()


def test_a_file_the_user_made_read_only_is_never_written(tmp_path: Path) -> None:
    """Checked on the permission bits: root (these tests) could write it anyway."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    path.chmod(0o444)
    before = (path.read_bytes(), path.stat().st_ino, sorted(tmp_path.iterdir()))
    store.add(note("n2", text="kept in memory"))
    with pytest.raises(NotesSaveError, match="is read-only: dossier writes nothing"):
        store.save()
    assert (path.read_bytes(), path.stat().st_ino, sorted(tmp_path.iterdir())) == before
    assert store.dirty and [n.id for n in store.entries()] == ["n1", "n2"]
    path.chmod(0o644)
    store.save()
    assert [n.id for n in opened(path).entries()] == ["n1", "n2"]
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_deleted_file_deletes_nothing_and_keeps_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    store = opened(path)
    for name in ("n1", "n2"):
        store.add(note(name))
        store.save()
    backup = (tmp_path / "notes.yaml.bak").read_bytes()
    path.unlink()
    assert not store.refresh()
    assert store.vanished and [n.id for n in store.entries()] == ["n1", "n2"]
    store.add(note("b1", kind=Kind.BOOKMARK))
    store.save()
    assert [n.id for n in opened(path).entries()] == ["n1", "n2", "b1"]
    assert not store.vanished
    assert (tmp_path / "notes.yaml.bak").read_bytes() == backup

    path.unlink()  # and no look at the file before the next save
    store.add(note("b2", kind=Kind.BOOKMARK))
    store.save()
    assert [n.id for n in opened(path).entries()] == ["n1", "n2", "b1", "b2"]


def editor_edit(path: Path, note_id: str, text: str) -> str:
    """The file as an editor saves it after adding `note_id` to what it read."""
    data = read_notes(path.read_text(encoding="utf-8"))
    return write_notes(replace(data, entries={**data.entries, note_id: note(note_id, text)}))


def test_an_editor_save_just_before_the_rename_is_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read and merged, then an editor saves it, then dossier renames."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    real = store_module.write_new

    def then_the_editor(temporary: Path, data: bytes, mode: int) -> os.stat_result:
        written = real(temporary, data, mode)
        if not by_editor:
            by_editor.append(editor_edit(path, "vim", "written in vim"))
            path.write_text(by_editor[0], encoding="utf-8")
            os.utime(path, ns=(0, 0))  # long settled
        return written

    by_editor: list[str] = []
    monkeypatch.setattr(store_module, "write_new", then_the_editor)
    store.add(note("n2", text="added in dossier"))
    store.save()
    assert by_editor
    assert {n.id for n in opened(path).entries()} == {"n1", "vim", "n2"}


def test_a_version_written_just_before_the_rename_is_never_replaced_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's save lands between dossier's read and its rename, and that version
    cannot be parsed: dossier does not write over it (it would not know what it held)."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    broken = "version: 1\nnotes: [\n"
    real = store_module.write_new

    def then_the_editor(temporary: Path, data: bytes, mode: int) -> os.stat_result:
        written = real(temporary, data, mode)
        path.write_text(broken, encoding="utf-8")
        os.utime(path, ns=(0, 0))
        return written

    monkeypatch.setattr(store_module, "write_new", then_the_editor)
    store.add(note("n2", text="added in dossier"))
    with pytest.raises(NotesSaveError, match="line 3, column 1"):
        store.save()
    assert path.read_text(encoding="utf-8") == broken
    assert store.dirty and [n.id for n in store.entries()] == ["n1", "n2"]


def test_an_in_place_write_into_the_replaced_file_is_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor opened the file before dossier's rename and writes into it after."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    real = os.replace

    def editor_writes_during(source: str | Path, target: str | Path) -> None:
        if Path(target) != path or by_editor:
            real(source, target)
            return
        by_editor.append(editor_edit(path, "vim", "written in place"))
        handle = os.open(path, os.O_WRONLY)  # the editor's, on the version being replaced
        real(source, target)
        os.ftruncate(handle, 0)
        os.write(handle, by_editor[0].encode())
        os.close(handle)

    by_editor: list[str] = []
    monkeypatch.setattr(store_module.os, "replace", editor_writes_during)
    store.add(note("n2", text="added in dossier"))
    store.save()
    assert by_editor
    assert {n.id for n in opened(path).entries()} == {"n1", "vim", "n2"}


def test_an_editor_save_right_after_the_rename_is_merged_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that read the file before dossier's save writes it right after: the
    read-back finds dossier's note missing and saves again."""
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1"))
    store.save()
    real = os.replace

    def editor_renames_after(source: str | Path, target: str | Path) -> None:
        if Path(target) != path or by_editor:
            real(source, target)
            return
        by_editor.append(editor_edit(path, "vim", "renamed into place"))
        real(source, target)
        staged = tmp_path / "vim.swp"
        staged.write_text(by_editor[0], encoding="utf-8")
        os.utime(staged, ns=(0, 0))
        real(staged, path)

    by_editor: list[str] = []
    monkeypatch.setattr(store_module.os, "replace", editor_renames_after)
    store.add(note("n2", text="added in dossier"))
    assert store.save()
    assert by_editor
    assert {n.id for n in opened(path).entries()} == {"n1", "vim", "n2"}


def test_a_notes_path_that_cannot_be_looked_at_is_a_problem_not_a_crash(
    tmp_path: Path,
) -> None:
    """A symlink loop: every look at it fails with ELOOP, which a save reports."""
    path = tmp_path / "notes.yaml"
    path.symlink_to("notes.yaml")
    store = opened(path)
    assert "cannot read" in store.describe_problem()
    assert not store.refresh()
    with pytest.raises(NotesSaveError):
        store.save()


def test_unsaved_notes_go_to_a_recovery_file_which_merges_back(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    store = opened(path)
    store.add(note("n1", text="saved"))
    store.save()
    saved = store.get("n1")
    assert saved is not None
    store.update(replace(saved, text="changed, not saved"))
    store.add(note("n2", text="added, not saved"))
    with (tmp_path / "notes.yaml.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(NotesSaveError, match="another process holds"):
            store.save(lock_timeout=0.2)
        recovery = store.write_recovery(store.unsaved())
    assert recovery.parent == tmp_path and recovery.name.startswith("notes.yaml.recover-")
    assert recovery.stat().st_mode & 0o777 == 0o600
    kept = read_notes(recovery.read_text(encoding="utf-8")).entries
    assert {key: n.text for key, n in kept.items()} == {
        "n1": "changed, not saved",
        "n2": "added, not saved",
    }
    assert store.write_recovery(store.unsaved()) != recovery, "a second one never replaces it"

    later = opened(path)
    assert later.recovery_files() == sorted(tmp_path.glob("notes.yaml.recover-*"))
    recovered = later.recover()
    assert recovered.entries == 4 and len(recovered.files) == 2
    assert {n.id: n.text for n in opened(path).entries()} == {
        "n1": "changed, not saved",
        "n2": "added, not saved",
    }
    assert later.recovery_files() == []
