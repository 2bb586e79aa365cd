#!/bin/sh
# Installs Debian's chromium and chromium-driver for the web app's browser tests (tests/test_web_browser.py).
# Idempotent: does nothing when /usr/bin/chromium exists. Never fails the build: without apt-get or root,
# it says so and exits 0, and the browser tests skip with that reason.
set -u

if [ -x /usr/bin/chromium ]; then
    echo "install-browser: /usr/bin/chromium is there"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here; install chromium yourself to run the browser tests (they skip without it)"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-browser: not root and no password-less sudo; run: sudo apt-get install -y chromium chromium-driver"
    exit 0
fi
echo "install-browser: apt-get install chromium chromium-driver"
if $SUDO apt-get update -q >/dev/null && \
   DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null; then
    echo "install-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
    echo "install-browser: apt-get failed; the browser tests will skip"
fi
exit 0
