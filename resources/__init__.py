"""Icons, style sheets, briefing CSS and translations, read through importlib.resources."""
