"""The map page: static files (built by `make web`) and the Content-Security-Policy they are served with.

Everything the page loads comes from its own origin: Leaflet, its cluster plugin and the Natural Earth
base map are copied from npm packages into `static/vendor/` at install time.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR: Path = Path(__file__).parent / "static"

# Scripts, styles, data and fonts only from the page's origin; no inline script or style element, no
# plugins, no framing. Leaflet sets element styles from script (allowed) and may use data: images.
CONTENT_SECURITY_POLICY: str = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
