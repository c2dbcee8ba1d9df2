#!/bin/sh
# Records what real CPython 3.11 prints for every "predict the output" item
# in assessments/ (tests/content/predict/ITEM.out).  The unit test
# test_predict then checks that the simulated CPython, which computes the
# expected answer shown to learners, prints exactly the same.
# Usage: tests/content/record-predict.sh [python3.11]
cd "$(dirname "$0")/../.." || exit 2
PY=${1:-python3}
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 1
"$PY" - <<'PYEOF'
import os, subprocess, sys, yaml
for name in sorted(os.listdir("assessments")):
    if not (name.startswith("ch") and name.endswith(".yaml")):
        continue
    data = yaml.safe_load(open(os.path.join("assessments", name))) or {}
    for item in data.get("items", []):
        if item.get("kind") != "predict":
            continue
        out = subprocess.run(
            ["env", "-i", "PYTHONHASHSEED=0", "setarch", "x86_64", "-R", sys.executable, "-S", "-s", "-c", item["program"]],
            capture_output=True, text=True, check=True).stdout
        with open(os.path.join("tests/content/predict", item["id"] + ".out"), "w") as f:
            f.write(out)
        print("recorded", item["id"])
PYEOF
