"""Briefing Reader: read, highlight, tag and search analysts' articles; compile daily briefings."""

__version__ = "0.2.0"
APP_NAME = "Briefing Reader"
ORG_NAME = "BriefingReader"
