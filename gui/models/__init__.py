"""Qt item models over the store's read model."""
