"""The dossier: cited pages about a handful of news articles, and a register of open questions."""
