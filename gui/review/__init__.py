"""The review feature: flags, the review queue, QA findings and the overview strip.

Installed into the main window through ``gui.window.features`` (``gui.review:install``).
"""

from __future__ import annotations

from gui.review.controller import ReviewController, install

__all__ = ["ReviewController", "install"]
