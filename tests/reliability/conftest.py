"""Fixtures of the reliability tests (issue 13): the explorer's fixtures, shared."""
from tests.app.conftest import (  # noqa: F401
    _components_scanned_once,  # Streamlit's component scan, once for the session
    fresh_home,  # an empty embedded graph under tmp_path
)
