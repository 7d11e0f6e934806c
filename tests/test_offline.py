"""The suite stays on this machine: conftest refuses any connection beyond loopback."""

from __future__ import annotations

import socket

import pytest


def test_a_connection_beyond_loopback_is_refused():
    with socket.socket() as sock, pytest.raises(OSError, match=r"only 127\.0\.0\.1"):
        sock.connect(("93.184.216.34", 80))


def test_loopback_stays_open():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
