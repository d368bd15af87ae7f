from __future__ import annotations

import pytest
from hypothesis import settings

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
