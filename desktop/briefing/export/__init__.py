"""Briefings and highlights out to files (the briefing PDF arrives with its own issue)."""
