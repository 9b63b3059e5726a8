"""paperchat's chat page. `build_app` is imported lazily: Gradio takes seconds to import, and the small
modules here (export, rendering) are used without it."""

from __future__ import annotations

from typing import Any

__all__ = ["build_app"]


def __getattr__(name: str) -> Any:
    if name == "build_app":
        from ui.app import build_app

        return build_app
    raise AttributeError(name)
