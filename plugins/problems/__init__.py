"""The one shape every check reports in: `path[:line]: stage [rule]: message. Fix: …`, one line each."""

from .problems import Problem, ProblemsFound, one_line, print_problems, read_problems, write_problems  # noqa: F401
