"""ASP.NET WebForms paging: a GridView's next page is a POST of the form's hidden state (postback).

A GridView pager link reads ``javascript:__doPostBack('<control>','Page$N')``; the browser answers it by
POSTing the page's hidden fields (``__VIEWSTATE``, ``__VIEWSTATEGENERATOR``, ``__EVENTVALIDATION``) with
``__EVENTTARGET=<control>`` and ``__EVENTARGUMENT=Page$N`` back to the page. The control's name is taken from
the link itself, never assumed. The body depends only on the stored page it came from, so a replay rebuilds
the same body and finds the recorded answer by its digest (:class:`~pipeline.core.fetching.RequestBody`).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import RequestBody

HIDDEN_FIELDS = ("__VIEWSTATE", "__VIEWSTATEGENERATOR", "__EVENTVALIDATION")
_POSTBACK = re.compile(r"__doPostBack\(\s*'(?P<target>[^']+)'\s*,\s*'(?P<argument>[^']*)'\s*\)")


def pager_links(soup: BeautifulSoup) -> dict[str, str]:
    """``Page$N`` argument → the control it posts back to, for every pager link on the page."""
    found = {}
    for link in soup.select("a[href*='__doPostBack']"):
        match = _POSTBACK.search(link.get("href", ""))
        if match and match["argument"].startswith("Page$"):
            found[match["argument"]] = match["target"]
    return found


def postback_body(soup: BeautifulSoup, target: str, argument: str, url: str) -> RequestBody:
    """The form body a browser sends for ``__doPostBack(target, argument)``; LayoutChanged without the state."""
    fields: list[tuple[str, str]] = [("__EVENTTARGET", target), ("__EVENTARGUMENT", argument)]
    for name in HIDDEN_FIELDS:
        field = soup.select_one(f"input[name='{name}']")
        if field is None:
            if name == "__VIEWSTATE":
                raise LayoutChanged("no __VIEWSTATE field: the page cannot be paged by postback", url)
            continue  # the generator and event validation are optional in WebForms
        fields.append((name, field.get("value", "")))
    return RequestBody.form(fields)
