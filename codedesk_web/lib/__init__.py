"""Helpers shared by the site's apps, one topic per module."""
