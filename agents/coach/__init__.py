"""The coach agent: profile targets, meal diary and daily summaries."""
