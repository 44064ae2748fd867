"""Adapters: the MkDocs hook, the command line, git and writing files; they hold no rule."""
