"""The web server answers only to the host names it was given (DNS rebinding), says so when it
is bound beyond this machine, and builds a feed's links from its configured address, never
from a request's Host header."""

import http.client
import os
import socket
import subprocess
import sys
import time
from xml.etree import ElementTree as ET

import pytest
from cli_helpers import ROOT, run_cli_here
from conftest import SEED
from starlette.testclient import TestClient

from web.app import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("hosts") / "home"
    assert run_cli_here("import", str(SEED), home=home).returncode == 0
    added = run_cli_here("watch", "add", "kaart", "blauwe kaart", "--include-existing", home=home)
    assert added.returncode == 0, added.stderr
    assert run_cli_here("watch", "run", home=home).returncode == 0
    return home


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000"])
def test_the_loopback_names_are_answered(home, host):
    client = TestClient(create_app(home))
    assert client.get("/", params={"q": "kaart"}, headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_another_host_gets_400_naming_the_way_to_allow_it(home, host):
    response = TestClient(create_app(home)).get("/", headers={"host": host})
    assert response.status_code == 400
    assert "--allow-host" in response.text and "kaart" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


def test_an_allowed_host_is_answered(home):
    client = TestClient(create_app(home, allowed_hosts=("fiches.example.org",)))
    assert client.get("/", headers={"host": "fiches.example.org:443"}).status_code == 200
    assert client.get("/", headers={"host": "localhost"}).status_code == 400  # only those given


def test_feed_links_come_from_the_base_url_not_the_host_header(home):
    app = create_app(
        home,
        allowed_hosts=("fiches.example.org", "other.example"),
        base_url="https://fiches.example.org/x",
    )
    response = TestClient(app).get("/watch/kaart.xml", headers={"host": "other.example"})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert links[0] == "https://fiches.example.org/x/watch/kaart.xml"  # rel=self
    assert len(links) > 1
    assert all(link.startswith("https://fiches.example.org/x/") for link in links)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(home, *args: str) -> tuple[subprocess.Popen, str]:
    """`fiche-search serve ARGS` in a process of its own; what it printed up to its address."""
    env = {**os.environ, "FICHE_HOME": str(home)}
    env.pop("FICHE_BACKEND", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", *args],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    said = []
    while not said or "fiche-search on" not in said[-1]:
        line = server.stderr.readline()
        assert line, f"serve ended: {''.join(said)}"
        said.append(line)
    return server, "".join(said)


def get(port: int, host: str) -> int:
    for _ in range(50):  # the process prints its address just before it binds
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/freshness", headers={"Host": host})
            return connection.getresponse().status
        except ConnectionRefusedError:
            time.sleep(0.1)
    raise AssertionError("the server did not answer")


def test_binding_every_address_warns_and_still_checks_the_host(home):
    port = free_port()
    server, said = serve(
        home, "--host", "0.0.0.0", "--port", str(port), "--allow-host", "fiches.lan"
    )
    try:
        assert "warning: bound to 0.0.0.0" in said and "fiches.lan" in said
        assert get(port, "fiches.lan") == 200
        assert get(port, f"127.0.0.1:{port}") == 200
        assert get(port, "rebound.example") == 400
    finally:
        server.terminate()
        server.wait(10)


def test_loopback_serves_without_a_warning(home):
    server, said = serve(home, "--port", str(free_port()))
    server.terminate()
    server.wait(10)
    assert "warning" not in said and "Traceback" not in said


def test_a_base_url_that_is_not_one_is_one_clear_line(home):
    result = run_cli_here("serve", "--base-url", "fiches.example.org", home=home)
    assert result.returncode == 2 and "--base-url" in result.stderr
    assert "Traceback" not in result.stderr
