from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tui.corpus.config import Config, load_config
from tui.corpus.library import Library
from tui.corpus.topics import TopicMatcher


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="session")
def matcher(config: Config) -> TopicMatcher:
    return TopicMatcher(config.topics)


@pytest.fixture(scope="session")
def seeds(config: Config) -> Library:
    return Library.load(SEEDS, config)
