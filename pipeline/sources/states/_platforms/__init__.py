"""Site technologies several states share (WordPress REST, ASP.NET postbacks, Apache file listings, JSON APIs).

A platform module gives page classes parameterised per state; a state package subclasses them with its
own SourceInfo and selectors, so one fix reaches every state on that platform.
"""
