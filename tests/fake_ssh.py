"""A stand-in for `ssh [-l USER] HOST COMMAND…` in the deploy tests: runs the command on this
machine with `sh -c`, as sshd would run it on the server (the arguments joined with spaces),
stdin passed on. rsync calls it as `ssh -l deploy web1 rsync --server …`."""

import os
import sys

args = sys.argv[1:]
while args[0].startswith("-"):  # options, and the value of those that take one (-l USER)
    args = args[2:] if args[0] in ("-l", "-p", "-i", "-o") else args[1:]
host, *command = args
os.execvp("sh", ["sh", "-c", " ".join(command)])
