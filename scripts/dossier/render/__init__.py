"""Render: from the checked model to `{path under docs/: content}`, pure and deterministic."""
