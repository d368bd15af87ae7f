"""The commands beside the build: roi init, roi inbox merge, the job summary."""
