"""Settings from the environment (prefix RASOAT_), e.g. RASOAT_DATA_DIR, RASOAT_DATABASE_URL; the
input limits (RASOAT_MAX_PAGES…) are inherited from service.limits.Limits."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import SettingsConfigDict

from .limits import Limits


class Settings(Limits):
    model_config = SettingsConfigDict(env_prefix="RASOAT_", extra="ignore")

    data_dir: Path = Path(".rasoat")           # SQLite file and original files
    database_url: str | None = None           # e.g. postgresql://user@host/db; default SQLite
    admin_key: str | None = None              # bootstrap admin API key
    workers: int = 2                          # job workers (threads or processes)
    runner: Literal["threads", "processes", "dask"] = "processes"
    job_max_seconds: float = 900.0            # a job (a batch: each file) running longer is stopped
    job_max_memory_mb: float = 3072.0         # a job process using more memory (RSS) is stopped
    shutdown_seconds: float = 20.0            # on shutdown, running jobs get this long, then are requeued
    max_attempts: int = 3                     # a job interrupted this often is failed
    max_upload_mb: float = 50.0               # one uploaded file
    max_batch_mb: float = 200.0               # one /v1/batches request (all its files)
    sync_seconds: float = 20.0                # check-draft waits this long before answering 202
    sync_max_kb: int = 2048                   # larger drafts always go to a job (202)
    zip_max_files: int = 500
    zip_max_total_mb: float = 500.0           # total uncompressed size of a ZIP batch
    zip_max_ratio: float = 100.0              # uncompressed / compressed, per member
    webhook_attempts: int = 5
    webhook_backoff: float = 2.0              # seconds; doubled after each failed attempt
    webhook_timeout: float = 10.0
    webhook_allow: str = ""                   # comma-separated hosts or networks allowed although private
    semantic: bool = True                     # compare with the sentence encoder when installed

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
