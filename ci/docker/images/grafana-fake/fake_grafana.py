"""A labelled fake of Grafana's read-only HTTP API, built from Grafana provisioning files.

Only for CI machines that cannot pull grafana/grafana. Real Grafana is what students run.
"""
import json
import os
import re
import signal
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs

import yaml

PROVISIONING = os.environ.get("GF_PATHS_PROVISIONING", "/etc/grafana/provisioning")
VERSION = "fake-standin"


def _yaml_files(folder):
    if not os.path.isdir(folder):
        return []
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith((".yml", ".yaml"))]


def load_datasources():
    result = []
    for path in _yaml_files(os.path.join(PROVISIONING, "datasources")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh) or {}
        for ds in doc.get("datasources") or []:
            result.append({
                "id": len(result) + 1,
                "uid": ds.get("uid", ""),
                "name": ds.get("name", ""),
                "type": ds.get("type", ""),
                "access": ds.get("access", "proxy"),
                "url": ds.get("url", ""),
                "isDefault": bool(ds.get("isDefault", False)),
                "jsonData": ds.get("jsonData") or {},
                "readOnly": True,
            })
    return result


def load_dashboards():
    dashboards = {}
    for path in _yaml_files(os.path.join(PROVISIONING, "dashboards")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh) or {}
        for provider in doc.get("providers") or []:
            folder = (provider.get("options") or {}).get("path", "")
            if not os.path.isdir(folder):
                print(f"provider {provider.get('name')}: path {folder} not found", file=sys.stderr)
                continue
            for name in sorted(os.listdir(folder)):
                if not name.endswith(".json"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    board = json.load(fh)
                uid = board.get("uid") or re.sub(r"\W+", "-", name[:-5]).lower()
                board["uid"] = uid
                dashboards[uid] = board
    return dashboards


def slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "dashboard"


class Handler(BaseHTTPRequestHandler):
    server_version = "GrafanaFake/" + VERSION

    def _send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):  # quiet: one line per request is noise in CI logs
        pass

    def do_GET(self):
        url = urlparse(self.path)
        path = url.path.rstrip("/") or "/"
        # Re-read on each request: provisioning files are bind mounts a student may edit.
        dashboards, datasources = load_dashboards(), load_datasources()
        if path == "/api/health":
            return self._send(200, {"database": "ok", "version": VERSION, "commit": "grafana-api-fake"})
        if path == "/api/datasources":
            return self._send(200, datasources)
        m = re.fullmatch(r"/api/datasources/uid/([^/]+)", path)
        if m:
            ds = next((d for d in datasources if d["uid"] == m.group(1)), None)
            return self._send(200, ds) if ds else self._send(404, {"message": "Data source not found"})
        if path == "/api/search":
            query = (parse_qs(url.query).get("query") or [""])[0].lower()
            hits = [{"id": i + 1, "uid": uid, "title": b.get("title", uid), "type": "dash-db",
                     "uri": "db/" + slug(b.get("title", uid)), "url": f"/d/{uid}/{slug(b.get('title', uid))}",
                     "tags": b.get("tags", []), "isStarred": False}
                    for i, (uid, b) in enumerate(sorted(dashboards.items()))
                    if query in b.get("title", "").lower()]
            return self._send(200, hits)
        m = re.fullmatch(r"/api/dashboards/uid/([^/]+)", path)
        if m:
            board = dashboards.get(m.group(1))
            if board is None:
                return self._send(404, {"message": "Dashboard not found"})
            meta = {"slug": slug(board.get("title", "")), "url": f"/d/{board['uid']}/{slug(board.get('title', ''))}",
                    "provisioned": True, "canEdit": False, "isFolder": False}
            return self._send(200, {"dashboard": board, "meta": meta})
        if path == "/":
            items = "".join(f"<li>{b.get('title')} (uid {uid})</li>" for uid, b in sorted(dashboards.items()))
            page = ("<!doctype html><meta charset=utf-8><title>Grafana fake</title>"
                    "<h1>Это заглушка Grafana для CI, а не Grafana</h1>"
                    "<p>Она отдаёт только API, которое читает проверяющая программа. "
                    "Графики рисует настоящая Grafana: docker compose up на компьютере с доступом к Docker Hub.</p>"
                    f"<ul>{items}</ul>")
            return self._send(200, page.encode("utf-8"), "text/html")
        return self._send(404, {"message": "Not found (grafana fake serves only the read API)"})


def main():
    port = int(os.environ.get("GF_SERVER_HTTP_PORT", "3000"))
    print(f"grafana-fake: {len(load_dashboards())} dashboard(s), {len(load_datasources())} datasource(s) "
          f"from {PROVISIONING}; listening on :{port}", flush=True)
    # As PID 1 a process without a SIGTERM handler ignores `docker stop`, which then waits 10 s and kills it.
    # Real Grafana (its run.sh execs `grafana server`) stops on SIGTERM at once: so does the stand-in.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
