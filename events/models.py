"""Training providers, workshops and events."""
