"""Text syntaxes shared by the stages: YAML with lines, front matter, inline citations, folding."""
