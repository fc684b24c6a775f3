"""robots.txt, honoured per RFC 9309, cached per origin for the life of a fetcher.

* 2xx: parse it and obey it for our product token (``proteja``), falling back to ``*``;
* 4xx (404 is common: LeyesBiblio, SIL have none): no restrictions;
* 5xx (after retries): assume complete disallow (RFC 9309 §2.3.1.4) and say so in the error;
* unreachable (reset, closed port, TLS failure, timeout, a redirect off the allowed hosts, an
  oversize body): the URL is not fetched and fails with *that* class (``connection_error``,
  ``refused_host``…), not ``robots_disallowed``; the failure is not cached, so the next URL asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

#: The product token matched against ``User-agent:`` lines.
ROBOTS_AGENT = "proteja"


@dataclass(frozen=True)
class RobotsAnswer:
    allowed: bool
    reason: str | None = None
    outcome: str = "robots_disallowed"  # the fetch outcome of a URL this answer refuses


@dataclass(frozen=True)
class RobotsFetch:
    """What reading robots.txt gave: a status and body, or the failure class that stopped it."""

    status: int | None
    body: bytes
    outcome: str | None = None  # None when an answer (any status) arrived
    error: str | None = None


class RobotsPolicy:
    """Answers "may we fetch this URL?" using ``fetch(robots_url) -> RobotsFetch`` (or the older
    ``(status | None, body)`` pair, where ``None`` means unreachable)."""

    def __init__(self, fetch: Callable[[str], RobotsFetch | tuple[int | None, bytes]], agent: str = ROBOTS_AGENT):
        self._fetch = fetch
        self._agent = agent
        self._rules: dict[str, RobotFileParser | RobotsAnswer] = {}

    def check(self, url: str) -> RobotsAnswer:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules.get(origin) or self._load(origin)
        if isinstance(rules, RobotsAnswer) and rules.outcome != "robots_disallowed":
            return rules  # a transport failure: not cached, the next URL of this origin asks again
        self._rules[origin] = rules
        if isinstance(rules, RobotsAnswer):
            return rules
        if rules.can_fetch(self._agent, url):
            return RobotsAnswer(True)
        return RobotsAnswer(False, f"robots.txt at {origin} disallows this URL for {self._agent!r}")

    def _load(self, origin: str) -> RobotFileParser | RobotsAnswer:
        robots_url = f"{origin}/robots.txt"
        got = self._fetch(robots_url)
        if not isinstance(got, RobotsFetch):
            got = RobotsFetch(*got, outcome="connection_error" if got[0] is None else None, error="unreachable")
        status, body = got.status, got.body
        if got.outcome and got.outcome != "http_error":
            return RobotsAnswer(False, f"{robots_url} could not be read ({got.outcome}: {got.error})", got.outcome)
        if status is None or status >= 500:
            why = "unreachable" if status is None else f"answered HTTP {status}"
            return RobotsAnswer(False, f"{robots_url} {why}: assuming complete disallow (RFC 9309)")
        if status >= 400:
            return RobotsAnswer(True)
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser
