"""Unattended jobs (the scheduled refresh) that chain the pipeline's stages."""
