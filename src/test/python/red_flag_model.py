#!/usr/bin/env python3
"""Red-flag model experiment and trainer for the coach (docs/coach.md, "A trained red-flag model").

Input: dumps written by app.carryover.coach.RedFlagDump (one JSON line per labelled row: set, gold labels, the
rules' labels and RedFlagFeatures). Model: L2-regularised logistic regression on binary features (features seen in
fewer than 2 training rows dropped), fitted by L-BFGS. Combination: red_flag = rules OR p >= t; a flipped row
becomes overall red_flag and neither specific nor structured (LABELING.md: red flags never are).

Protocol, fixed before any held-out result was seen:
  * configuration (features all / without cues x lambda 0.3, 1, 3) chosen by leave-one-set-out inside the training
    sets only, by out-of-set log-loss of the model alone;
  * threshold t = the lowest of 0.20, 0.25, ..., 0.90 at which the combination's pooled out-of-set precision on the
    training sets is >= 0.95 (the rules are in-sample there, so this limits the model's added false alarms);
  * then the held-out set is predicted once.

Usage:
  red_flag_model.py heldout DUMP SET [PRED_OUT [EXCLUDED,SETS]]
                                                  train on every other set in DUMP but the excluded ones, report SET
  red_flag_model.py loso DUMP                     the above for every set in DUMP in turn
  red_flag_model.py train DUMP OUT_TSV            train on all of DUMP with the protocol's choices, write weights
"""
import json
import math
import sys

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

LABELS = ["linked", "specific", "measurable", "rationale", "structured", "red_flag"]
CUE_PREFIXES = ("t=", "w=", "b=", "bias")
GRID = [round(0.20 + 0.05 * i, 2) for i in range(15)]
CONFIGS = [(cues, lam) for cues in (True, False) for lam in (0.3, 1.0, 3.0)]
TARGET_PRECISION = 0.95


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def feats(row, cues):
    f = set(row["features"])
    if not cues:
        f = {x for x in f if x.startswith(CUE_PREFIXES)}
    return f


def fit(rows, cues, lam):
    counts = {}
    for r in rows:
        for f in feats(r, cues):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= 2 or f == "bias")
    index = {f: i for i, f in enumerate(vocab)}
    x = matrix(rows, index, cues)
    y = np.array([1.0 if r["gold"]["red_flag"] else 0.0 for r in rows])
    reg = np.full(len(vocab), lam)
    reg[index["bias"]] = 0.0

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        ll = np.sum(np.logaddexp(0, z) - y * z)
        return ll + 0.5 * np.sum(reg * w * w), x.T @ (p - y) + reg * w

    w = minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return {f: float(w[i]) for f, i in index.items()}


def matrix(rows, index, cues):
    data, ri, ci = [], [], []
    for n, r in enumerate(rows):
        for f in feats(r, cues):
            if f in index:
                data.append(1.0)
                ri.append(n)
                ci.append(index[f])
    return csr_matrix((data, (ri, ci)), shape=(len(rows), len(index)))


def prob(model, row, cues):
    z = sum(model.get(f, 0.0) for f in feats(row, cues))
    return 1.0 / (1.0 + math.exp(-z))


def combine(row, p, t):
    pred = dict(row["rules"])
    if row["judgeable"] and not pred["red_flag"] and p >= t:
        pred.update(red_flag=True, specific=False, structured=False, overall="red_flag")
    return pred


def prf(golds, preds):
    tp = sum(1 for g, p in zip(golds, preds) if g and p)
    fp = sum(1 for g, p in zip(golds, preds) if not g and p)
    fn = sum(1 for g, p in zip(golds, preds) if g and not p)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0), tp, fp, fn


def macro(rows, preds):
    f = []
    for c in ("professional", "needs_work", "red_flag"):
        f.append(prf([r["gold"]["overall"] == c for r in rows], [p["overall"] == c for p in preds])[2])
    return sum(f) / 3


