#!/usr/bin/python3
"""Second opinion on tests/oracle/expected.json with scipy and statsmodels (run after compute.R).

For every cell: the interval again from statsmodels' proportion_confint on (p̂·e, e) — e the
cell's effective base (the base n unweighted; the column's Kish base, or the design-based
p̂(1 − p̂)/Var of the cell, weighted) — with method "wilson" or "beta" (Clopper–Pearson). For every
unweighted single-answer table with a χ²: scipy.stats.chi2_contingency(correction=False) on the
option-row counts. Exits non-zero on any difference above 1e-9.

    /usr/bin/python3 scripts/oracle/crosscheck.py
"""
import json
import sys

import numpy as np
from scipy.stats import chi2_contingency
from statsmodels.stats.proportion import proportion_confint

TOL = 1e-9
expected = json.load(open("tests/oracle/expected.json"))
problems = []
checked = 0

for case in expected["cases"]:
    method = "beta" if case["options"].get("interval") == "clopper-pearson" else "wilson"
    columns = case["expected"]["columns"]
    kish = case["spec"]["weighted"] and case["options"].get("variance") == "kish"
    for row in case["expected"]["rows"]:
        for j, cell in enumerate(row["cells"]):
            if cell["ci"] is None:
                continue
            e = cell["effectiveBase"]
            if (kish or not case["spec"]["weighted"]) and abs(e - columns[j]["effectiveBase"]) > TOL * max(1, e):
                problems.append(f'{case["name"]} row {row["key"]} col {j}: effective base {e} is not the column\'s {columns[j]["effectiveBase"]}')
            low, high = proportion_confint(cell["proportion"] * e, e, alpha=0.05, method=method)
            checked += 1
            for name, a, b in (("low", low, cell["ci"][0]), ("high", high, cell["ci"][1])):
                if abs(a - b) > TOL:
                    problems.append(f'{case["name"]} row {row["key"]} col {j} ci.{name}: statsmodels {a} vs R {b}')
    chi = case["expected"]["chiSquare"]
    if chi and not case["spec"]["weighted"]:
        rows = [r for r in case["expected"]["rows"] if not r["key"].startswith("net:") and r["key"] != "na"]
        table = np.array([[c["count"] for c in r["cells"][1:]] for r in rows], dtype=float)
        table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
        stat, p, df, _ = chi2_contingency(table, correction=False)
        checked += 1
        if abs(stat - chi["statistic"]) > TOL * max(1, stat) or abs(p - chi["p"]) > TOL or df != chi["df"]:
            problems.append(f'{case["name"]} χ²: scipy {stat}, {df}, {p} vs R {chi["statistic"]}, {chi["df"]}, {chi["p"]}')

print(f"checked {checked} intervals and χ² tests against scipy/statsmodels: {len(problems)} differences")
for line in problems[:20]:
    print("  " + line)
sys.exit(1 if problems else 0)
