"""A deploy target: a local folder, or `[user@]host:/folder` reached by rsync over ssh. Both run
the same target-side script (deploy/release.sh) and the same rsync upload."""

from __future__ import annotations

import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, ProblemsFound

RELEASE_SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "release.sh"
REMOTE = re.compile(r"^(?P<host>[^/:]+):(?P<path>/.*)$")  # rsync's host:/path (an absolute path)


class TargetError(ProblemsFound):
    """A step on the target failed: where, which step, and what the tool printed."""

    FIX = "see the message; `current` was not changed, so the site is as it was"

    def __init__(self, where: str, message: str, output: str = ""):
        output = " ".join(output.split())
        super().__init__([Problem(where or "DEPLOY_TARGET", None, "target", "target",
                                  f"{message}: {output}" if output else message, self.FIX)])


@dataclass(frozen=True)
class Target:
    """Where releases go: `folder` on `host` (None: this machine)."""

    host: str | None
    folder: str
    ssh: str = "ssh"  # the remote shell command (rsync -e, and the script's runner)

    @classmethod
    def parse(cls, text: str, ssh: str = "ssh") -> Target:
        """'/srv/www/site' (local) or 'deploy@web1:/srv/www/site' (rsync over ssh)."""
        if not text:
            raise TargetError("DEPLOY_TARGET", "DEPLOY_TARGET is empty: name a folder or user@host:/folder")
        if match := REMOTE.match(text):
            return cls(match["host"], match["path"].rstrip("/") or "/", ssh)
        return cls(None, str(Path(text).resolve()), ssh)

    def __str__(self) -> str:
        return f"{self.host}:{self.folder}" if self.host else self.folder

    def script(self, command: str, *args: str) -> str:
        """Run one command of deploy/release.sh on the target; its output, or TargetError."""
        argv = [command, self.folder, *args]
        if self.host:
            run = [*shlex.split(self.ssh), self.host, "sh -s -- " + shlex.join(argv)]
            stdin = RELEASE_SCRIPT.read_bytes()
        else:
            run, stdin = ["sh", str(RELEASE_SCRIPT), *argv], b""
        result = subprocess.run(run, input=stdin, capture_output=True)
        if result.returncode != 0:
            raise TargetError(str(self), f"`release.sh {command}` failed on {self} (exit {result.returncode})",
                              (result.stderr or result.stdout).decode(errors="replace"))
        return result.stdout.decode()

    def upload(self, site: Path, name: str, extra: list[str]) -> None:
        """Copy the built site to releases/.partial-NAME/ (files unchanged since the current
        release are hard links to it: fast, and little disk)."""
        destination = f"{self}/releases/.partial-{name}/"
        command = ["rsync", "-rlt", "--delete", "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
                   "--link-dest=../../current/", *extra]
        if self.host:
            command += ["-e", self.ssh]
        result = subprocess.run([*command, f"{site}/", destination], capture_output=True)
        if result.returncode != 0:
            raise TargetError(str(self), f"the upload to {destination} failed (rsync exit {result.returncode})",
                              result.stderr.decode(errors="replace"))
