"""Watch a process for network use: Python-level socket calls (audit hook) and open TCP/UDP
sockets (the process's socket inodes looked up in /proc/net)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_EVENTS = {
    "socket.connect",
    "socket.bind",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.sendto",
    "urllib.Request",
    "http.client.connect",
}


class NetworkGuard:
    """Records every network attempt made while installed (audit hooks cannot be removed, so
    the guard only records while ``active``)."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.active = False
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active or event not in NETWORK_EVENTS:
            return
        if event == "socket.connect" and args and _is_local_socket(args[0]):
            return
        self.events.append(f"{event} {args!r}"[:200])


def _is_local_socket(sock: object) -> bool:
    import socket

    return isinstance(sock, socket.socket) and sock.family == socket.AF_UNIX


def open_inet_sockets() -> list[str]:
    """TCP/UDP sockets (IPv4 and IPv6) this process holds open."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/self/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table} {fields[1]} -> {fields[2]}")
    return found
