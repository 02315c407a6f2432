"""The script an analyst would write instead of `thidua validate`: pandas read_csv and the same
core checks, vectorised (known commune codes, dates that parse and fall in the period, zones in
the allowed words, counts not negative). Usage: pandas_validate.py PLAN REGISTRY PATH"""
import json
import os
import resource
import sys
from datetime import date, timedelta

import pandas as pd


def header_line(path):
    with open(path, encoding="utf-8-sig") as f:
        for i, line in enumerate(f):
            if line.startswith("STT,") or line.startswith('"STT"'):
                return i
            if i > 20:
                break
    return 0


def main(plan_path, registry_path, target):
    plan = json.load(open(plan_path, encoding="utf-8"))
    reg = pd.read_csv(registry_path, dtype=str)
    codes = set(reg.loc[reg["level"] == "commune", "code"])
    words = {w.lower() for z in plan["zoneScale"]["zones"] for w in [z["code"], z["label"], *z["aliases"]]}
    to = pd.Timestamp(plan["period"]["to"])
    lookback = pd.Timestamp(date.fromisoformat(plan["period"]["from"]) - timedelta(days=plan["baselineLookbackDays"]))
    files = [os.path.join(target, f) for f in sorted(os.listdir(target)) if f.endswith(".csv")] if os.path.isdir(target) else [target]
    rows = errors = 0
    for path in files:
        df = pd.read_csv(path, skiprows=header_line(path), dtype=str, encoding="utf-8-sig", keep_default_na=False)
        rows += len(df)
        code_ok = df["Mã xã"].str.strip().isin(codes)
        when = pd.to_datetime(df["Ngày đánh giá"], format="%d/%m/%Y", errors="coerce")
        date_ok = when.notna() & (when >= lookback) & (when <= to)
        zone_ok = df["Mức độ nguy cơ"].str.strip().str.lower().isin(words)
        raw = df["Số ca cộng đồng 14 ngày"].str.strip()
        cases = pd.to_numeric(raw, errors="coerce")
        cases_ok = (raw == "") | (cases.notna() & (cases >= 0))
        errors += int((~code_ok).sum() + (~date_ok).sum() + (~zone_ok).sum() + (~cases_ok).sum())
    print(json.dumps({"files": len(files), "rows": rows, "errors": errors}))
    print(json.dumps({"maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
