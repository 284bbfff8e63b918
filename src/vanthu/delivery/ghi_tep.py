"""Writing files whole or not at all: single files, body folders, and the issued originals.

Nothing here touches the store; the use cases call it at the right moment of their transaction.

Issue (ban hành) protocol — no numbered file exists in its issued place without its register row:

1. Inside the issuing transaction, once the number is taken and the files are rendered, they
   are written (fsync'd, read-only) into a staging folder ``<root>/.ban-hanh/<id>-<pid>-<rand>/``
   with ``dich.json`` naming each file's final path and SHA-256; the process holds an exclusive
   ``flock`` on the folder's lock file until it is done (the kernel drops it when it dies).
2. The register row, the hashes and the final paths are committed.
3. Only then is each file moved into its issued place with ``os.replace`` (atomic on one file
   system), the folder synced, and the staging folder removed.
4. A failure before the commit removes the staging folder; a failure at or after it leaves it.
5. Before the next issue or distribution, :func:`hoan_tat_ban_hanh` looks at every staging
   folder whose lock it can take (its process is gone): if the store holds that issue with the
   same paths and hashes, the files are moved into place; otherwise the folder is deleted.

Distribution and recall write in a run's scratch folder (:class:`KhuTam`,
``<directive folder>/.dang-ghi/<pid>-<rand>/``, locked the same way) and rename into place: a
body's folder appears complete or not at all, and recall notices appear only once the recall is
committed (:class:`ThongBaoTam`). The next run removes the scratch folder of a dead one. A name
starting with '.' is never made from data (:func:`.duong_dan.ten_an_toan`), so these folders
cannot collide with a body's.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from .duong_dan import trong_goc

#: Staging folder of issues under the output root (its leading dot keeps it out of any name
#: built from data: :func:`ten_an_toan` refuses names starting with '.').
THU_MUC_TAM = ".ban-hanh"
_KHOA = "khoa"
_DICH = "dich.json"
#: Seconds a hidden scratch or staging folder is left alone: its maker may not have locked and
#: named it yet.
_TRE_TOI_DA_S = 60.0

#: Test hook: the moment named here (see ``diem_dung``) stops the process, after touching the
#: file named by ``VANTHU_TEST_PAUSE_FILE``, so that a test can kill it there.
BIEN_DUNG = "VANTHU_TEST_PAUSE_AT"
BIEN_TEP_DUNG = "VANTHU_TEST_PAUSE_FILE"


def diem_dung(ten: str) -> None:
    """Pause here forever if the test hook names this moment (never set outside tests)."""
    if os.environ.get(BIEN_DUNG) != ten:
        return
    marker = os.environ.get(BIEN_TEP_DUNG)
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    while True:  # pragma: no cover - killed by the test
        time.sleep(60)


def loi_ghi(path: Path, error: OSError) -> OutputError:
    """The error for a file or folder that cannot be written: the path and the OS's reason."""
    reason = os.strerror(error.errno) if error.errno else str(error)
    return OutputError(str(path), f"cannot be written: {reason}")


def _fsync_thu_muc(folder: Path) -> None:
    """Make the names in a folder durable (its entries, after a rename)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ghi_xuong(path: Path, data: bytes, che_do: int = 0o644) -> None:
    """Write ``data`` into a new file at ``path`` and force it to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, che_do)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _ten_tam(path: Path, khu: KhuTam | None) -> Path:
    """A temporary name for ``path``, unique to this call: in the run's scratch folder, else
    hidden beside it."""
    if khu is not None:
        return khu.thu_muc / f"{path.name}.{secrets.token_hex(4)}"
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tam")


