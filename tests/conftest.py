from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser

from tests.browser import demo_site, launch_chromium, serve

# Speed is measured by the benchmark, not here: a busy 2-core machine must not fail a property.
settings.register_profile("roi", deadline=None, max_examples=100)
settings.load_profile("roi")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/golden/ from the current output (review the diff before committing).",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


# The browser tests' fixtures (tests/browser.py holds their helpers).
@pytest.fixture(scope="module")
def site(pytestconfig: pytest.Config) -> Path:
    """The demo site built once per run, as the browser tests see it published."""
    return demo_site(pytestconfig)


@pytest.fixture(scope="module")
def private_site(pytestconfig: pytest.Config) -> Path:
    """The demo's complete, named report (``roi build --private``), built once per run."""
    return demo_site(pytestconfig, public=False)


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def private_site_url(private_site: Path) -> Iterator[str]:
    with serve(private_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    yield from launch_chromium()
