"""The contract layer: what every stage shares and nothing else.

``core`` holds records (what parsers emit and the loader consumes), closed vocabularies, errors,
the fetching types (:class:`~pipeline.core.fetching.Response`, :class:`~pipeline.core.fetching.SourceInfo`
and the :class:`~pipeline.core.fetching.Fetcher` protocol), jurisdictions, the instrument catalogue and
the list of published tables. It imports nothing from the stages; every stage imports ``core`` and
the stages before it (fetch → sources/parse → store → derive → validate → publish), never after.
"""
