"""Text syntaxes shared by the stages: YAML with the line of every key, inline citations."""
