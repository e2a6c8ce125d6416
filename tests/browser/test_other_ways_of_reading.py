"""The other ways people read (issue 22, item 3), on EVERY page of the built real site in both
languages, in one Chromium: each page is loaded once at 400 % zoom (a 1280 px window at 4×:
320 CSS px) with `forced-colors: active` and `prefers-reduced-motion: reduce` emulated, then the
WCAG 1.4.12 text-spacing overrides are put in.

- 400 % zoom: nothing scrolls sideways, except inside a table;
- forced colours: the focus indicator is an outline (box shadows are removed in forced colours),
  every field and button has a border, every data table cell or stacked row has a border, and no
  icon is a background image alone (forced colours keep no background colour);
- reduced motion: nothing animates or moves with a transition;
- text spacing (line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em): no text
  is clipped by a box that hides its overflow, and still nothing scrolls sideways.

Screenshots of a sample of pages (a page of each kind, in each mode) are written to
reports/reading-modes/ for a person to look at.
"""

from __future__ import annotations

import pytest

from site_checks.browser import chromium, serve, set_viewport
from support import ROOT

pytestmark = pytest.mark.browser
ZOOMED_WIDTH = 1280 // 4  # 400 % zoom of a 1280 px window
HEIGHT = 900
SHOTS = ROOT / "reports/reading-modes"
SAMPLE = {"index.html", "en/guides/transcript/index.html", "forms/transcript-application/index.html",
          "en/forms/index.html", "disclosures/budgets/index.html", "en/contact/index.html", "en/review/index.html"}
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

FORCED_COLOURS = """
const problems = [];
const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
  (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const bordered = (style) => ['Top', 'Right', 'Bottom', 'Left'].some(
  (side) => style['border' + side + 'Style'] !== 'none' && parseFloat(style['border' + side + 'Width']) >= 1);
// A native checkbox or radio button is drawn by the system in its colours; one styled with
// `appearance: none` needs a border like every other field.
const native = (field) => ['checkbox', 'radio'].includes(field.type) && getComputedStyle(field).appearance !== 'none';
for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
  if (shown(field) && !native(field) && !bordered(getComputedStyle(field)))
    problems.push('no border: ' + describe(field));
}
for (const cell of document.querySelectorAll('main table td, main table th')) {
  if (!shown(cell)) continue;
  if (!bordered(getComputedStyle(cell)) && !bordered(getComputedStyle(cell.closest('tr')))) {
    problems.push('a table cell without a border: ' + describe(cell.closest('table')));
    break;
  }
}
for (const e of document.querySelectorAll('body *')) {
  const style = getComputedStyle(e);
  if (style.backgroundImage !== 'none' && shown(e) && !e.textContent.trim())
    problems.push('an icon as a background image: ' + describe(e));
}
const focusable = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
  .filter(shown);
for (const e of focusable) {
  e.focus();
  const style = getComputedStyle(e);
  if (document.activeElement !== e) continue;
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
    problems.push('focus not visible (no outline of 2 px): ' + describe(e));
    break;  // one is enough to say
  }
  e.blur();
}
return problems;
"""

MOTION = """
const moving = document.getAnimations().filter((a) => a.playState === 'running')
  .map((a) => String(a.animationName || a.transitionProperty || a.id));
for (const e of document.querySelectorAll('body *')) {
  const style = getComputedStyle(e);
  if (style.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) {
    moving.push('transition on ' + e.tagName.toLowerCase());
    break;
  }
  if (style.animationName !== 'none') { moving.push('animation ' + style.animationName); break; }
}
return moving;
"""

SIDEWAYS = """
const outside = document.documentElement.scrollWidth - document.documentElement.clientWidth;
const boxes = [...document.querySelectorAll('body *')].filter((e) => {
  const x = getComputedStyle(e).overflowX;
  return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1
    && !e.closest('table') && !e.querySelector('table');
}).map((e) => e.tagName.toLowerCase() + '.' + e.className);
return [outside, boxes];
"""

CLIPPED = """
const clipped = [];
for (const e of document.querySelectorAll('body *')) {
  const style = getComputedStyle(e);
  if (!e.getClientRects().length || !e.textContent.trim()) continue;
  const hides = (v) => v === 'hidden' || v === 'clip';
  const overY = hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
  const overX = hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
  if (overY || overX) {
    if (e.clientWidth <= 1 || e.clientHeight <= 1) continue;  // visually hidden on purpose (1 px boxes)
    const name = e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className : '');
    clipped.push(name + ': ' + e.textContent.trim().slice(0, 40));
  }
}
return clipped;
"""


EMULATED = """
return [matchMedia('(forced-colors: active)').matches, matchMedia('(prefers-reduced-motion: reduce)').matches,
        window.innerWidth];
"""


