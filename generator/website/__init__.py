"""Stage 5, website: the MkDocs side (configuration, build, reproducibility, serve)."""
