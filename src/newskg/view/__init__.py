"""The interactive HTML view of a graph."""
