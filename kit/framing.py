"""Placeholder: this layer is being written."""

__all__: list[str] = []
