"""Fixtures of the reliability tests (issue 13): the explorer's fixtures, shared."""
from tests.app.conftest import fresh_home  # noqa: F401  (an empty embedded graph under tmp_path)