def reading_browser(driver) -> None:
    """The window at 400 % zoom, with forced colours and reduced motion."""
    set_viewport(driver, ZOOMED_WIDTH, HEIGHT)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "forced-colors", "value": "active"}, {"name": "prefers-reduced-motion", "value": "reduce"}]})


def read(driver, url: str, shot: str = "") -> list[str]:
    """The problems of one page read in every mode; screenshots named `shot` when given."""
    driver.get(url)
    forced, still, width = driver.execute_script(EMULATED)
    if not (forced and still and width == ZOOMED_WIDTH):
        return [f"the browser is not in the reading modes (forced colours {forced}, reduced motion {still}, "
                f"{width} px wide)"]
    problems = []
    outside, boxes = driver.execute_script(SIDEWAYS)
    if outside > 0:
        problems.append(f"400 %: the page scrolls sideways by {outside} px")
    problems += [f"400 %: scrolls sideways outside a table: {box}" for box in boxes]
    problems += [f"forced colours: {problem}" for problem in driver.execute_script(FORCED_COLOURS)]
    problems += [f"reduced motion: {moving}" for moving in driver.execute_script(MOTION)]
    if shot:
        driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")  # the top of the page
        driver.save_screenshot(str(SHOTS / f"{shot}-400-forced-colours.png"))
    driver.execute_script("const s = document.createElement('style'); s.textContent = arguments[0];"
                          " document.head.append(s);", TEXT_SPACING)
    outside, boxes = driver.execute_script(SIDEWAYS)
    if outside > 0:
        problems.append(f"text spacing: the page scrolls sideways by {outside} px")
    problems += [f"text spacing: clipped: {clip}" for clip in driver.execute_script(CLIPPED)]
    if shot:
        driver.execute_script("window.scrollTo(0, 0);")
        driver.save_screenshot(str(SHOTS / f"{shot}-400-text-spacing.png"))
    return problems


def shot_name(page: str) -> str:
    return "home" if page == "index.html" else page.removesuffix("/index.html").replace("/", "-")


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        reading_browser(driver)
        yield driver


@pytest.fixture(scope="module")
def readings(real_site, browser):
    """{page: [problem, …]} of every page, read in every mode, in one Chromium."""
    pages = sorted(path.relative_to(real_site.output).as_posix() for path in real_site.output.rglob("*.html"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serve(real_site.output) as base:
        return {page: read(browser, f"{base}/{page.removesuffix('index.html')}",
                           shot_name(page) if page in SAMPLE else "") for page in pages}


def test_every_page_is_read_in_every_mode(readings, real_site):
    assert len(readings) == len(list(real_site.output.rglob("*.html"))) > 100
    assert {page: problems for page, problems in readings.items() if problems} == {}


def test_a_sample_is_saved_for_a_person_to_look_at(readings):
    shots = sorted(SHOTS.glob("*.png"))
    assert len(shots) >= 2 * len(SAMPLE), shots
    assert all(shot.stat().st_size > 5000 for shot in shots)


# Each mistake planted on a copy of a real page (the site's stylesheet applies), with the words
# the problem it must give starts with.
PLANTS = {
    "no-border": ('<p><label for="x">Name</label><input id="x" style="border: none"></p>', "forced colours: no border"),
    "focus-shadow": ('<p><a href="#x" class="planted">Planted</a></p><style>main a.planted:focus, '
                     'main a.planted:focus-visible { outline: none; box-shadow: 0 0 0 3px blue; }</style>',
                     "forced colours: focus not visible"),
    "icon": ('<p><span style="display: inline-block; width: 16px; height: 16px; background-image: '
             "url('data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E')\"></span></p>",
             "forced colours: an icon as a background image"),
    "motion": ('<p class="planted">Moving</p><style>.planted { animation: planted 2s infinite !important; } '
               '@keyframes planted { to { opacity: 0.5; } }</style>', "reduced motion"),
    "wide": ('<div style="width: 600px">Wide</div>', ("400 %: the page scrolls sideways",
                                                      "text spacing: the page scrolls sideways")),
    "fixed-height": ('<p style="height: 1.6em; overflow: hidden">A sentence long enough to wrap onto two or more '
                     'lines once the text spacing of WCAG 1.4.12 is applied at this width.</p>',
                     "text spacing: clipped"),
}


@pytest.mark.parametrize("plant", PLANTS)
def test_each_check_fails_a_page_with_its_mistake_planted(real_site, browser, tmp_path, plant):
    markup, expected = PLANTS[plant]
    page = (real_site.output / "en/contact/index.html").read_text(encoding="utf-8")
    planted = page.replace('<h1 id="main-heading"', f'{markup}<h1 id="main-heading"', 1)
    assert planted != page
    (tmp_path / "theme").symlink_to(real_site.output / "theme", target_is_directory=True)
    (tmp_path / "index.html").write_text(planted, encoding="utf-8")
    with serve(tmp_path) as base:
        problems = read(browser, f"{base}/")
    assert problems and all(problem.startswith(expected) for problem in problems), problems
