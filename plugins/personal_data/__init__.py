"""The personal-data guard: finds personal data in content and attachments before they are published.

A library (not a Pelican plugin yet); the build and the forms engine call it. What it flags,
each a rule of stage `personal-data`:

- `national-id`: a national ID number (letter + 1/2 + 8 digits) whose check digit is right;
- `resident-id`: a resident certificate / UI number (統一證號), old format (letter + A–D + 8
  digits) or new format (letter + 8/9 + 8 digits), check digit right (see `identifiers`);
- `mobile`: a Taiwan mobile number, 09xx-xxx-xxx, in these spellings: 0912345678,
  0912-345-678, 0912 345 678, 0912.345.678, 0912-345678, (0912)345-678, +886 912 345 678,
  +886-912-345-678, +886912345678, +886 (0)912 345 678, 00886 912 345 678. Landlines
  (04-2xxx-xxxx, +886 4 …), 0800 and other service numbers are not personal and never match,
  nor do digits glued to a longer number (978-0912345678) or a 文號 after 第 (字第0970204432號);
- `email`: an e-mail address, unless its domain is one of the office's own (`office_domains`
  in the allow-list file, subdomains included) or reserved for examples (example.com, .test).

Full-width forms (Ａ１２３４５６７８９, ０９１２－３４５－６７８) are caught too; identity
numbers match in either case. Not caught: numbers spelled with other separators
("0912/345/678"), split by words, or e-mail addresses written as "name [at] domain".

Every message shows a value masked (A12****789, 091****678, s****@mail.example), never in full.

API (PYTHONPATH=plugins):

    from personal_data import find, load_allowlist, scan_text, scan_file, scan_tree

    find(text, office_domains=()) -> list[Hit]
        Hit(kind, masked, line, column, length); `hit.key` is the canonical raw value, kept
        only for the allow-list check and left out of repr() and str().
    load_allowlist(path, today) -> AllowList
        Reads `.ci/personal-data-allowlist.toml` (ALLOWLIST_FILE). Raises AllowListError
        (a ProblemsFound) naming the file, line and entry of each malformed, unrecognised or
        expired entry. `AllowList()` allows nothing; `allowlist.allows(hit)`.
    scan_text(path_shown, text, allowlist, first_line=1) -> list[Problem]
        For text taken from a file (a form's example value: pass the line it starts on).
    scan_file(path, allowlist) -> list[Problem]
        .md .yaml .txt .csv .json .toml .html … as UTF-8 text, line by line; .odt/.ods/.odp/.odg
        (content, styles, metadata) and .pdf (each page) through `extract`. An attachment that
        cannot be read, a PDF without text, or a file of an unknown type is a Problem: the
        guard never passes what it could not read. Images and fonts are skipped.
    scan_tree(folder, allowlist) -> list[Problem]
        Every file under the folder; hidden files are skipped.

Command line: `PYTHONPATH=plugins .venv/bin/python -m personal_data [PATH …]` (default
`content`) prints one line per problem and exits 1 if there are any; see `--help`.
"""

from .allowlist import Allowance, AllowList, AllowListError, load_allowlist  # noqa: F401
from .detect import Hit, find, mask  # noqa: F401
from .extract import ExtractionError, TextPart  # noqa: F401
from .kinds import ALLOWLIST_FILE, KINDS, STAGE, Kind  # noqa: F401
from .scan import SCANNED_SUFFIXES, files_under, scan_file, scan_section, scan_text, scan_tree  # noqa: F401
