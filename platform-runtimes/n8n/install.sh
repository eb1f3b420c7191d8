#!/usr/bin/env bash
# Installs real n8n (a test-and-demo tool, not a dependency of the connector) from this folder's
# package.json and lockfile into a machine-level cache keyed by the lockfile and the Node ABI,
# so fresh clones on the same machine (CI) reuse the ~1.8 GB tree instead of spending ~7 minutes
# of CPU on `npm ci` (sqlite3 and isolated-vm compile from source). Links it as ./node_modules
# and prints the n8n binary's path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache_root="${WORKDAY_CONNECTOR_CACHE:-/var/cache/workday-connector}"
if ! mkdir -p "$cache_root" 2>/dev/null || [ ! -w "$cache_root" ]; then
  cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/workday-connector"
  mkdir -p "$cache_root"
fi
abi="$(node -p process.versions.modules)"
key="$( (cat "$here/package-lock.json"; echo "node-abi-$abi") | sha256sum | cut -c1-16)"
dir="$cache_root/n8n-$key"

# One installer at a time per machine; a second waits and then finds the tree ready.
exec 9>"$cache_root/n8n-install.lock"
flock 9
if [ ! -f "$dir/.complete" ]; then
  echo "Installing n8n into $dir (about 7 minutes the first time)..." >&2
  partial="$dir.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  cp "$here/package.json" "$here/package-lock.json" "$partial/"
  (cd "$partial" && npm ci --no-audit --no-fund --loglevel=error >&2)
  touch "$partial/.complete"
  rm -rf "$dir"
  mv "$partial" "$dir"
fi
flock -u 9
ln -sfn "$dir/node_modules" "$here/node_modules"
echo "$dir/node_modules/.bin/n8n"
