"""Real OpenSearch nodes for the tests marked ``@pytest.mark.opensearch``.

``opensearch_url``: one node for the session, or ``$FICHE_ES_URL`` when that is set.
``opensearch_cluster``: three nodes in one cluster, started only by the tests that ask for it;
``stop_node(n)`` takes one down for fault tests.

The nodes are real OpenSearch 2.19, built from Maven Central by tests/opensearch/run-node (the
first run downloads ~100 MB into ~/.m2). Without Java 17+ or Maven the fixtures fail, never
skip: CI has to prove the cluster backend against a real engine.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

RUN_NODE = Path(__file__).parent / "opensearch" / "run-node"
# Generous: the first start also builds the launcher and fills ~/.m2.
START_TIMEOUT = 600


class OpenSearchNodes:
    """Nodes run by ``run-node --stdin``: they stop when stdin closes, also if pytest dies.
    (tests/elasticsearch_node.py runs an Elasticsearch node the same way.)"""

    PRODUCT = "OpenSearch"
    PREFIX = "OPENSEARCH"  # of run-node's KEY=VALUE lines
    RUN_NODE = RUN_NODE

    def command(self) -> list[str]:
        return [str(self.RUN_NODE), "--nodes", str(self.nodes), "--stdin"]

    def __init__(self, nodes: int) -> None:
        self.nodes = nodes
        log_dir = self.RUN_NODE.parent / "target"
        log_dir.mkdir(parents=True, exist_ok=True)
        # The nodes' logs (and a first build's Maven output) go to stderr: a file, so a
        # failure can show it; stdout carries only run-node's OPENSEARCH_*= and STOPPED lines.
        # One log per pytest-xdist worker: each worker starts its own nodes.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        name = f"pytest-{nodes}-node{'s' if nodes > 1 else ''}{'-' + worker if worker else ''}"
        self.log_path = log_dir / f"{name}.log"
        self._log = self.log_path.open("w")
        try:
            self._proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log,
                text=True,
            )
        except OSError as e:
            pytest.fail(f"cannot run {self.RUN_NODE}: {e}", pytrace=False)
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        info = self._wait_for(f"{self.PREFIX}_URL=", START_TIMEOUT, "start")
        self.url = info[f"{self.PREFIX}_URL"]
        self.urls = info[f"{self.PREFIX}_URLS"].split(",")
        self.startup_ms = int(info[f"{self.PREFIX}_STARTED_MS"])
        self.stopped: set[int] = set()

    def _read_stdout(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)  # EOF: the process ended

    def _wait_for(self, prefix: str, timeout: float, what: str) -> dict[str, str]:
        """Collects KEY=VALUE lines until one starts with ``prefix``; fails with the log's tail."""
        seen: dict[str, str] = {}
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.close()
                self._fail(f"{self.PRODUCT} ({self.nodes} node(s)) did not {what} in {timeout} s")
            if line is None:
                self._fail(f"{self.PRODUCT} ({self.nodes} node(s)) exited before it could {what}")
            if line.startswith("ERROR "):
                self._fail(f"{self.PRODUCT} launcher: {line}")
            key, _, value = line.partition("=")
            seen[key] = value
            if line.startswith(prefix):
                return seen

    def _fail(self, message: str) -> None:
        self._log.flush()
        tail = self.log_path.read_text(errors="replace").splitlines()[-25:]
        pytest.fail(f"{message}; last lines of {self.log_path}:\n" + "\n".join(tail), pytrace=False)

    @property
    def live_urls(self) -> list[str]:
        """URLs of the nodes not stopped (the fixture is per session: a stopped node stays down)."""
        return [url for i, url in enumerate(self.urls, 1) if i not in self.stopped]

    def stop_node(self, n: int, timeout: float = 60) -> None:
        """Closes node n (1-based) as if it crashed out of the cluster; the others go on."""
        assert self._proc.stdin is not None
        self._proc.stdin.write(f"stop {n}\n")
        self._proc.stdin.flush()
        self._wait_for(f"STOPPED {n}", timeout, f"stop node {n}")
        self.stopped.add(n)

    def close(self) -> None:
        if self._proc.poll() is None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()  # the launcher's cue to stop every node and clean up
            try:
                self._proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._log.close()


def _check_reachable(url: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as response:
        info = json.load(response)
    assert "version" in info, f"{url} answered, but not like OpenSearch/Elasticsearch: {info}"


@pytest.fixture(scope="session")
def opensearch_url() -> Iterator[str]:
    """URL of a running OpenSearch node: ``$FICHE_ES_URL``, or one started for this session."""
    if url := os.environ.get("FICHE_ES_URL"):
        _check_reachable(url)
        yield url
        return
    nodes = OpenSearchNodes(1)
    try:
        _check_reachable(nodes.url)
        yield nodes.url
    finally:
        nodes.close()


@pytest.fixture(scope="session")
def opensearch_cluster() -> Iterator[OpenSearchNodes]:
    """A 3-node OpenSearch cluster of its own (fault tests stop nodes, so never a shared one)."""
    nodes = OpenSearchNodes(3)
    try:
        _check_reachable(nodes.url)
        yield nodes
    finally:
        nodes.close()
