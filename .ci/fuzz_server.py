"""The server part of the fuzz run (issue 29): hostile requests against a running `inclusiebench serve`.

Usage: fuzz_server.py INCLUSIEBENCH_BINARY [SEED]
Starts the server on a free loopback port with a fresh database (and, when ../shared/sources is here, a
source document with 1 MB of heading-less text appended), then sends, over raw sockets to 127.0.0.1 only:
path traversals, long paths, values and headers, seeded hostile query strings, HEAD and other methods,
wrong Host headers, half-sent headers, a search through the 1 MB text; finally SIGTERM while requests are
in flight. Every answer is checked against what the site promises; the last line starts with
"fuzz-server:" and gives the counts. Exits 1 on any unexpected answer. Bounded: about a minute.
"""

import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

binary = sys.argv[1]
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261206
rng = random.Random(seed)
root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared" / "sources"
work = pathlib.Path(tempfile.mkdtemp(prefix="inclusiebench-fuzz-server."))
counts = {"requests": 0, "as expected": 0, "unexpected": 0}
problems = []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def exchange(raw, timeout=20.0):
    """Sends raw bytes over a new connection and returns (status code or None, headers text, body bytes)."""
    counts["requests"] += 1
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(raw)
        data = b""
        try:
            while chunk := connection.recv(65536):
                data += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    head, _, body = data.partition(b"\r\n\r\n")
    parts = head.split(b" ", 2)
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return status, head.decode("latin-1"), body


def request(path, method="GET", host=None, extra=b""):
    host = f"127.0.0.1:{port}" if host is None else host
    host_line = b"" if host is False else f"Host: {host}\r\n".encode("latin-1")
    return exchange(f"{method} ".encode() + path + b" HTTP/1.1\r\n" + host_line + extra + b"Connection: close\r\n\r\n")


def check(name, ok, detail=""):
    if ok:
        counts["as expected"] += 1
    else:
        counts["unexpected"] += 1
        problems.append(f"{name}: {detail}")


# A plugin folder of our own, so the long source document never touches the repository.
municipalities = work / "municipalities"
shutil.copytree(root / "municipalities", municipalities)
arguments = ["--db", str(work / "fuzz.sqlite"), "--municipalities", str(municipalities)]
long_source = False
if shared.is_dir():
    sources = work / "sources"
    shutil.copytree(shared, sources)
    target = sources / "almere-actieprogramma-inclusie-2020-2022.txt"
    if target.exists():
        words = ["gemeente", "inwoners", "samen", "wijken", "ontmoeting", "toegankelijk", "werk", "school", "taal", "buurt"]
        lines, size = [], 0
        while size < 1 << 20:
            line = " ".join(rng.choice(words) for _ in range(12))
            lines.append(line)
            size += len(line) + 1
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n" + "\n".join(lines) + "\n")
        long_source = True
    arguments += ["--sources", str(sources)]

