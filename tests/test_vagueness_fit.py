"""The vagueness fit's ridge from per-document sums (evaluation/vagueness_fit.py)."""
import numpy as np

from evaluation.vagueness_fit import VECTOR_DIMS, Sums, penalty, predict, ridge


def _direct(x, y, pen):
    mean = x.mean(0)
    xc = x - mean
    return mean, np.linalg.solve(xc.T @ xc + np.diag(pen), xc.T @ (y - y.mean())), y.mean()


def test_a_fit_from_sums_is_the_fit_on_the_rows():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(60, 6 + VECTOR_DIMS))
    y = rng.integers(1, 6, size=60).astype(float)
    groups = np.repeat(np.array(["A", "B", "C", "D"]), 15)
    sums = Sums(x, y, groups)
    pen = penalty(x.shape[1], 10.0, 0.3)
    kept = groups != "B"
    got, want = ridge(sums.without(sums.total, "B"), pen), _direct(x[kept], y[kept], pen)
    assert np.allclose(got[1], want[1]) and np.isclose(got[2], want[2])
    assert np.allclose(predict(got, x[~kept]), predict(want, x[~kept]))


def test_the_vector_is_penalised_by_its_scale():
    pen = penalty(10 + VECTOR_DIMS, 100.0, 0.1)
    assert list(pen[:10]) == [100.0] * 10 and np.allclose(pen[10:], 10.0) and len(pen) == 10 + VECTOR_DIMS
