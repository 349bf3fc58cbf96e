"""The explorer: a Streamlit app in Chinese. ``streamlit_app.py`` routes to one module per page in
``app/pages/``; cached resources live in ``app/state.py``, shared widgets in ``app/ui.py``, and plain
helpers that turn query rows into tables and evidence in ``app/rows.py`` (no streamlit there)."""
