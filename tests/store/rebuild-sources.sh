#!/usr/bin/env bash
# Store readiness: the Firefox sources zip must rebuild the Firefox zip's contents from its own
# instructions (README: `npm run setup` = `npm ci && npm run build`).
#
# 1. `wxt zip -b firefox` into a temp folder: the store zip and the sources zip, as `npm run zip`
#    makes them.
# 2. Unzip the sources into an empty folder. `npm ci` there would take half a minute and need the
#    network, so node_modules is a symlink to this checkout's, which `npm ci` installed from the
#    same package-lock.json (the sources zip carries that lock file; step 3 checks it matches).
# 3. Run the sources' own build script for Firefox (`npm run build:firefox`) there.
# 4. The rebuilt .output/firefox-mv2 must be byte-for-byte the store zip's contents.
# Exits non-zero on any difference. Takes about 20 s on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fn-sources-XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

echo "rebuild-sources: zipping into $work/out"
FN_OUT_DIR="$work/out" npx wxt zip -b firefox >"$work/zip.log" 2>&1 || {
  cat "$work/zip.log"
  exit 1
}
store_zip=$(ls "$work"/out/*-firefox.zip)
sources_zip=$(ls "$work"/out/*-sources.zip)

mkdir "$work/store" "$work/src"
unzip -q "$store_zip" -d "$work/store"
unzip -q "$sources_zip" -d "$work/src"

# The lock file the reviewer installs from must be the one node_modules came from.
cmp -s "$work/src/package-lock.json" "$root/package-lock.json" || {
  echo "rebuild-sources: the sources zip's package-lock.json differs from this checkout's"
  exit 1
}
ln -s "$root/node_modules" "$work/src/node_modules"

echo "rebuild-sources: building from the sources (npm run build:firefox)"
(cd "$work/src" && env -u FN_OUT_DIR npm run build:firefox >"$work/build.log" 2>&1) || {
  cat "$work/build.log"
  exit 1
}

if ! diff -r "$work/store" "$work/src/.output/firefox-mv2"; then
  echo "rebuild-sources: the build from the sources zip differs from the Firefox zip"
  exit 1
fi
count=$(find "$work/store" -type f | wc -l)
echo "rebuild-sources: OK, the sources zip rebuilds all $count files of the Firefox zip ($(($(date +%s) - start)) s)"
