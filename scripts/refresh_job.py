#!/usr/bin/env python3
"""The scheduled refresh job: refresh → build (validate, publish atomically) → change summary.

The logic lives in pipeline/jobs/refresh.py (importable and tested); this file is the entry point
the workflow .github/workflows/refresh.yml calls. See docs/refresh.md.

    python scripts/refresh_job.py [--offline] [--source NAME ...] [--summary-out FILE]
"""

import sys
from pathlib import Path

# Runs from a checkout even when the package is not installed (the repository root holds pipeline/).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.jobs.refresh import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
