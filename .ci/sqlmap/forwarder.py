#!/usr/bin/env python3
"""A loopback TCP forwarder for the sqlmap scan: 127.0.0.1:LISTEN -> 127.0.0.1:TARGET.

Each accepted connection is relayed from its own source address, 127.0.0.2 to 127.0.0.251 in turn, so the sample
app sees the scanner as many clients and its per-client-IP limits (search: 30 a minute) do not turn the scan into
a stream of 429s. Per-principal and per-account limits are untouched. Every address is on the loopback interface;
nothing leaves the machine. Usage: forwarder.py LISTEN_PORT TARGET_PORT
"""
import itertools
import socket
import sys
import threading

SOURCES = ["127.0.0.%d" % i for i in range(2, 252)]


def pipe(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(listen_port, target_port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen_port))
    server.listen(64)
    sources = itertools.cycle(SOURCES)
    print("forwarder: 127.0.0.1:%d -> 127.0.0.1:%d from %s..%s" % (listen_port, target_port, SOURCES[0], SOURCES[-1]),
          flush=True)
    while True:
        client, _ = server.accept()
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            upstream.bind((next(sources), 0))
            upstream.connect(("127.0.0.1", target_port))
        except OSError as e:
            print("forwarder: cannot reach the target: %s" % e, file=sys.stderr, flush=True)
            client.close()
            upstream.close()
            continue
        threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
        threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