def choose(train):
    """Leave-one-set-out inside the training sets: configuration by log-loss, then the threshold."""
    sets = sorted({r["set"] for r in train})
    best = None
    for cues, lam in CONFIGS:
        oof = []
        for s in sets:
            inner = [r for r in train if r["set"] != s]
            model = fit(inner, cues, lam)
            oof += [(r, prob(model, r, cues)) for r in train if r["set"] == s]
        ll = -sum(math.log(max(1e-9, p if r["gold"]["red_flag"] else 1 - p)) for r, p in oof) / len(oof)
        if best is None or ll < best[0]:
            best = (ll, cues, lam, oof)
    ll, cues, lam, oof = best
    t = GRID[-1]
    for g in GRID:
        preds = [combine(r, p, g) for r, p in oof]
        if prf([r["gold"]["red_flag"] for r, _ in oof], [p["red_flag"] for p in preds])[0] >= TARGET_PRECISION:
            t = g
            break
    return cues, lam, t, ll


def heldout(rows, test_set, pred_out=None, exclude=()):
    train = [r for r in rows if r["set"] != test_set and r["set"] not in exclude]
    test = [r for r in rows if r["set"] == test_set]
    cues, lam, t, ll = choose(train)
    model = fit(train, cues, lam)
    ps = [prob(model, r, cues) for r in test]
    gold = [r["gold"]["red_flag"] for r in test]
    rules = [r["rules"] for r in test]
    comb = [combine(r, p, t) for r, p in zip(test, ps)]
    print("%s: trained on %d rows of %s; chosen cues=%s lambda=%s t=%.2f (inner out-of-set log-loss %.3f)"
          % (test_set, len(train), ",".join(sorted({r["set"] for r in train})), cues, lam, t, ll))
    for name, preds in (("rules", rules), ("rules OR model", comb)):
        pr, rc, f1, tp, fp, fn = prf(gold, [p["red_flag"] for p in preds])
        print("  %-15s red_flag P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)  overall macro-F1 %.3f"
              % (name, pr, rc, f1, tp, fp, fn, macro(test, preds)))
    pr, rc, f1, tp, fp, fn = prf(gold, [p >= t for p in ps])
    print("  %-15s red_flag P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)" % ("model alone", pr, rc, f1, tp, fp, fn))
    if pred_out:
        with open(pred_out, "w") as out:
            for r, p in zip(test, comb):
                out.write(json.dumps(dict(id=r["id"], **p)) + "\n")
    return test, rules, comb


def write_model(model, cues, lam, t, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("# red-flag logistic regression (src/test/python/red_flag_model.py train); feature<TAB>weight\n")
        out.write("# cues=%s lambda=%s\nthreshold\t%.2f\n" % (cues, lam, t))
        for f, w in sorted(model.items()):
            if abs(w) >= 1e-4:
                out.write("%s\t%.6f\n" % (f, w))


def main(argv):
    rows = load(argv[1])
    if argv[0] == "heldout":
        heldout(rows, argv[2], argv[3] if len(argv) > 3 else None, argv[4].split(",") if len(argv) > 4 else ())
    elif argv[0] == "loso":
        allt, allr, allc = [], [], []
        for s in sorted({r["set"] for r in rows}):
            test, rules, comb = heldout(rows, s)
            allt += test
            allr += rules
            allc += comb
        gold = [r["gold"]["red_flag"] for r in allt]
        for name, preds in (("rules", allr), ("rules OR model", allc)):
            pr, rc, f1, tp, fp, fn = prf(gold, [p["red_flag"] for p in preds])
            print("pooled %-15s red_flag P %.3f R %.3f (fp %d fn %d) overall macro-F1 %.3f"
                  % (name, pr, rc, fp, fn, macro(allt, preds)))
    elif argv[0] == "train":
        cues, lam, t, ll = choose(rows)
        write_model(fit(rows, cues, lam), cues, lam, t, argv[2])
        print("trained on %d rows: cues=%s lambda=%s t=%.2f (out-of-set log-loss %.3f)" % (len(rows), cues, lam, t, ll))


if __name__ == "__main__":
    main(sys.argv[1:])
