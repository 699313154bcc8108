"""How long reading recipients takes next to python-calamine reading the same file, and its memory.

    .venv/bin/python bench/bench_recipients.py             # 100,000 rows x 6 columns: time
    .venv/bin/python bench/bench_recipients.py --million   # 1,000,000 rows: time and peak memory

The sheet is generated once (openpyxl, write-only) and cached in the temp folder. Times
are the best of --repeat runs, both measured in the same process and run. Peak memory is
each child process's maximum resident set (`getrusage`), calamine alone in one child and
the full import in another: Rust's allocations are invisible to tracemalloc.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from operator import attrgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADERS = ["Nombre", "Apellido", "Celular", "Correo", "Ciudad", "Monto"]
NAMES = ["José", "María", "Ñuño", "Inés", "Andrés", "Sofía", "Martín", "Camila", "Benjamín", "Valentina"]
SURNAMES = ["Pérez", "González", "Muñoz", "Rojas", "Díaz", "Soto", "Contreras", "Silva", "Martínez"]
CITIES = ["Santiago", "Valparaíso", "Concepción", "Temuco", "Ñuñoa", "Viña del Mar", "Antofagasta"]


def sample_path(rows: int) -> Path:
    """The cached sheet of `rows` rows, generated on first use."""
    path = Path(tempfile.gettempdir()) / f"masivo-bench-{rows}x6-v1.xlsx"
    if not path.exists():
        started = time.perf_counter()
        _generate(path, rows)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def _generate(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Clientes")
    sheet.append(HEADERS)
    for index in range(rows):
        mobile = f"9{rng.choice('2458')}{rng.randrange(10**7):07d}"
        shape = rng.random()
        # Mostly what Excel holds (numbers), then the text shapes people type, then a few bad ones.
        if shape < 0.70:
            phone: object = int("56" + mobile)
        elif shape < 0.85:
            phone = f"+56 {mobile[0]} {mobile[1:5]} {mobile[5:]}"
        elif shape < 0.97:
            phone = f"{mobile[0]} {mobile[1:5]} {mobile[5:]}"
        else:
            phone = rng.choice(["12345", "hola", "", f"2{mobile[1:]}0"])
        name, surname = rng.choice(NAMES), rng.choice(SURNAMES)
        email = f"{name.lower()}.{surname.lower()}{index}@correo.cl"
        sheet.append([name, surname, phone, email, rng.choice(CITIES), round(rng.uniform(1000, 500000), 2)])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def read_with_calamine(path: Path) -> int:
    """python-calamine alone: open, load the first sheet, turn every row into Python values."""
    import python_calamine

    count = 0
    with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
        for _row in book.get_sheet_by_index(0).iter_rows():
            count += 1
    return count


def load(path: Path, progress: bool = False) -> dict[str, int]:
    """Masivo's import: every row validated, normalized, de-duplicated; counted by status in C."""
    from app.core.domain import Channel
    from app.core.recipients import load_recipients

    def report(done: int, total: int) -> None:
        print(f"\r  {done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)

    rows = load_recipients(path, channel=Channel.SMS, country="CL", progress=report if progress else None)
    counts = Counter(map(attrgetter("status"), rows))
    if progress:
        print(file=sys.stderr)
    return {"rows": sum(counts.values()), **{status.value: count for status, count in sorted(counts.items())}}


def timing(rows: int, repeat: int) -> None:
    """Both reads, interleaved, best of `repeat`: the machine is shared, the minimum is the signal."""
    path = sample_path(rows)
    import app.core.recipients  # noqa: F401  (import time is not reading time)

    best: dict[str, list[float]] = {"calamine": [1e9, 1e9], "load": [1e9, 1e9]}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, work in (("calamine", read_with_calamine), ("load", load)):
            wall, cpu = time.perf_counter(), time.process_time()
            results[name] = work(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    (read_wall, read_cpu), (load_wall, load_cpu) = best["calamine"], best["load"]
    size = path.stat().st_size / 1e6
    print(f"file: {path.name} ({size:.1f} MB), {results['calamine']:,} rows read by calamine")
    print(f"python-calamine read alone:  {read_wall:5.2f} s wall, {read_cpu:5.2f} s CPU")
    print(
        f"load_recipients (validated): {load_wall:5.2f} s wall, {load_cpu:5.2f} s CPU   "
        f"({load_wall / read_wall:.2f}x calamine wall, {load_cpu / read_cpu:.2f}x CPU)"
    )
    print(f"counts: {results['load']}")


def child(mode: str, path: str) -> None:
    """Run in a subprocess: one kind of read, then print its time and peak memory as JSON."""
    started = time.perf_counter()
    result = read_with_calamine(Path(path)) if mode == "calamine" else load(Path(path), progress=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "seconds": seconds, "peak_mb": peak_mb, "result": result}))


def memory(rows: int) -> None:
    path = sample_path(rows)
    figures = {}
    for mode in ("calamine", "load"):
        done = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(path)], capture_output=True, text=True, check=True
        )
        figures[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    base, full = figures["calamine"], figures["load"]
    print(f"file: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"python-calamine alone: {base['seconds']:6.1f} s, peak {base['peak_mb']:7.0f} MB")
    print(
        f"load_recipients:       {full['seconds']:6.1f} s, peak {full['peak_mb']:7.0f} MB "
        f"({full['peak_mb'] / base['peak_mb']:.2f}x calamine's peak, "
        f"{full['seconds'] / base['seconds']:.2f}x its time)"
    )
    print(f"counts: {full['result']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--million", action="store_true", help="1,000,000 rows: time and peak memory")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
    elif args.million:
        memory(1_000_000)
    else:
        timing(args.rows, args.repeat)


if __name__ == "__main__":
    main()
