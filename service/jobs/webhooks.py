"""Webhook delivery: the job as JSON, signed `X-Rasoat-Signature: sha256=<HMAC-SHA256 of the body>`,
retried with exponential back-off; every attempt is logged in webhook_deliveries."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import httpx

from ..store import Store, jobs, webhooks
from .execute import job_view

log = logging.getLogger("rasoat.webhooks")


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class Notifier:
    """Posts job events to the registered webhooks from a small thread pool."""

    def __init__(self, store: Store, attempts: int = 5, backoff: float = 2.0, timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None):
        self.store, self.attempts, self.backoff = store, attempts, backoff
        self._client = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False)
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="rasoat-hook")
        self._stop = threading.Event()

    def job_finished(self, job_id: str) -> None:
        """Queue `job.done` or `job.failed` for every subscribed webhook."""
        with self.store.session() as s:
            job = jobs.get_job(s, job_id)
            event = f"job.{job.status}"
            body = json.dumps({"event": event, "sent_at": datetime.now(timezone.utc).isoformat(),
                               "job": job_view(job)}, ensure_ascii=False).encode("utf-8")
            hooks = [(h.id, h.url, h.secret) for h in webhooks.subscribed(s, event)]
        for hook in hooks:
            self._pool.submit(self._deliver, *hook, event, job_id, body)

    def _deliver(self, hook_id: str, url: str, secret: str, event: str, job_id: str, body: bytes) -> None:
        headers = {"Content-Type": "application/json", "X-Rasoat-Event": event,
                   "X-Rasoat-Signature": sign(secret, body)}
        for attempt in range(1, self.attempts + 1):
            status, error = None, None
            try:
                status = self._client.post(url, content=body, headers=headers).status_code
                error = None if 200 <= status < 300 else f"HTTP {status}"
            except httpx.HTTPError as failure:
                error = f"{type(failure).__name__}: {failure}"[:500]
            with self.store.session() as s:
                webhooks.log_delivery(s, hook_id, event, job_id, attempt, status, error)
            if error is None or self._stop.wait(self.backoff * 2 ** (attempt - 1)):
                return
        log.warning("webhook %s gave up on %s after %d attempts", hook_id, event, self.attempts)

    def shutdown(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=True)
        self._client.close()
