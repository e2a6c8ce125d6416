#!/bin/sh
# The deploy target's side of a release: run here for a local target, or on the server through
# ssh (`ssh HOST sh -s -- COMMAND DIR … < deploy/release.sh`), so both run the same steps.
# Layout of DIR: releases/<UTC time>-<git sha>/ (one folder per release), and `current`, a
# symlink to one of them that the web server serves. `current` changes only in one rename.
#
#   prepare  DIR               make releases/, remove uploads left half-done by an interrupted run
#   activate DIR NAME KEEP     releases/.partial-NAME -> releases/NAME; current -> it; keep KEEP
#   rollback DIR               current -> the release before it
#   status   DIR               print the current release, then every release, newest first
set -eu

command=$1 dir=$2
if [ "$command" = prepare ]; then mkdir -p "$dir"; fi
cd "$dir"

current_name() {
    if [ -L current ]; then basename "$(readlink current)"; fi
}

releases() {  # newest first (names start with the UTC time)
    find releases -mindepth 1 -maxdepth 1 -type d ! -name '.*' -exec basename {} \; | sort -r
}

switch_to() {  # point `current` at releases/$1 in one rename (never a moment without it)
    rm -f current.new
    ln -s "releases/$1" current.new
    mv -T current.new current
}

case "$command" in
prepare)
    mkdir -p releases
    rm -rf releases/.partial-*
    ;;
activate)
    name=$3 keep=$4
    [ -d "releases/.partial-$name" ] || { echo "release.sh: no upload releases/.partial-$name" >&2; exit 3; }
    [ ! -e "releases/$name" ] || { echo "release.sh: releases/$name exists already" >&2; exit 3; }
    mv "releases/.partial-$name" "releases/$name"
    switch_to "$name"
    releases | tail -n "+$((keep + 1))" | while read -r old; do
        [ "$old" = "$name" ] || rm -rf "releases/$old"
    done
    ;;
rollback)
    now=$(current_name)
    [ -n "$now" ] || { echo "release.sh: nothing is published in $dir" >&2; exit 3; }
    previous=$(releases | awk -v now="$now" '$0 < now' | head -n 1)
    [ -n "$previous" ] || { echo "release.sh: $now is the oldest release kept; there is nothing to go back to" >&2; exit 3; }
    switch_to "$previous"
    echo "$previous"
    ;;
status)
    echo "current: $(current_name)"
    releases
    ;;
*)
    echo "release.sh: unknown command $command" >&2; exit 2
    ;;
esac
