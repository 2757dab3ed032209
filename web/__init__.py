"""The web interface: search, documents, stance timeline, freshness and saved-search feeds.

Sits on top of index/ and parsers/ like cli/ does; nothing imports web/ except `serve`.
"""
