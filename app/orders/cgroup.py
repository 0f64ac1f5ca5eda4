"""CPU used by a container and its CPU limit, read from its own cgroup.

Docker gives every container a private view of its cgroup at /sys/fs/cgroup,
so a process inside it can read what `docker stats` shows, without any
extra exporter service. Both cgroup layouts are handled: v2 (Docker Desktop,
current Linux) and v1 (older Linux hosts).

``read`` is any function path -> text (or None when missing): a plain file
read for this container, or ``pg_read_file`` for the database's container
(see dbcpu.py).
"""

import os

ROOT = os.environ.get("LAB_CGROUP_ROOT", "/sys/fs/cgroup")

V2_STAT = "cpu.stat"
V2_MAX = "cpu.max"
V1_USAGE = ("cpuacct/cpuacct.usage", "cpu,cpuacct/cpuacct.usage", "cpuacct.usage")
V1_QUOTA = ("cpu/cpu.cfs_quota_us", "cpu,cpuacct/cpu.cfs_quota_us")
V1_PERIOD = ("cpu/cpu.cfs_period_us", "cpu,cpuacct/cpu.cfs_period_us")


def candidate_paths(root=None):
    """Every file the two functions below may read, so a remote reader can fetch them in one go."""
    root = root or ROOT
    return [f"{root}/{name}" for name in (V2_STAT, V2_MAX, *V1_USAGE, *V1_QUOTA, *V1_PERIOD)]


def read_local(path):
    try:
        with open(path, encoding="ascii") as f:
            return f.read()
    except OSError:
        return None


def _first(read, root, names):
    for name in names:
        text = read(f"{root}/{name}")
        if text is not None and text.strip():
            return text
    return None


def cpu_seconds(read=read_local, root=None):
    """CPU seconds used by the container so far, or None if no cgroup file is readable."""
    root = root or ROOT
    stat = read(f"{root}/{V2_STAT}")
    if stat:
        for line in stat.splitlines():
            key, _, value = line.partition(" ")
            if key == "usage_usec":
                return int(value) / 1e6
    usage = _first(read, root, V1_USAGE)
    if usage is not None:
        return int(usage.strip()) / 1e9
    return None


def cpu_limit_cores(read=read_local, root=None):
    """The container's CPU limit in cores (docker compose `cpus`), or None when unlimited/unknown."""
    root = root or ROOT
    cpu_max = read(f"{root}/{V2_MAX}")
    if cpu_max and cpu_max.strip():
        quota, period = cpu_max.split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    quota = _first(read, root, V1_QUOTA)
    period = _first(read, root, V1_PERIOD)
    if quota is None or period is None or int(quota.strip()) <= 0:
        return None
    return int(quota.strip()) / int(period.strip())
