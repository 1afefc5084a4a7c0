"""A tiny transparent model for adapted vs new: logistic regression on a few named signals.

Trained on synthetic pairs only (evaluation/compare.py --calibrate) and stored as plain numbers in
thresholds.json: {"features": [...], "weights": [...], "bias": b, "cut": c}. A lower task that is
not verbatim is adapted when the model's probability reaches `cut`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

L2 = 1e-3


@dataclass(frozen=True)
class Logit:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    cut: float = 0.5

    @classmethod
    def from_dict(cls, data: dict) -> Logit:
        return cls(tuple(data["features"]), tuple(data["weights"]), data["bias"], data.get("cut", 0.5))

    def as_dict(self) -> dict:
        return {"features": list(self.features), "weights": [round(w, 4) for w in self.weights],
                "bias": round(self.bias, 4), "cut": self.cut}

    def prob(self, signals: dict[str, float]) -> float:
        """Probability that the task is adapted (missing signals count as 0)."""
        z = self.bias + sum(w * (signals.get(f) or 0.0) for f, w in zip(self.features, self.weights))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias by Newton's method (L2 on the weights, not the bias)."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    reg = np.full(a.shape[1], l2 * len(x))
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -30, 30)))
        grad = a.T @ (p - y) + reg * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])
