"""``python -m benchmarks [--quick] [--json FILE]``: every performance target beside its baseline."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller data, for a fast check")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--no-ui", action="store_true", help="skip the interface benchmarks (no Qt libraries)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peerreview-bench-") as folder:
        # Benchmarks never touch the user's data folder, forms or settings.
        os.environ["PEERREVIEW_DATA_DIR"] = str(Path(folder) / "data")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from benchmarks import harness, storage_bench

        runs = 3 if args.quick else 5
        work = Path(folder)
        results = [
            *storage_bench.bench_create(work, 200 if args.quick else 1000, runs),
            storage_bench.bench_list(work, 2000 if args.quick else 10_000, runs),
            storage_bench.bench_open(work, runs * 4),
        ]
        # Reports: PDF, signatures, Excel. Imported here so that a storage-only check stays quick to start.
        from benchmarks import excel_bench, overview_db_bench, pdf_bench, signing_bench, workbook_import_bench

        for module in (pdf_bench, signing_bench, excel_bench, overview_db_bench, workbook_import_bench):
            results += module.run(args.quick)
        if not args.no_ui:
            from benchmarks import ui_bench, ui_list_bench

            results += [
                ui_bench.bench_cold_start(work, runs),
                *ui_bench.bench_open_and_type(work, runs),
                ui_list_bench.bench_scroll(10_000, 30 if args.quick else 60),
            ]
    harness.print_table(results)
    if args.json:
        harness.write_json(results, args.json)
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