def _lay_khoa_neu_bo(folder: Path) -> int | None:
    """The lock of a scratch or staging folder if no live process holds it (its owner died),
    else None. The caller closes the descriptor to release it.

    A hidden folder is one being made (see :func:`_tao_co_khoa`): it is taken only once it is
    older than ``_TRE_TOI_DA_S`` (its maker died before naming it).
    """
    try:
        if folder.name.startswith(".") and time.time() - folder.stat().st_mtime < _TRE_TOI_DA_S:
            return None
        fd = os.open(folder / _KHOA, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:  # removed meanwhile by its owner or another run
        return None
    except OSError as error:
        raise loi_ghi(folder, error) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _tao_co_khoa(base: Path, ten: str) -> tuple[Path, int]:
    """A new folder ``base/ten`` holding a lock file this process locks until it closes it.

    The folder is made under a hidden name, locked, then renamed: a folder under its own name
    is always locked by its live maker, so a lock taken on one means its maker is dead.
    """
    folder = base / ten
    hidden = base / f".{ten}"
    for attempt in range(5):
        try:
            base.mkdir(parents=True, exist_ok=True)
            hidden.mkdir()
            break
        except FileNotFoundError:  # another run removed the empty base meanwhile
            if attempt == 4:
                raise
    fd = os.open(hidden / _KHOA, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(hidden, folder)
    except BaseException:
        os.close(fd)
        shutil.rmtree(hidden, ignore_errors=True)
        raise
    return folder, fd


class KhuTam:
    """A run's scratch folder ``<folder>/.dang-ghi/<pid>-<rand>/`` (khu tạm), locked while the
    run's process lives. Body folders and files are made there and renamed into place, so a
    killed run leaves nothing half written in sight; the next run removes its scratch folder."""

    TEN = ".dang-ghi"

    def __init__(self, thu_muc: Path, khoa: int) -> None:
        self.thu_muc = thu_muc
        self._khoa: int | None = khoa

    @classmethod
    def mo(cls, goc: Path) -> KhuTam:
        """Remove the scratch folders of dead runs under ``goc``, and make this run's.

        Raises:
            OutputError: ``goc`` cannot be written, naming it.
        """
        base = goc / cls.TEN
        try:
            for folder in sorted(p for p in base.iterdir() if p.is_dir()):
                fd = _lay_khoa_neu_bo(folder)
                if fd is not None:
                    shutil.rmtree(folder, ignore_errors=True)
                    os.close(fd)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise loi_ghi(base, error) from None
        try:
            folder, fd = _tao_co_khoa(base, f"{os.getpid()}-{secrets.token_hex(4)}")
        except OSError as error:
            raise loi_ghi(goc, error) from None
        return cls(folder, fd)

    def close(self) -> None:
        """Remove the scratch folder and release its lock."""
        shutil.rmtree(self.thu_muc, ignore_errors=True)
        if self._khoa is not None:
            os.close(self._khoa)
            self._khoa = None
        with contextlib.suppress(OSError):
            self.thu_muc.parent.rmdir()  # only when no other run is writing

    def __enter__(self) -> KhuTam:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ghi_nguyen_tu(path: Path, data: bytes, che_do: int = 0o644, khu: KhuTam | None = None) -> None:
    """Write a file whole or not at all: a temporary file (in ``khu``, else beside it), then
    ``os.replace``.

    Raises:
        OutputError: the folder cannot be written (permissions, full disk …), naming it.
    """
    temp = _ten_tam(path, khu)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _ghi_xuong(temp, data, che_do)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise loi_ghi(path, error) from None


def sao_chep(original: Path, copy: Path, khu: KhuTam | None = None) -> None:
    """Copy an issued file whole (a temporary file, then ``os.replace``), read-only."""
    temp = _ten_tam(copy, khu)
    try:
        shutil.copyfile(original, temp)
        temp.chmod(0o444)
        os.replace(temp, copy)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def dat_ban_goc(
    original: Path,
    copy: Path,
    lien_ket: Callable[[Path, Path], None] = os.link,
    khu: KhuTam | None = None,
) -> None:
    """Put an issued file in a body's folder (đặt bản gốc): a hard link to the frozen original.

    A link is the identical file by construction, read-only like the original, and costs no
    bytes: copying the DOCX and PDF into 3,000 folders took 8.3 s on this kind of machine's
    disk, linking them 0.4 s. Where the file system cannot link (``lien_ket`` fails: another
    device, a share without links) the file is copied whole. A file already there is kept if it
    is the original, and replaced otherwise (a copy from an earlier run, or a partial one); a run
    linking the same body at the same moment finds the link made and leaves it.

    Raises:
        OSError: the copy failed too (the caller names the path).
    """
    for _ in range(2):
        try:
            lien_ket(original, copy)
            return
        except FileExistsError:
            if os.path.samefile(original, copy):
                return
            copy.unlink(missing_ok=True)
        except OSError:
            break
    sao_chep(original, copy, khu)


def ghi_thu_muc(target: Path, tep: Mapping[str, bytes | Path], khu: KhuTam | None = None) -> None:
    """Write one body's folder so that it appears complete or not at all.

    ``tep`` maps each file name to its bytes, or to an issued original to link. A new folder is
    filled under a temporary name (in ``khu``) and renamed into place; a folder already
    there (an earlier run, a recall notice, reports) keeps its other files and has each of these
    replaced whole.

    Raises:
        OutputError: the folder cannot be written, naming it; no partial folder is left.
    """

    def dien(folder: Path) -> None:
        for name, content in tep.items():
            if isinstance(content, Path):
                dat_ban_goc(content, folder / name, khu=khu)
            else:
                ghi_nguyen_tu(folder / name, content, khu=khu)

    try:
        if not target.is_dir():
            temp = _ten_tam(target, khu)
            temp.mkdir(parents=True)
            try:
                dien(temp)
                os.rename(temp, target)
                return
            except OSError as error:
                shutil.rmtree(temp, ignore_errors=True)
                if error.errno not in (errno.EEXIST, errno.ENOTEMPTY) or not target.is_dir():
                    raise
                # another run made it meanwhile: fill it file by file below
            except BaseException:
                shutil.rmtree(temp, ignore_errors=True)
                raise
        dien(target)
    except OSError as error:
        raise loi_ghi(target, error) from None


def xoa_tep(goc: Path, files: list[Path]) -> None:
    """Remove files under ``goc`` and then their folders if left empty (best effort: a file
    that cannot be removed stays). Used for the files of a voided number (#10)."""
    for path in files:
        try:
            if path.resolve().is_relative_to(goc.resolve()):
                path.unlink(missing_ok=True)
        except OSError:
            continue
    for folder in {p.parent for p in files}:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty


def sha256(data: bytes) -> str:
    """The hex SHA-256 the store records for a frozen file."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class BanTam:
    """The staged files of one issue, locked by this process until published or dropped."""

    thu_muc: Path
    """The staging folder."""
    dich: dict[str, Path]
    """Staged file name → its issued place."""
    khoa: int | None
    """The lock's file descriptor while this process holds it."""

    def tha_khoa(self) -> None:
        """Release the lock: a later run may then finish or drop this staging folder."""
        if self.khoa is not None:
            os.close(self.khoa)
            self.khoa = None

    def huy(self) -> None:
        """Drop the staged files (the issue was rolled back)."""
        shutil.rmtree(self.thu_muc, ignore_errors=True)
        self.tha_khoa()
        with contextlib.suppress(OSError):
            self.thu_muc.parent.rmdir()  # only when no other issue is staged

    def cong_bo(self) -> None:
        """Move each staged file into its issued place, then remove the staging folder.

        Raises:
            OutputError: a file cannot be moved; the staging folder stays for the next run.
        """
        try:
            _chuyen_vao_cho(self.thu_muc, self.dich)
        except OSError as error:
            self.tha_khoa()
            raise loi_ghi(self.thu_muc, error) from None
        self.huy()


def _chuyen_vao_cho(folder: Path, dich: Mapping[str, Path]) -> None:
    """Move the staged files into place (a file already moved is skipped) and sync the folders."""
    for i, (name, target) in enumerate(dich.items()):
        if i == 1:
            diem_dung("ban_hanh:giua_chuyen")
        staged = folder / name
        if staged.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    for parent in {t.parent for t in dich.values()}:
        _fsync_thu_muc(parent)


def dat_tam(goc: Path, van_ban_id: int, tep: Mapping[Path, bytes]) -> BanTam:
    """Stage the files of an issue under ``goc`` (step 1 of the protocol in the module's doc).

    ``tep`` maps each issued place (under ``goc``, checked by the caller) to its bytes. The
    issued folders are made now and checked writable, so that a folder that cannot be written
    fails the issue before its number is committed.

    Raises:
        OutputError: the output folder cannot be written, naming it; nothing is left behind.
    """
    base = goc / THU_MUC_TAM
    folder = base / f"{van_ban_id}-{os.getpid()}-{secrets.token_hex(4)}"
    ban = BanTam(folder, {}, None)
    try:
        folder, ban.khoa = _tao_co_khoa(base, folder.name)
        entries: dict[str, dict[str, str]] = {}
        for i, (target, data) in enumerate(tep.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(target.parent, os.W_OK | os.X_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target.parent))
            name = f"{i}{target.suffix}"
            _ghi_xuong(folder / name, data, 0o444)  # frozen: never rewritten
            ban.dich[name] = target
            entries[name] = {"dich": str(target), "sha256": sha256(data)}
        manifest = {"van_ban_id": van_ban_id, "tep": entries}
        _ghi_xuong(folder / _DICH, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        _fsync_thu_muc(folder)
    except OSError as error:
        ban.huy()
        where = Path(error.filename) if isinstance(error.filename, str) else folder
        raise loi_ghi(where, error) from None
    except BaseException:
        ban.huy()
        raise
    return ban


DaGhi = Callable[[int, Mapping[str, str]], bool]
"""Whether the store holds issue ``van_ban_id`` with these final paths → SHA-256."""


def hoan_tat_ban_hanh(goc: Path, da_ghi: DaGhi) -> list[Path]:
    """Finish or drop the staged issues of processes that died (step 5 of the protocol).

    A staging folder whose lock another live process holds is left alone. One whose issue the
    store holds with the same paths and hashes (``da_ghi``) has its files moved into place;
    any other — the issue rolled back, or the folder half written — is deleted.

    Returns:
        The issued files moved into place.

    Raises:
        OutputError: a committed issue's files cannot be moved into place.
    """
    base = goc / THU_MUC_TAM
    try:
        folders = sorted(p for p in base.iterdir() if p.is_dir())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise loi_ghi(base, error) from None
    moved: list[Path] = []
    for folder in folders:
        fd = _lay_khoa_neu_bo(folder)
        if fd is None:
            continue  # its process is alive, in the middle of its issue
        try:
            if folder.is_dir():
                moved.extend(_hoan_tat_mot(goc, folder, da_ghi))
        finally:
            os.close(fd)
    with contextlib.suppress(OSError):
        base.rmdir()  # only when empty
    return moved


def _en_place(staged: Path, target: Path, digest: str) -> bool:
    """Whether a staged file is whole (its recorded hash), or was already moved into place."""
    if staged.exists():
        return sha256(staged.read_bytes()) == digest
    return target.exists()


def _hoan_tat_mot(goc: Path, folder: Path, da_ghi: DaGhi) -> list[Path]:
    """Finish one abandoned staging folder, or delete it; the files moved into place."""
    try:
        manifest = json.loads((folder / _DICH).read_text(encoding="utf-8"))
        van_ban_id = int(manifest["van_ban_id"])
        entries: dict[str, dict[str, str]] = manifest["tep"]
        dich = {
            n: trong_goc(goc, *Path(e["dich"]).relative_to(goc).parts) for n, e in entries.items()
        }
        hashes = {str(dich[n]): e["sha256"] for n, e in entries.items()}
        complete = all(_en_place(folder / n, dich[n], e["sha256"]) for n, e in entries.items())
    except (OSError, ValueError, KeyError, TypeError, OutputError):
        complete, van_ban_id, dich, hashes = False, 0, {}, {}
    if complete and da_ghi(van_ban_id, hashes):
        try:
            _chuyen_vao_cho(folder, dich)
        except OSError as error:
            raise loi_ghi(folder, error) from None
        shutil.rmtree(folder, ignore_errors=True)
        return list(dich.values())
    shutil.rmtree(folder, ignore_errors=True)
    return []


__all__ = [
    "BanTam",
    "KhuTam",
    "ThongBaoTam",
    "dat_ban_goc",
    "dat_tam",
    "diem_dung",
    "ghi_nguyen_tu",
    "ghi_thu_muc",
    "hoan_tat_ban_hanh",
    "loi_ghi",
    "sao_chep",
    "xoa_tep",
]


class ThongBaoTam:
    """Notices (thông báo) written in a scratch folder before a transaction commits, and put in
    place after it: a notice of a change that was rolled back is never seen."""

    def __init__(self) -> None:
        self._khu: dict[Path, KhuTam] = {}
        self._cho: list[tuple[Path, Path]] = []

    def them(self, goc: Path, dich: Path, data: bytes) -> None:
        """Write the notice meant for ``dich`` (under ``goc``) in ``goc``'s scratch folder.

        Raises:
            OutputError: ``goc`` cannot be written.
        """
        khu = self._khu.get(goc)
        if khu is None:
            khu = self._khu[goc] = KhuTam.mo(goc)
        temp = khu.thu_muc / f"{len(self._cho)}-{dich.name}"
        ghi_nguyen_tu(temp, data)
        self._cho.append((temp, dich))

    def dat_vao_cho(self) -> list[Path]:
        """Rename every notice into place; the places, in order.

        Raises:
            OutputError: a notice cannot be put in place, naming it.
        """
        for temp, dich in self._cho:
            try:
                dich.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, dich)
            except OSError as error:
                raise loi_ghi(dich, error) from None
        return [dich for _, dich in self._cho]

    def close(self) -> None:
        """Remove the scratch folders (and any notice not put in place)."""
        for khu in self._khu.values():
            khu.close()
        self._khu.clear()
