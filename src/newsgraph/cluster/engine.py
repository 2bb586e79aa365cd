"""The Ray side: start or join a cluster, run the units through a Ray Data actor pool, collect the summaries."""

from __future__ import annotations

import logging
import os
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.cluster.settings import DEFAULT, ClusterSettings
from newsgraph.cluster.shards import plan
from newsgraph.cluster.worker import UnitExtractor
from newsgraph.errors import NewsgraphError

# Nothing leaves the machine: no usage report, no dashboard UI. Ray 2.60 has no setting to bind a local
# cluster to loopback (it maps 127.0.0.1 to the host's address, and its gRPC servers listen on every
# interface); what guards them is the token authentication Ray turns on for every cluster it starts.
QUIET_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DATA_DISABLE_PROGRESS_BARS": "1"}


def ray_available() -> bool:
    """Whether the optional extra is installed."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def _require_ray():  # noqa: ANN202 - the ray module
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise NewsgraphError("the Ray engine needs the ray extra: pip install 'newsgraph[ray]'") from None
    return ray


def start(address: str | None = None, num_cpus: int | None = None, settings: ClusterSettings = DEFAULT) -> bool:
    """Join the cluster at ``address`` (auto, ray://HOST:PORT) or start a local one; True if this call started Ray."""
    for k, v in QUIET_ENV.items():
        os.environ.setdefault(k, v)
    ray = _require_ray()
    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    if address:
        try:
            ray.init(address=address, **({} if address.startswith("ray://") else kwargs))
        except (ConnectionError, ValueError, RuntimeError) as exc:
            hint = ("; a cluster with token authentication (Ray's default for `ray start`) needs "
                    "RAY_AUTH_MODE=token and its token (~/.ray/auth_token or RAY_AUTH_TOKEN)"
                    if "auth" in repr(exc.__cause__ or exc).lower() else "")
            raise NewsgraphError(f"cannot join the Ray cluster at {address}: {_first_line(exc)}{hint}") from None
    else:
        # "local": a new cluster of our own, never one another run left behind (/tmp/ray/ray_current_cluster).
        ray.init(address="local", num_cpus=num_cpus, object_store_memory=settings.local_object_store_bytes,
                 **kwargs)
    return True


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def stop() -> None:
    """Shut down the Ray this process started."""
    import ray

    ray.shutdown()


@dataclass(slots=True)
class RunReport:
    units: int = 0
    records: int = 0  # articles extracted and written
    failed: int = 0  # articles that failed to read or extract (kept in the shards as failure rows)
    unchanged: int = 0  # articles whose hash the store already had
    bad_shards: list[str] = field(default_factory=list)  # one line per shard that could not be read
    shards: list[str] = field(default_factory=list)  # record shard files written
    workers: int = 0
    seconds: float = 0.0
    busy_seconds: float = 0.0  # summed time workers spent on units
    cpu_seconds: float = 0.0  # summed CPU time of the workers on units: what a core-hour estimate counts
    window_seconds: float = 0.0  # first unit begun to last unit done: the run without start-up and planning

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


def cluster_cpus() -> int:
    """CPUs the connected cluster has: one extraction actor per CPU by default."""
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def run(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    workers: int | None = None,
    published: str | None = None,
    known: Iterable[str] = (),
    progress: bool = False,
    settings: ClusterSettings = DEFAULT,
    extractor: type = UnitExtractor,
) -> RunReport:
    """Extract every article under ``paths`` on the connected Ray cluster into Parquet shards in ``out_dir``."""
    ray = _require_ray()
    from ray.data import ActorPoolStrategy, DataContext

    if not ray.is_initialized():
        raise NewsgraphError("Ray is not started: call newsgraph.cluster.engine.start() first")
    started = time.monotonic()
    units = plan(paths, settings)
    report = RunReport(units=len(units))
    if not units:
        return report
    out = Path(out_dir).absolute()
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers or cluster_cpus(), len(units)))
    report.workers = workers
    ctx = DataContext.get_current()
    ctx.enable_progress_bars = progress
    ctx.verbose_stats_logs = False
    if not progress:
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    known_set = frozenset(known)
    known_arg = ray.put(known_set) if known_set else None
    ds = ray.data.from_items([u.to_row() for u in units], override_num_blocks=len(units))
    with warnings.catch_warnings():
        # Ray 2.60 has no named parameter for restarts and retries yet; the pin keeps these working.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        ds = ds.map_batches(
            extractor,
            fn_constructor_kwargs={"out_dir": str(out), "published": published, "known": known_arg,
                                   "settings": settings},
            batch_size=1,
            batch_format="pyarrow",
            compute=ActorPoolStrategy(size=workers),
            num_cpus=1,
            max_restarts=-1,  # a dead worker comes back ...
            max_task_retries=settings.max_task_retries,  # ... and runs its unit again, a few times at most
        )
    try:
        rows = sorted(ds.take_all(), key=lambda r: r["index"])
    except Exception as exc:  # a unit failed past its retries (disk full, a worker crashing on every try)
        raise NewsgraphError(f"the Ray run failed: {_first_line(exc)}") from exc
    report.window_seconds = max(r["ended_at"] for r in rows) - min(r["began_at"] for r in rows)
    for row in rows:
        report.records += int(row["records"])
        report.failed += int(row["failed"])
        report.unchanged += int(row["unchanged"])
        report.busy_seconds += float(row["seconds"])
        report.cpu_seconds += float(row["cpu_seconds"])
        if row["error"] and str(row["error"]) not in report.bad_shards:  # a big file's ranges fail alike: once
            report.bad_shards.append(str(row["error"]))
        if row["shard"]:
            report.shards.append(str(row["shard"]))
    report.seconds = time.monotonic() - started
    return report
