#!/usr/bin/env bash
# tar-reproducible.sh PARENT NAME EPOCH OUTPUT.tar.gz
# Writes PARENT/NAME as a gzip'd tar whose bytes depend only on the files' names, contents and modes: entries sorted by
# name, owner and group 0, every time EPOCH, no extended attributes, and gzip without a name or time stamp.
set -euo pipefail
parent="$1" name="$2" epoch="$3" output="$4"
tmp="$output.tmp.$$"
trap 'rm -f "$tmp"' EXIT
tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    --no-acls --no-xattrs --no-selinux -C "$parent" -cf - "$name" | gzip -9 -n > "$tmp"
mv -f "$tmp" "$output"
trap - EXIT
