"""The scraper runtime: polite HTTP, the immutable raw store and its manifest, offline replay, runs.

Modules:

* :mod:`~pipeline.fetch.http` — :class:`HttpFetcher`, the only way sources reach the network;
* :mod:`~pipeline.fetch.replay` — :class:`ReplayFetcher`, the same interface over the raw store;
* :mod:`~pipeline.fetch.store` — :class:`RawStore` (content-addressed blobs + ``manifest.jsonl``);
* :mod:`~pipeline.fetch.challenge` — block/challenge page detection;
* :mod:`~pipeline.fetch.content` — file type by magic bytes, declared charset, explicit decoding;
* :mod:`~pipeline.fetch.robots`, :mod:`~pipeline.fetch.throttle`, :mod:`~pipeline.fetch.tls` — politeness and trust;
* :mod:`~pipeline.fetch.runs`, :mod:`~pipeline.fetch.lock` — the run log and the store lock;
* :mod:`~pipeline.jobs.scrape` — functions behind ``proteja fetch / refresh / sources``.

This package never parses content: that is the sources' and parsers' job.
"""