port = free_port()
log = open(work / "server.log", "w")
server = subprocess.Popen([binary, "serve", "--port", str(port)] + arguments, stdout=log, stderr=subprocess.STDOUT)
try:
    deadline = time.time() + 300
    while f"http://127.0.0.1:{port}/" not in (work / "server.log").read_text(errors="replace"):
        if server.poll() is not None or time.time() > deadline:
            print((work / "server.log").read_text(errors="replace"), file=sys.stderr)
            sys.exit("fuzz-server: the server did not start")
        time.sleep(0.2)

    # Path traversal: nothing from disk but the stylesheet, whatever the spelling.
    traversals = [
        "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift", "/style.css/../Package.swift",
        "/style.css/..%2f..%2fPackage.swift", "//etc/passwd", "/programmes/../../../../etc/passwd",
        "/programmes/almere/..%2f..%2fPackage.swift", "/themes/..%00", "/compare/themes/..%2f..%2fREADME.md",
        "/.git/config", "/municipalities/taxonomy.yaml", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/..;/Package.swift", "/\\..\\Package.swift", "/compare/../../Sources", "/search/../../.build",
    ]
    traversals += [f"/{'../' * depth}{name}" for depth in range(1, 8) for name in ("Package.swift", "etc/passwd", "README.md")]
    for path in traversals:
        status, _, body = request(path.encode("latin-1"))
        leaked = b"swift-tools-version" in body or b"root:x:" in body or b"[core]" in body
        check(f"traversal {path}", status in (400, 404) and not leaked, f"status {status}")

    # Long fields: a 8 KB path, a 600-character value, a 16 KB and a 200 KB header.
    status, _, _ = request(b"/" + b"a" * 8192)
    check("long path", status in (400, 404, 414, 431, None), f"status {status}")
    status, _, _ = request(b"/search?q=" + b"inclusie+" * 70)
    check("long value", status == 400, f"status {status}")
    for size in (16 * 1024, 200 * 1024):
        status, _, _ = request(b"/", extra=b"X-Long: " + b"x" * size + b"\r\n")
        check(f"header of {size} bytes", status in (200, 400, 431, None), f"status {status}")

    # Seeded hostile query strings on every page kind: 400 or 200, never a server error or live markup.
    pages = ["/", "/themes", "/themes/discriminatie", "/compare/themes", "/compare/budgets/csv", "/search", "/style.css"]
    pieces = ["page=0", "page=99999", "page=-1", "page=1e3", "lang=fr", "q=<script>alert(1)</script>", "q=%00",
              "q=%ZZ", "status=" + "x" * 600, "kind=%3Cb%3E", "unknown=1", "q=a&q=b", "q=\"OR\"", "q=NEAR(a%20b)",
              "municipality=../../etc", "theme=%E2%80%AE", "page=2", "q=inclusie", "lang=en", "format=csv"]
    for _ in range(300):
        path = rng.choice(pages) + "?" + "&".join(rng.sample(pieces, rng.randint(1, 3)))
        status, _, body = request(path.encode("latin-1"))
        check(f"query {path}", status in (200, 400, 404) and b"<script>" not in body, f"status {status}")

    # HEAD is GET without the body; every other method gets 405 with Allow.
    for path in ["/", "/themes", "/compare/themes", "/compare/themes/json", "/search?q=inclusie", "/style.css", "/nergens", "/?page=0"]:
        get_status, get_head, get_body = request(path.encode())
        head_status, head_head, head_body = request(path.encode(), method="HEAD")
        length = f"content-length: {len(get_body)}"
        check(f"HEAD {path}", head_status == get_status and head_body == b"" and length in head_head.lower(), f"{head_status} vs {get_status}")
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]:
        status, head, _ = request(b"/", method=method)
        check(f"method {method}", status == 405 and "allow: get, head" in head.lower(), f"status {status}")
    # A method HTTP does not know is refused by the parser before any route.
    status, _, _ = request(b"/", method="FOO")
    check("method FOO", status in (400, 405), f"status {status}")

    # Wrong Host: only this address (or localhost) with its port.
    for host in ["rebound.example", f"rebound.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", f"localhost.example:{port}",
                 f"127.0.0.1:{port}.example", f"127.0.0.1.:{port}", "", f"[::1]:{port}", f"evil@127.0.0.1:{port}"]:
        status, _, _ = request(b"/", host=host)
        check(f"host {host!r}", status in (400, 421), f"status {status}")
    status, _, _ = exchange(b"GET / HTTP/1.0\r\n\r\n")
    check("no host", status in (400, 421), f"status {status}")
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"]:
        status, _, _ = request(b"/", host=host)
        check(f"host {host!r}", status == 200, f"status {status}")

    # Half-sent headers: eight connections that never finish; the site still answers, and the server
    # closes them (its idle timeout is 10 s).
    started = time.time()
    half = []
    for _ in range(8):
        connection = socket.create_connection(("127.0.0.1", port), timeout=30)
        connection.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: ".encode())
        half.append(connection)
    status, _, _ = request(b"/style.css")
    check("answers beside half-sent requests", status == 200, f"status {status}")
    closed_after = []
    for connection in half:
        try:
            data = connection.recv(1024)
            closed_after.append(time.time() - started)
            check("half-sent request closed", data == b"" or data.startswith(b"HTTP/1.1 4"), f"got {data[:40]!r}")
        except socket.timeout:
            check("half-sent request closed", False, "still open after 30 s")
        connection.close()
    half_closed = max(closed_after) if closed_after else float("nan")

    # The 1 MB source document: a search through it, twice (the second may come from the cache).
    search_seconds = float("nan")
    if long_source:
        started = time.time()
        status, _, body = request(b"/search?q=ontmoeting+wijken&municipality=almere")
        search_seconds = time.time() - started
        check("search through 1 MB", status == 200 and b"<mark>" in body and search_seconds < 5, f"status {status}, {search_seconds:.2f} s")

    # SIGTERM with a response in flight that the client never reads (3,000 pipelined requests): graceful
    # shutdown would wait for it for ever; the process must still end within two seconds.
    stuck = socket.create_connection(("127.0.0.1", port), timeout=5)
    stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stuck.sendall(f"GET /compare/themes HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode() * 3000)
    half.append(stuck)
    time.sleep(2)
    started = time.time()
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=10)
        stop_seconds = time.time() - started
        check("SIGTERM stops within 2 s", stop_seconds <= 2.0, f"{stop_seconds:.2f} s")
    except subprocess.TimeoutExpired:
        stop_seconds = float("inf")
        check("SIGTERM stops within 2 s", False, "still running after 10 s")
finally:
    if server.poll() is None:
        server.kill()
        server.wait()
    log.close()

for problem in problems[:20]:
    print(f"  unexpected: {problem}")
print(
    f"fuzz-server: {counts['requests']} requests, {counts['as expected']} checks as expected, {counts['unexpected']} unexpected; "
    f"half-sent requests closed after {half_closed:.1f} s; search through a 1 MB source {search_seconds:.2f} s; "
    f"stopped {stop_seconds:.2f} s after SIGTERM (seed {seed})"
)
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if counts["unexpected"] else 0)
