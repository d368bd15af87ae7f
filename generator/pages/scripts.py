"""The scripts a page loads, each only where its marker is (``render.with_scripts``): no page
carries code it does not run. A leaf module: the site's configuration reads it too."""

from __future__ import annotations

PAGE_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("data-roi-chart=", "roi-charts.js"),
    ("data-roi-form=", "roi-forms.js"),
)
