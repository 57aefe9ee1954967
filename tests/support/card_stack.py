#!/usr/bin/env python3
"""A real PC/SC stack with a virtual My Number card, for the counter's tests.

Starts Debian's pcscd with the vsmartcard vpcd driver on a free TCP port,
with its own reader.conf directory and its own socket: pcsc-lite 1.9.9's
daemon ignores PCSCLITE_CSOCK_NAME (its clients honour it), so pcscd runs in
a private mount namespace (unshare) where /run/pcscd is our own directory;
a system pcscd, if any, is never touched. A virtual card, written here,
connects to vpcd and answers APDUs like the 券面事項入力補助AP.

  card_stack.py STATE_DIR            prints "ready SOCKET" once pcscd is up
  stdin: "insert JSON" (a card profile), "remove", "quit"
  stdout: "inserted", "removed" after each command

A profile: name, address, birth (YYYYMMDD), sex, number, pin, tries; and
for bad cards: not_mynumber, long_form, truncated, bad_birth, pull_after_reads
(the card leaves the reader after that many READ BINARY commands).
Everything started here ends when stdin closes or on SIGTERM.
"""
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

AID = bytes.fromhex("D3921000310001010408")


def free_port_pair():
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("0.0.0.0", port))
                b.bind(("0.0.0.0", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port pair for vpcd")


def tlv(tag, value, long_form=False):
    if long_form or len(value) >= 0x80:
        return tag + b"\x82" + struct.pack("!H", len(value)) + value
    return tag + bytes([len(value)]) + value


class Card:
    def __init__(self, profile):
        self.p = profile
        self.tries = int(profile.get("tries", 3))
        self.ap = False
        self.ef = None
        self.verified = False
        self.reads = 0
        long_form = bool(profile.get("long_form"))
        birth = profile.get("birth", "19800401").encode()
        if profile.get("bad_birth"):
            birth = b"1980-4-1"
        items = (tlv(b"\xDF\x21", b"\x00" * 8, long_form)
                 + tlv(b"\xDF\x22", profile["name"].encode("utf-8"), long_form)
                 + tlv(b"\xDF\x23", profile["address"].encode("utf-8"), long_form)
                 + tlv(b"\xDF\x24", birth, long_form)
                 + tlv(b"\xDF\x25", str(profile.get("sex", "1")).encode(), long_form))
        record = tlv(b"\xFF\x20", items, long_form)
        if profile.get("truncated"):
            record = record[:-6]
        self.files = {
            b"\x00\x02": record + b"\xFF" * 600,
            b"\x00\x01": b"\xFF\x10\x0C" + profile.get("number", "").encode() + b"\xFF" * 20,
        }

    def answer(self, apdu):
        cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
        data = apdu[5:5 + apdu[4]] if len(apdu) > 5 else b""
        if ins == 0xA4 and p1 == 0x04:
            if self.p.get("not_mynumber") or data != AID:
                return b"\x6A\x82"
            self.ap, self.ef, self.verified = True, None, False
            return b"\x90\x00"
        if ins == 0xA4 and p1 == 0x02:
            if not self.ap or data not in (b"\x00\x11", b"\x00\x02", b"\x00\x01"):
                return b"\x6A\x82"
            self.ef = data
            return b"\x90\x00"
        if ins == 0x20:
            if self.ef != b"\x00\x11":
                return b"\x69\x86"
            if self.tries == 0:
                return b"\x69\x84"
            if not data:
                return bytes([0x63, 0xC0 | self.tries])
            if data.decode("ascii", "replace") == self.p.get("pin"):
                self.tries = int(self.p.get("tries_after_success", 3))
                self.verified = True
                return b"\x90\x00"
            self.tries -= 1
            return bytes([0x63, 0xC0 | self.tries])
        if ins == 0xB0:
            if self.ef not in self.files or not self.verified:
                return b"\x69\x82"
            self.reads += 1
            limit = self.p.get("pull_after_reads")
            if limit is not None and self.reads > int(limit):
                raise ConnectionAbortedError("card pulled")
            offset = (p1 << 8) | p2
            length = apdu[4] if len(apdu) > 4 else 0
            length = length or 256
            content = self.files[self.ef]
            if offset >= len(content):
                return b"\x6B\x00"
            return content[offset:offset + length] + b"\x90\x00"
        return b"\x6D\x00"


class VirtualCard(threading.Thread):
    ATR = bytes.fromhex("3B8880010000000000718100F9")

    def __init__(self, port, profile):
        super().__init__(daemon=True)
        self.card = Card(profile)
        self.sock = None
        for _ in range(100):
            try:
                self.sock = socket.create_connection(("127.0.0.1", port))
                break
            except OSError:
                time.sleep(0.05)
        if self.sock is None:
            raise RuntimeError("vpcd does not accept the virtual card")

    def recv_exact(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise ConnectionAbortedError("vpcd closed")
            out += chunk
        return out

    def send(self, payload):
        self.sock.sendall(struct.pack("!H", len(payload)) + payload)

    def run(self):
        try:
            while True:
                (size,) = struct.unpack("!H", self.recv_exact(2))
                msg = self.recv_exact(size)
                if size == 1:
                    if msg[0] == 4:
                        self.send(self.ATR)
                    continue
                self.send(self.card.answer(msg))
        except (OSError, ConnectionAbortedError):
            self.close()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def main():
    state = os.path.abspath(sys.argv[1])
    conf = os.path.join(state, "reader.conf.d")
    run = os.path.join(state, "run")
    os.makedirs(conf, exist_ok=True)
    os.makedirs(run, exist_ok=True)
    port = free_port_pair()
    with open(os.path.join(conf, "vpcd"), "w") as f:
        f.write('FRIENDLYNAME "Madoguchi Test Reader"\n'
                "DEVICENAME   /dev/null:0x%X\n"
                "LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n"
                "CHANNELID    0x%X\n" % (port, port))
    log = open(os.path.join(state, "pcscd.log"), "w")
    script = ('mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd --foreground -c "$2"')
    pcscd = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", run, conf],
                             stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    socket_path = os.path.join(run, "pcscd.comm")
    card = None

    def stop(*_):
        if card:
            card.close()
        if pcscd.poll() is None:
            pcscd.terminate()
            try:
                pcscd.wait(5)
            except subprocess.TimeoutExpired:
                pcscd.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    for _ in range(200):
        if os.path.exists(socket_path) or pcscd.poll() is not None:
            break
        time.sleep(0.05)
    if pcscd.poll() is not None or not os.path.exists(socket_path):
        print("failed pcscd did not start (see %s)" % log.name, flush=True)
        stop()
    print("ready " + socket_path, flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "insert":
            if card:
                card.close()
                time.sleep(0.3)
            card = VirtualCard(port, json.loads(argument))
            card.start()
            print("inserted", flush=True)
        elif command == "remove":
            if card:
                card.close()
                card = None
            print("removed", flush=True)
        elif command == "quit":
            break
    stop()


if __name__ == "__main__":
    main()
