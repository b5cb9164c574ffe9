"""The audio feature: the recording beside the transcript (player dock, waveform, follow,
stamps, sync). Installed through ``gui.window.features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.audio.feature import AudioFeature
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


def install(window: FeatureWindow, ctx: AppContext) -> AudioFeature:
    """Plug the audio feature into the main window (kept in ``window.features["audio"]``)."""
    from gui.audio.feature import AudioFeature

    return AudioFeature(window, ctx)
