"""Fuzz `vanthu check`: run N generated and mutated directive files through it in-process.

Usage: ``python scripts/fuzz.py [--n 2000] [--seed 0] [--render] [--render-max 150]``

Files come from the Hypothesis strategies of tests/chien_luoc.py (valid files and hostile
mutations of them). Each is read with ``doc_tep_canh_bao``, as ``vanthu check`` does (warnings
included); with ``--render`` the accepted ones are also rendered to DOCX and PDF in a temporary
folder. Any exception other than a VanthuError is a traceback, and an accepted file holding
hostile text or a value out of range is wrongly accepted: either's input is saved under
output/fuzz/ and the exit status is 1.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests import chien_luoc  # noqa: E402

from vanthu.errors import InvalidDirective, VanthuError  # noqa: E402
from vanthu.reading.van_ban import doc_tep_canh_bao  # noqa: E402
from vanthu.services.ket_xuat import ket_xuat_van_ban  # noqa: E402

OUT = ROOT / "output" / "fuzz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="files to try (default 2000)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a repeatable run")
    parser.add_argument("--render", action="store_true", help="render accepted files too")
    parser.add_argument(
        "--render-max", type=int, default=150, help="render at most this many (default 150)"
    )
    args = parser.parse_args()

    counts: collections.Counter[str] = collections.Counter()
    crashes: list[tuple[str, Path]] = []
    seen_crash_types: set[str] = set()
    hom_nay = chien_luoc.HOM_NAY
    work = Path(tempfile.mkdtemp(prefix="vanthu-fuzz-"))

    def crash(kind: str, suffix: str, raw: bytes, detail: str) -> None:
        counts["wrongly accepted" if kind == "wrongly accepted" else "tracebacks"] += 1
        OUT.mkdir(parents=True, exist_ok=True)
        saved = OUT / f"crash-{len(crashes) + 1:04d}{suffix}"
        saved.write_bytes(raw)
        saved.with_suffix(saved.suffix + ".txt").write_text(detail, encoding="utf-8")
        crashes.append((kind, saved))
        seen_crash_types.add(kind)

    def one(tep: tuple[str, bytes]) -> None:
        suffix, raw = tep
        counts["tried"] += 1
        path = work / f"f{counts['tried']}{suffix}"
        path.write_bytes(raw)
        try:
            vb, _ = doc_tep_canh_bao(path, hom_nay)
        except InvalidDirective as error:
            counts["refused"] += 1
            if not error.problems or not all(p.message.strip() for p in error.problems):
                crash("InvalidDirective without a message", suffix, raw, str(error))
            return
        except Exception as error:  # a fuzzer counts every unexpected exception
            crash(type(error).__name__, suffix, raw, traceback.format_exc())
            return
        finally:
            path.unlink()
        counts["accepted"] += 1
        wrong = chien_luoc.lot_luoi(vb)
        if wrong:
            crash("wrongly accepted", suffix, raw, "\n".join(wrong))
        if args.render and counts["rendered"] + counts["render refused"] < args.render_max:
            try:
                ket_xuat_van_ban(vb, work, "van-ban", hom_nay=hom_nay)
                counts["rendered"] += 1
            except VanthuError:
                counts["render refused"] += 1  # e.g. UnsupportedLayout: a message, not a crash
            except Exception as error:  # idem
                crash(f"render: {type(error).__name__}", suffix, raw, traceback.format_exc())

    mutated = chien_luoc.tep_dot_bien()
    run = settings(
        max_examples=args.n,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )(given(st.one_of(mutated, mutated, mutated, chien_luoc.tep_hop_le()))(one))
    if args.seed is not None:
        run = seed(args.seed)(run)
    start = time.perf_counter()
    try:
        run()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    took = time.perf_counter() - start

    print(f"files tried:  {counts['tried']}  ({took:.1f} s, {dt.date.today().isoformat()})")
    print(f"accepted:     {counts['accepted']}")
    print(f"refused:      {counts['refused']}")
    if args.render:
        rendered, refused = counts["rendered"], counts["render refused"]
        print(f"rendered:     {rendered} (DOCX + PDF), refused by the renderer: {refused}")
    print(f"wrongly accepted: {counts['wrongly accepted']} (hostile text or a value out of range)")
    print(f"tracebacks:   {counts['tracebacks']}")
    for kind, saved in crashes[:5]:
        print(f"  {kind}: {saved.relative_to(ROOT)}")
    return 1 if counts["tracebacks"] or counts["wrongly accepted"] else 0


if __name__ == "__main__":
    sys.exit(main())
