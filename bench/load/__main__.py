"""`make load`: gunicorn under wrk for 60 s while 1,000 new articles are ingested.

    python -m bench.load [--seconds 60] [--articles 1000] [--connections 8]

Everything runs on a copy of the demo corpus under var/load/ (never the user's
archive). Prints requests/second, latency percentiles, failed responses and
socket errors from wrk, the ingest's result, and whether the database and the
search index agree afterwards.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.process import ROOT, django_env

DEMO_RELEASES = ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl"
LUA = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "load")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        print("make load needs wrk: apt-get install wrk", file=sys.stderr)
        return 2

    data_dir = options.dir
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    env = {
        **django_env(data_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_STATIC_ROOT": str(data_dir / "static"),
    }
    print("Preparing the demo corpus under", data_dir)
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
        ["ingest", str(ROOT / "fixtures" / "demo"), "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)
    new_articles = _new_articles(data_dir / "new.jsonl", options.articles)
    paths = _url_mix(env)

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "2", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_until_up(port)
        script = data_dir / "mix.lua"
        script.write_text(LUA % ", ".join(json.dumps(path) for path in paths))
        ingest = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", str(new_articles), "-v1"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        wrk = subprocess.run(
            ["wrk", "-t2", f"-c{options.connections}", f"-d{options.seconds}s", "--latency",
             "-s", str(script), f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        ingest_out, ingest_err = ingest.communicate()
    finally:
        server.terminate()
        server.wait(timeout=30)
    check = subprocess.run(
        [sys.executable, "manage.py", "check_index"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip

    figures = _read_wrk(wrk.stdout)
    print(wrk.stdout)
    print("ingest during the load:", (ingest_out.strip().splitlines() or ["?"])[-1])
    if ingest.returncode:
        print(ingest_err[-2000:])
    print("check_index:", check.stdout.strip().replace("\n", " "))
    figures.update(ingest_exit=ingest.returncode, drift=check.returncode != 0)
    print(json.dumps(figures, indent=2))
    failed = figures["non_2xx_3xx"] or figures["socket_errors"] or figures["drift"]
    return 1 if failed or ingest.returncode else 0


def _new_articles(path: Path, count: int) -> Path:
    """``count`` articles the archive has not seen: demo releases, renamed and re-dated."""
    releases = [json.loads(line) for line in DEMO_RELEASES.read_text().splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            release = dict(releases[number % len(releases)])
            release["url"] = f"{release['url']}?load={number}"
            release["published"] = f"{2023 + number % 3}-{1 + number % 12:02d}-15T12:00:00+00:00"
            release["text"] += f"\n\nLoad-test edition {number}."
            out.write(json.dumps(release) + "\n")
    return path


def _url_mix(env) -> list[str]:
    """Search, facet, article and entity pages, from what the demo corpus holds."""
    code = (
        "import json\n"
        "from archive.models import ENTITY_KINDS, Article\n"
        "paths = [a.get_absolute_url() for a in Article.objects.order_by('?')[:40]]\n"
        "for kind in ENTITY_KINDS.values():\n"
        "    for e in kind.model.objects.order_by('?')[:10]:\n"
        "        paths.append(e.get_absolute_url())\n"
        "        paths.append(f'/search/?selected_facets={kind.name}:{e.slug}')\n"
        "print(json.dumps(paths))\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    paths = json.loads(result.stdout.strip().splitlines()[-1])
    words = ["Blinken", "Ukraine", "OIC", "sanctions", '"foreign minister"', "Azerbaijan summit"]
    paths += [f"/search/?q={urllib.request.quote(word)}" for word in words]
    paths += ["/search/", "/search/?q=Russia&sort=newest"]
    paths += ["/search/?start=2021-06-01&end=2021-06-30"]
    paths += ["/", "/articles/", "/organisations/", "/articles/2021/"]
    random.Random(7).shuffle(paths)
    return paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, attempts: int = 200) -> None:
    for _ in range(attempts):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not answer on port {port}")


def _read_wrk(output: str) -> dict:
    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        return float(match.group(1)) if match else 0.0

    latency = {
        f"p{p}_ms": _milliseconds(re.search(rf"^\s+{p}%\s+(\S+)", output, re.M))
        for p in (50, 75, 90, 99)
    }
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests_per_s": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": int(number(r"(\d+) requests in")),
        **latency,
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
    }


def _milliseconds(match) -> float | None:
    if match is None:
        return None
    value = match.group(1)
    unit = re.search(r"[a-z]+$", value).group(0)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    return round(float(value[: -len(unit)]) * scale, 1)


if __name__ == "__main__":
    sys.exit(main())
