"""Webhook delivery: the job as JSON, signed `X-Rasoat-Signature: sha256=<HMAC-SHA256 of the body>`.

A finished job puts one row per subscribed webhook in `webhook_outbox`; a delivery thread sends
the rows that are due, retries failures with exponential back-off and logs every attempt in
webhook_deliveries. The outbox is in the database, so retries survive a restart. Each attempt
re-checks the destination (service/jobs/webhook_targets.py) and connects to the checked address; the log
keeps a short reason (`HTTP 500`, `timeout`, `connection_failed`, `unsafe_address`), never the
low-level error text.
"""
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
from .webhook_targets import UnsafeWebhookError, check

log = logging.getLogger("rasoat.webhooks")
IDLE_SECONDS = 1.0


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _reason(failure: Exception) -> str:
    return "timeout" if isinstance(failure, httpx.TimeoutException) else "connection_failed"


class Notifier:
    """Queues job events for the registered webhooks and delivers them from the outbox."""

    def __init__(self, store: Store, attempts: int = 5, backoff: float = 2.0, timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None, allow: str = ""):
        self.store, self.attempts, self.backoff, self.timeout, self.allow = store, attempts, backoff, timeout, allow
        self._client = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False)
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="rasoat-hook")
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start delivering, the pending rows of an earlier run included."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="rasoat-hooks", daemon=True)
            self._thread.start()

    def job_finished(self, job_id: str) -> None:
        """Queue `job.done` or `job.failed` for every subscribed webhook."""
        with self.store.session() as s:
            job = jobs.get_job(s, job_id)
            event = f"job.{job.status}"
            body = json.dumps({"event": event, "sent_at": datetime.now(timezone.utc).isoformat(),
                               "job": job_view(job)}, ensure_ascii=False)
            for hook in webhooks.subscribed(s, event):
                webhooks.enqueue(s, hook.id, event, job_id, body)
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with self.store.session() as s:
                    due = [(r.id, r.webhook_id, r.event, r.job_id, r.body, r.attempts)
                           for r in webhooks.claim_due(s, lease=self.timeout + 30)]
                for row in due:
                    self._pool.submit(self._attempt, *row)
                wait = IDLE_SECONDS if due else self._until_next()
            except Exception:                      # a database hiccup must not end deliveries
                log.exception("webhook outbox pass failed")
                wait = IDLE_SECONDS
            self._wake.wait(wait)
            self._wake.clear()

    def _until_next(self) -> float:
        with self.store.session() as s:
            due = webhooks.next_due(s)
        if due is None:
            return IDLE_SECONDS
        due = due if due.tzinfo else due.replace(tzinfo=timezone.utc)
        return min(IDLE_SECONDS, max(0.01, (due - datetime.now(timezone.utc)).total_seconds()))

    def _attempt(self, row_id: int, hook_id: str, event: str, job_id: str | None, body: str,
                 attempts: int) -> None:
        with self.store.session() as s:
            hook = webhooks.get_webhook(s, hook_id)
            url, secret = (hook.url, hook.secret) if hook is not None and hook.active else (None, None)
        if url is None:
            return
        status, error = self._post(url, secret, event, body.encode("utf-8"))
        attempt = attempts + 1
        with self.store.session() as s:
            webhooks.log_delivery(s, hook_id, event, job_id, attempt, status, error)
            outcome = webhooks.attempted(s, row_id, error is None, attempt, self.attempts,
                                         self.backoff * 2 ** (attempt - 1))
        if outcome == "failed":
            log.warning("webhook %s gave up on %s after %d attempts", hook_id, event, attempt)
        self._wake.set()

    def _post(self, url: str, secret: str, event: str, body: bytes) -> tuple[int | None, str | None]:
        """(status, None) on a 2xx answer, else (status or None, a short reason)."""
        headers = {"Content-Type": "application/json", "X-Rasoat-Event": event,
                   "X-Rasoat-Signature": sign(secret, body)}
        try:
            target = check(url, self.allow)
        except UnsafeWebhookError:
            return None, "unsafe_address"
        pinned = httpx.URL(url).copy_with(host=target.address)
        headers["Host"] = httpx.URL(url).netloc.decode("ascii")
        try:
            response = self._client.post(pinned, content=body, headers=headers,
                                         extensions={"sni_hostname": target.host})
        except httpx.HTTPError as failure:
            return None, _reason(failure)
        status = response.status_code
        return status, None if 200 <= status < 300 else f"HTTP {status}"

    def shutdown(self) -> None:
        """Stop delivering; attempts in flight finish, pending rows wait for the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(self.timeout + 5)
        self._pool.shutdown(wait=True)
        self._client.close()
