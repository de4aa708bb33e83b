"""`make bench`, statistics part: how long scripts/build_stats.py takes, on the real data and on
generated files 10 and 100 times larger (scripts/bench.py prints the lines run() returns).

The larger files repeat every table of data/statistics.yml with new ids and slightly different
values (so that no formatting is merely remembered), and keep the same sources. Each timing is a
whole run of build_stats.generate() (read, check, render three languages, write) into an empty
temporary folder, with the script's caches cleared: the median of a few runs. Growth is linear
when the time per row stays about the same from one size to the next.
"""
from __future__ import annotations

import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

import build_stats  # noqa: E402
import datafile  # noqa: E402

ROOT = build_stats.ROOT


def scaled(data_path: Path, factor: int, dest: Path) -> Path:
    """Write a copy of the data `factor` times larger (and its schema) into dest; return its path."""
    data = datafile.load(data_path, data_path.with_name(build_stats.SCHEMA_NAME)).data
    tables = []
    for k in range(factor):
        for table in data["tables"]:
            table = copy.deepcopy(table)
            table["id"] = f"{table['id']}-x{k}" if k else table["id"]
            for point in table["rows"] + table.get("figures", []):
                if "id" in point and k:
                    point["id"] = f"{point['id']}-x{k}"
                if k and table["unit"] == "count" and point.get("unit", "count") == "count":
                    point["value"] = point["value"] + k
            tables.append(table)
    big = dict(data, tables=tables)
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / "statistics.yml"
    out.write_text(yaml.safe_dump(big, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    shutil.copy(data_path.with_name(build_stats.SCHEMA_NAME), dest / build_stats.SCHEMA_NAME)
    return out


def time_generate(data_path: Path, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of a full run (CPU time is what other busy programs on
    the machine do not inflate)."""
    wall, cpu = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            build_stats.clear_caches()
            start, start_cpu = time.perf_counter(), time.process_time()
            build_stats.generate(data_path, Path(out))
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def count_rows(data_path: Path) -> tuple[int, int]:
    stats = build_stats.load(data_path)
    return len(stats.tables), sum(len(t.rows) + len(t.figures) for t in stats.tables)


def run(data_path: Path = build_stats.DATA) -> list[str]:
    lines = ["Statistics script (scripts/build_stats.py: read, check, write 3 languages), median of runs:"]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for factor, runs in ((1, 5), (10, 3), (100, 3)):
            path = data_path if factor == 1 else scaled(data_path, factor, tmp / f"x{factor}")
            tables, rows = count_rows(path)
            seconds, cpu = time_generate(path, runs)
            results.append((factor, cpu, rows))
            size = path.stat().st_size / 1024
            ratio = f", {cpu / results[0][1]:.0f}× the real data's" if factor > 1 else ""
            label = "real data" if factor == 1 else f"{factor}× data"
            lines.append(f"  {label:<10} {tables:>5} tables {rows:>6} figures {size:>6.0f} KB: {seconds:6.3f} s"
                         f" ({cpu:.3f} s CPU, {cpu / rows * 1000:.2f} ms per figure{ratio})")
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_stats.py"), "--check"], cwd=ROOT,
                   capture_output=True, check=False)
    lines.append(f"  `python scripts/build_stats.py --check` as a command, Python start-up included: "
                 f"{time.perf_counter() - start:.2f} s")
    per_row = [s / r for _, s, r in results]
    lines.append(f"  Target: real data well under 1 s ({'met' if results[0][1] < 0.5 else 'NOT met'}); linear growth (CPU): "
                 f"time per figure at 100× is {per_row[-1] / per_row[0]:.1f}× that of the real data "
                 f"({'about linear' if per_row[-1] / per_row[0] < 2 else 'worse than linear'}).")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
