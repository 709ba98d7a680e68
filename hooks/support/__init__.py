"""Helpers shared by the site's hooks. Each hook file in hooks/ handles one concern."""
