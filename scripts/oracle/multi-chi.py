#!/usr/bin/python3
"""Multi-answer per-option χ² of the oracle's unfiltered-by-answer cases, from the raw fixture with
scipy — the second opinion used when R was not available (tests/oracle/README.md, 2026-11-28;
R has since confirmed these values). The weighted case is the Kish-mode one.

    /usr/bin/python3 scripts/oracle/multi-chi.py old   # the earlier definition vs expected.json (matched R to 5e-14 before the values were replaced)
    /usr/bin/python3 scripts/oracle/multi-chi.py new   # 無回答 left out: rewrites those values in tests/oracle/expected.json
"""
import csv, json, sys
import numpy as np
from scipy.stats import chi2_contingency

NEW = sys.argv[1] == 'new'
rows = list(csv.DictReader(open('tests/fixtures/oracle/responses.csv', encoding='utf-8')))
OPTS = ['1', '2', '3', '4', '9']
NETS = {'net:cs_stack': ['1', '2']}

def answered(r): return any(r[f'tools__{o}'] != '' for o in OPTS)
def chose(r, key):
    codes = NETS.get(key, [key])
    return any(r[f'tools__{o}'] == '1' for o in codes)

def case(name, banner, weighted, keep, levels):
    pop = [r for r in rows if keep(r)]
    w = lambda r: float(r['weight']) if weighted else 1.0
    cols = [[r for r in pop if r[banner] == str(l)] for l in levels]
    base = [[r for r in col if (answered(r) if NEW else True)] for col in cols]
    W = np.array([sum(w(r) for r in b) for b in base]); W2 = np.array([sum(w(r) ** 2 for r in b) for b in base])
    scale = ((W.sum() ** 2 / W2.sum()) / W.sum()) if weighted else 1.0
    out = {}
    for key in OPTS + list(NETS):
        chosen = np.array([sum(w(r) for r in b if chose(r, key)) for b in base])
        obs = np.vstack([chosen, W - chosen]) * scale
        lr = obs.sum(axis=1) > 0; lc = obs.sum(axis=0) > 0
        if lr.sum() < 2 or lc.sum() < 2: out[key] = None; continue
        o = obs[np.ix_(lr, lc)]
        stat, p, df, exp = chi2_contingency(o, correction=False)
        N = o.sum(); rt = o.sum(axis=1, keepdims=True); ct = o.sum(axis=0, keepdims=True)
        stdres = (o - exp) / np.sqrt(exp * (1 - rt / N) * (1 - ct / N))
        res = [None] * len(levels)
        idx = [j for j in range(len(levels)) if lc[j]]
        if lr[0]:
            for a, j in enumerate(idx): res[j] = float(stdres[0, a])
        out[key] = {'statistic': float(stat), 'df': int(df), 'p': float(p), 'lowExpected': bool((exp < 5).any()), 'residuals': res}
    return out

specs = {
  'tools by seg, unweighted': ('seg', False, lambda r: True, [1, 2, 3]),
  'tools by seg, weighted, Kish': ('seg', True, lambda r: True, [1, 2, 3]),
  'tools by region, filter seg in [1, 2], unweighted': ('region', False, lambda r: r['seg'] in ('1', '2'), None),
}
e = json.load(open('tests/oracle/expected.json'))
worst = 0
for c in e['cases']:
    if c['name'] not in specs: continue
    banner, weighted, keep, levels = specs[c['name']]
    cols = c['expected']['columns'][1:]
    levels = [int(col['key']) for col in cols]
    got = case(c['name'], banner, weighted, keep, levels)
    for key, want in c['expected']['rowChiSquare'].items():
        g = got[key]
        if NEW:
            if want is None or g is None: c['expected']['rowChiSquare'][key] = None if g is None else {k: g[k] for k in ('statistic','df','p','lowExpected')}
            else: c['expected']['rowChiSquare'][key] = {k: g[k] for k in ('statistic','df','p','lowExpected')}
            row = next(r for r in c['expected']['rows'] if r['key'] == key)
            if g:
                for j, z in enumerate(g['residuals']): row['cells'][j + 1]['residual'] = z
        else:
            if want is None: continue
            worst = max(worst, abs(g['statistic'] - want['statistic']), abs(g['p'] - want['p']))
            row = next(r for r in c['expected']['rows'] if r['key'] == key)
            for j, z in enumerate(g['residuals']):
                if z is not None and row['cells'][j+1].get('residual') is not None: worst = max(worst, abs(z - row['cells'][j+1]['residual']))
if NEW:
    import re
    text = json.dumps(e, ensure_ascii=False, indent=1)
    # Keep R's (jsonlite's) layout of empty objects, so the diff shows only the values.
    text = re.sub(r'^( *)(.*): \{\}(,?)$', lambda m: f'{m.group(1)}{m.group(2)}: {{\n\n{m.group(1)}}}{m.group(3)}', text, flags=re.M)
    open('tests/oracle/expected.json', 'w', encoding='utf-8').write(text + '\n\n')
else: print('max difference from R (old definition):', worst)
