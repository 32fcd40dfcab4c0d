"""The domain: plain Python, no Qt, no SQL."""
