"""robots.txt, honoured per RFC 9309, cached per origin for the life of a fetcher.

* 2xx: parse it and obey it for our product token (``proteja``), falling back to ``*``;
* 4xx (404 is common: LeyesBiblio, SIL have none): no restrictions;
* 5xx or unreachable: assume complete disallow (RFC 9309 §2.3.1.4) and say so in the error.
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


class RobotsPolicy:
    """Answers "may we fetch this URL?" using ``fetch(robots_url) -> (status | None, body)``.

    ``fetch`` returns ``(None, b"")`` when the server could not be reached.
    """

    def __init__(self, fetch: Callable[[str], tuple[int | None, bytes]], agent: str = ROBOTS_AGENT):
        self._fetch = fetch
        self._agent = agent
        self._rules: dict[str, RobotFileParser | RobotsAnswer] = {}

    def check(self, url: str) -> RobotsAnswer:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            self._rules[origin] = self._load(origin)
        rules = self._rules[origin]
        if isinstance(rules, RobotsAnswer):
            return rules
        if rules.can_fetch(self._agent, url):
            return RobotsAnswer(True)
        return RobotsAnswer(False, f"robots.txt at {origin} disallows this URL for {self._agent!r}")

    def _load(self, origin: str) -> RobotFileParser | RobotsAnswer:
        robots_url = f"{origin}/robots.txt"
        status, body = self._fetch(robots_url)
        if status is None or status >= 500:
            why = "unreachable" if status is None else f"answered HTTP {status}"
            return RobotsAnswer(False, f"{robots_url} {why}: assuming complete disallow (RFC 9309)")
        if status >= 400:
            return RobotsAnswer(True)
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser
