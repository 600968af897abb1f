"""Translation catalogs: ``<lang>/LC_MESSAGES/<domain>.po`` sources and compiled ``.mo``."""
