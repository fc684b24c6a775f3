"""Issue 16 §6: `proteja serve` answers on 127.0.0.1 with the publication, its descriptions and canned queries."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from pipeline.core.descriptions import TABLE_DESCRIPTIONS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
        return json.loads(response.read().decode("utf-8"))


def test_serve_answers_on_loopback_with_descriptions_and_canned_queries(built):
    pytest.importorskip("datasette", reason="Datasette is in the dev extras")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "--data-dir", str(built.root), "serve",
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "COLUMNS": "200"})  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read().decode()[-2000:]) from None
                time.sleep(0.5)
        status = _get(f"{base}/proteja/status.json?_shape=array&_size=max")
        assert len(status) == 33 and status[0]["state"] == "MX"
        assert status[0]["law_title"].startswith("Ley General")
        meta = _get(f"{base}/-/metadata.json")
        tables = meta["databases"]["proteja"]["tables"]
        assert tables["events"]["description"] == TABLE_DESCRIPTIONS["events"][0]
        assert tables["events"]["license"] == "CC-BY-4.0" and tables["events"]["source"]
        assert tables["events"]["columns"]["date_text"].startswith("The date as the source gave it")
        band = _get(f"{base}/proteja/adoption_band.json?_shape=array")
        assert [r["year"] for r in band] == sorted(r["year"] for r in band) and band[-1]["states_with_law"] >= 30
        spans = _get(f"{base}/proteja/state_history.json?_shape=array&state=MX-CHH")
        assert spans[0]["valid_from"] is None and spans[-1]["valid_until"] is None and len(spans) >= 3
        assert [s["valid_until"] for s in spans[:-1]] == [s["valid_from"] for s in spans[1:]]
        facts = _get(f"{base}/proteja/facts_behind_a_state.json?_shape=array&state=MX-CHP")
        assert facts and all(f["cited"] for f in facts)
        # bound to loopback only: the listening socket is on 127.0.0.1
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
