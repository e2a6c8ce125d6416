#!/bin/sh
# The deploy target's side of a release: run here for a local target, or on the server through
# ssh (`ssh HOST sh -s -- COMMAND DIR … < deploy/release.sh`), so both run the same steps.
# Layout of DIR: releases/<UTC time>-<git sha>/ (one folder per release), `current`, a symlink
# to one of them that the web server serves (it changes only in one rename), and `history`, the
# releases in the order they were deployed, one name a line, oldest first. Order is always the
# order of deploys, never of names: a clock set back, or a release named on another machine,
# sorts anywhere. A release missing from `history` (made before it existed) counts as older than
# every listed one, in name order.
#
#   prepare  DIR               make releases/, remove uploads left half-done by an interrupted run
#   activate DIR NAME KEEP     releases/.partial-NAME -> releases/NAME; current -> it; keep the KEEP
#                              last deployed (never `current`)
#   rollback DIR               current -> the release deployed before it
#   status   DIR               print the current release, then every release, newest first
set -eu

command=$1 dir=$2
if [ "$command" = prepare ]; then mkdir -p "$dir"; fi
cd "$dir"

current_name() {
    if [ -L current ]; then basename "$(readlink current)"; fi
}

releases() {  # newest first: in the order of `history`, then those not in it, by name
    { find releases -mindepth 1 -maxdepth 1 -type d ! -name '.*' -exec basename {} \; | sort
      echo /  # never a folder name: the end of the folders
      if [ -f history ]; then cat history; fi
    } | awk '
        $0 == "/" { folders_done = 1; next }
        !folders_done { exists[$0] = 1; named[++n] = $0; next }
        ($0 in exists) { if ($0 in at) deployed[at[$0]] = ""; deployed[++m] = $0; at[$0] = m }
        END {
            for (i = m; i >= 1; i--) if (deployed[i] != "") print deployed[i]
            for (i = n; i >= 1; i--) if (!(named[i] in at)) print named[i]
        }'
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
    echo "$name" >> history
    switch_to "$name"
    now=$(current_name)
    releases | tail -n "+$((keep + 1))" | while read -r old; do
        [ "$old" = "$now" ] || rm -rf "releases/$old"
    done
    releases | awk '{ kept[NR] = $0 } END { for (i = NR; i >= 1; i--) print kept[i] }' > history.new
    mv history.new history
    ;;
rollback)
    now=$(current_name)
    [ -n "$now" ] || { echo "release.sh: nothing is published in $dir" >&2; exit 3; }
    previous=$(releases | awk -v now="$now" 'found { print; exit } $0 == now { found = 1 }')
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
