"""The deployment files: HAProxy's config run for real in front of stand-in replicas, and the
Dockerfile, compose file and Kubernetes example read for what they promise."""

from __future__ import annotations

import gzip
import http.client
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from deploy.balancer import COOKIE, REPLICAS, check_config, haproxy_binary, start_haproxy, stop_haproxy
from tests.browser_support import free_port

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SCRIPT = b"/* the same file on every replica */ " + b"var x = 1; " * 500


class StandIn(ThreadingHTTPServer):
    """A replica that answers every path with its own name and counts what it was asked."""

    daemon_threads = True

    def __init__(self, name: str):
        self.name = name
        self.hits: Counter[str] = Counter()
        super().__init__(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def die(self) -> None:
        self.shutdown()
        self.server_close()  # connections are now refused, as with a killed process


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.hits[self.path] += 1
        if self.path.startswith("/static/"):
            body, kind, cache = SCRIPT, "text/javascript", "public, max-age=31536000, immutable"
        else:
            body, kind, cache = self.server.name.encode(), "text/plain", "no-cache"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def get(port: int, path: str, cookie: str | None = None, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={**({"Cookie": f"{COOKIE}={cookie}"} if cookie else {}), **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def replica_cookie(response) -> str | None:
    for header in response.headers.get_all("Set-Cookie") or []:
        if header.startswith(f"{COOKIE}="):
            return header.split("=", 1)[1].split(";", 1)[0]
    return None


needs_haproxy = pytest.mark.skipif(haproxy_binary() is None, reason="haproxy is not installed (make haproxy)")


@pytest.fixture
def balancer():
    replicas = [StandIn(f"app{i}") for i in range(1, REPLICAS + 1)]
    port = free_port()
    process = start_haproxy(port, [r.address for r in replicas])
    yield port, {r.name: r for r in replicas}
    stop_haproxy(process)
    for replica in replicas:
        if replica.socket.fileno() != -1:
            replica.die()


@needs_haproxy
def test_haproxy_accepts_the_config():
    result = check_config("127.0.0.1:8080", ["app1:8501", "app2:8501", "app3:8501"])
    assert result.returncode == 0, result.stdout + result.stderr


@needs_haproxy
def test_a_browser_stays_on_its_replica_for_component_files_and_the_websocket_path(balancer):
    """The map's /component/ files exist only on the replica that ran the session's script."""
    port, replicas = balancer
    first, body = get(port, "/?country=LVA")
    served_by = replica_cookie(first)
    assert served_by in replicas and body.decode() == served_by
    assert "httponly" in first.headers["Set-Cookie"].lower()
    for path in ["/component/streamlit_folium.st_folium/index.html", "/_stcore/stream", "/media/abc.csv"] * 4:
        _, body = get(port, path, cookie=served_by)
        assert body.decode() == served_by, f"{path} went to another replica"
    others = [name for name in replicas if name != served_by]
    assert all(replicas[name].hits["/component/streamlit_folium.st_folium/index.html"] == 0 for name in others)


@needs_haproxy
def test_when_the_replica_dies_the_browser_is_sent_to_a_live_one_and_stays_there(balancer):
    port, replicas = balancer
    served_by = replica_cookie(get(port, "/")[0])
    replicas[served_by].die()
    response, body = get(port, "/_stcore/health", cookie=served_by)
    assert response.status == 200 and body.decode() != served_by
    moved_to = replica_cookie(response)
    assert moved_to == body.decode(), "the new replica must be written into the cookie"
    for _ in range(5):
        assert get(port, "/component/streamlit_folium.st_folium/index.html", cookie=moved_to)[1].decode() == moved_to


@needs_haproxy
def test_static_files_are_cached_and_compressed_at_the_balancer(balancer):
    port, replicas = balancer
    path = "/static/js/index.abc123.js"
    for _ in range(4):
        response, body = get(port, path, headers={"Accept-Encoding": "gzip"})
        assert response.status == 200
        assert response.headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == SCRIPT
    assert sum(replica.hits[path] for replica in replicas.values()) == 1, "later requests should come from the cache"


def test_every_backend_server_has_a_cookie_and_a_health_check():
    config = (DEPLOY / "haproxy.cfg").read_text()
    servers = [line.split() for line in config.splitlines() if line.strip().startswith("server ")]
    assert len(servers) == REPLICAS
    assert all("cookie" in words for words in servers)
    assert "cookie CANADA_ABROAD_REPLICA insert" in config and "option redispatch" in config
    assert "default-server check" in config and "init-addr last,libc,none" in config and "uri /_stcore/health" in config
    assert "timeout tunnel 1h" in config
    # Only static files may skip stickiness (the cache); /component/ and /_stcore/ never do.
    assert "use_backend" not in config and config.count("\nbackend ") == 1


def test_dockerfile_runs_unprivileged_prepares_static_files_and_checks_health():
    text = (ROOT / "Dockerfile").read_text()
    instructions = [line.split(maxsplit=1) for line in text.splitlines() if line and not line[0].isspace()
                    and not line.startswith("#")]
    keywords = [words[0] for words in instructions]
    assert instructions[0][0] == "FROM" and "-slim" in instructions[0][1]
    users = [words[1].strip() for words in instructions if words[0] == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert keywords.index("USER") < keywords.index("CMD")
    assert "install_static_assets" in text and "HEALTHCHECK" in keywords and "_stcore/health" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests", "static/leaflet", "static/geo"} <= set(ignored)
    # Everything the app imports is copied into the image.
    for needed in ("app.py", "canada_abroad", "ui", "pages", "data", "geo", "requirements.txt", ".streamlit"):
        assert needed not in ignored


def test_compose_puts_every_replica_behind_haproxy_with_the_addresses_the_config_reads():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    apps = sorted(name for name in services if name.startswith("app"))
    assert len(apps) == REPLICAS
    proxy = services["haproxy"]
    assert any(volume.endswith(":/usr/local/etc/haproxy/haproxy.cfg:ro") for volume in proxy["volumes"])
    assert [proxy["environment"][f"APP{i}"] for i in range(1, REPLICAS + 1)] == [f"{name}:8501" for name in apps]
    assert all(proxy["depends_on"][name]["condition"] == "service_healthy" for name in apps)


def test_kubernetes_example_has_probes_and_cookie_affinity():
    documents = {doc["kind"]: doc for doc in yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text())}
    assert set(documents) == {"Deployment", "Service", "Ingress"}
    container = documents["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert documents["Deployment"]["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    annotations = documents["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
