"""The scripts a page loads, each only where its marker is (``render.with_scripts``): no page
carries code it does not run. A leaf module: the site's configuration reads it too."""

from __future__ import annotations

PAGE_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("data-roi-chart=", "roi-charts.js"),
    ("data-roi-form=", "roi-forms.js"),
    ("data-roi-grid=", "roi-forms.js"),  # the grid checks and sends with the forms' code
    ("data-roi-grid=", "roi-grid.js"),
)
SCRIPTS: tuple[str, ...] = tuple(dict.fromkeys(script for _, script in PAGE_SCRIPTS))
"""Every script of ours, each once, in the order a page loads them."""
