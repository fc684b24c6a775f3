"""robots.txt read through the same guards as any page, and the per-attempt deadline.

:class:`RobotsFetching` is part of :class:`~pipeline.fetch.http.HttpFetcher`: robots.txt obeys
the source's allowed hosts on every redirect hop, the throttle, TLS, the deadline, a decompressed
size cap and the retry policy, and a failure keeps its real class (``connection_error``,
``refused_host``, ``too_large``…) instead of becoming ``robots_disallowed`` for the whole run.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urljoin, urlsplit

import requests

from pipeline.fetch.attempts import _Attempt, _Request, _request_failure, host_allowed
from pipeline.fetch.robots import RobotsFetch
from pipeline.fetch.tls import verify_for

#: robots.txt files are small; anything larger is not a robots file.
ROBOTS_MAX_BYTES = 512 * 1024


class RobotsFetching:
    """robots.txt methods of HttpFetcher (they use its session, throttle, retry and body reader)."""

    def _fetch_robots(self, robots_url: str) -> RobotsFetch:
        """GET robots.txt through the same guards as any page: allowed hosts on every hop, the same
        throttle, TLS and deadline, a size cap (decompressed), and retries; failures keep their class."""
        retry, delay = self.retry, 0.0
        while True:
            attempt = self._robots_attempt(robots_url, delay)
            if attempt.outcome == "ok":
                return RobotsFetch(attempt.fields.get("http_status"), attempt.content or b"")
            if attempt.outcome == "http_error" and attempt.raw_response is not None and attempt.fields["http_status"] < 500:
                return RobotsFetch(attempt.fields["http_status"], b"")
            retry, delay = self._next_retry(retry, _Request("GET", robots_url), attempt)
            if retry is None:
                status = attempt.fields.get("http_status")
                return RobotsFetch(status, b"", outcome=attempt.outcome, error=attempt.error)

    def _robots_attempt(self, robots_url: str, delay: float) -> _Attempt:
        source = self._source
        assert source is not None, "robots.txt is only read on behalf of a source"
        current = robots_url
        for _hop in range(self.max_redirects + 1):
            host = urlsplit(current).hostname
            if not host_allowed(host, source.allowed_hosts):
                return _Attempt("refused_host", {"final_url": current},
                                error=f"robots.txt redirected to {host!r}, outside {source.name}'s allowed hosts")  # fmt: skip
            self.throttle.wait(host or "", source.min_interval_s, at_least=delay)
            delay = 0.0
            try:
                resp = self.session.get(current, stream=True, timeout=self.timeouts, allow_redirects=False,
                                        verify=verify_for(host or ""))  # fmt: skip
            except requests.exceptions.RequestException as exc:
                self.throttle.mark(host or "")
                return _request_failure(exc, current)
            if resp.is_redirect:
                current = urljoin(current, resp.headers.get("Location", ""))
                resp.close()
                continue
            return self._robots_body(resp, current, host or "")
        return _Attempt("http_error", {"final_url": current}, error=f"robots.txt: more than {self.max_redirects} redirects")

    def _robots_body(self, resp: requests.Response, url: str, host: str) -> _Attempt:
        fields = {"final_url": url, "http_status": resp.status_code}
        saved, self.max_bytes = self.max_bytes, min(self.max_bytes, ROBOTS_MAX_BYTES)
        watchdog = Watchdog(self.deadline_s, resp)
        try:
            content, failure = self._read_body(resp, fields)
        finally:
            self.max_bytes = saved
            watchdog.cancel()
            resp.close()
            self.throttle.mark(host)
        if failure:
            return failure
        if not 200 <= resp.status_code < 300:
            return _Attempt("http_error", fields, error=f"robots.txt: HTTP {resp.status_code}", raw_response=resp.raw)
        return _Attempt("ok", fields, content=content)


class Watchdog:
    """Closes a response when the per-attempt deadline passes, so a slow drip ends as a timeout."""

    def __init__(self, seconds: float, resp: requests.Response):
        self.fired = False
        self._resp = resp
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        with contextlib.suppress(Exception):
            self._resp.raw._fp.fp.raw._sock.shutdown(socket.SHUT_RDWR)  # wake a blocked recv
        with contextlib.suppress(Exception):
            self._resp.close()

    def cancel(self) -> None:
        self._timer.cancel()
