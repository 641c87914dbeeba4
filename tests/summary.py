#!/usr/bin/env python3
"""Prints "N passed, N failed" over meson's JSON test logs (one per build).

A log that is missing (its build failed) counts as one failure; skipped
tests are reported on a line of their own.
"""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                result = json.loads(line).get("result")
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
    except OSError:
        print(f"{path}: missing (the build or the test run did not finish)")
        failed += 1

if skipped:
    print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
