// Listens to pages as a screen reader would: @guidepup/virtual-screen-reader over jsdom, every
// page of the job in this one process. Run by transcripts.py, which sends the job as JSON on
// stdin: {nodeModules, site, basePath, media, pages: [{name, file}]}: `file` is a page's HTML as
// the browser had it (a built page, or a copy of the DOM Chromium made of it, e.g. the search
// page with its results). Each stylesheet a page links (from the site root, after the site's
// base path) is read from `site` as a browser of the job's `media` would read it (a width, and
// the answers to the media features the stylesheet asks about), and put into the page.
// Prints one JSON object: {pages: [{name, lang, steps, skip} | {name, error}]}, or {problem: {rule,
// message, fix}} (exit 3) when it cannot run at all. A step is one phrase and where it was read:
//   {phrase, tag, main, href}: the element (or "#text"), whether it is inside <main>, and the
//   href of the link it is part of ("" when none).
// `skip` is what is heard after following the page's first link as a keyboard user does (Enter
// on it: the browser moves focus to its target, the screen reader follows): {href, target,
// focusable, heard: [the next phrases]}.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const STEP_LIMIT = 20000; // a page longer than this is an error, not an endless loop
const HEARD_AFTER_SKIP = 4;
// What a browser's own stylesheet does that jsdom's lacks (it renders nothing): a closed
// <details> shows only its summary; <noscript> is not shown where scripts run (the pages are
// listened to as a browser with JavaScript has them).
const BROWSER_RULES = `
details:not([open]) > :not(summary:first-of-type) { display: none !important; }
noscript { display: none !important; }
`;

function fail(rule, message, fix) {
  process.stdout.write(JSON.stringify({ problem: { rule, message, fix } }));
  process.exit(3);
}

async function load(nodeModules, name, path) {
  try {
    return await import(pathToFileURL(join(nodeModules, ...path.split("/"))));
  } catch (error) {
    fail(`${name}-missing`, `the npm package ${name} cannot be loaded from ${nodeModules}: ${error.message}`,
      "run `make test` (it runs `npm ci` from package-lock.json)");
  }
}

// ---- the stylesheet as a browser of the job's media reads it --------------------------------

const LENGTH = /^(-?[\d.]+)(px|rem|em)$/;

/** One media query's value of a feature: true, false, or an Error naming what is not known. */
function featureMatches(feature, media) {
  const match = /^\(\s*([a-z-]+)\s*(?::\s*([^)]+?))?\s*\)$/.exec(feature.trim());
  if (!match) return new Error(`cannot read the media condition "${feature}"`);
  const [, name, value] = match;
  const range = /^(min|max)-(width|height)$/.exec(name);
  if (range) {
    const length = LENGTH.exec(value ?? "");
    if (!length) return new Error(`cannot read the length "${value}" in "${feature}"`);
    const pixels = Number(length[1]) * (length[2] === "px" ? 1 : media.fontSize);
    const actual = media[range[2]];
    return range[1] === "min" ? actual >= pixels : actual <= pixels;
  }
  if (!(name in media.features)) return new Error(`the media feature "${name}" is not declared for listening`);
  return value === undefined ? media.features[name] !== "none" : media.features[name] === value.trim();
}

/** Whether a media query list ("screen and (min-width: 40rem), print") applies. */
function mediaMatches(text, media) {
  return text.split(",").some((query) => {
    let words = query.trim().toLowerCase();
    let negate = false;
    if (words.startsWith("not ")) { negate = true; words = words.slice(4); }
    if (words.startsWith("only ")) words = words.slice(5);
    const parts = words.split(/\s+and\s+/);
    let result = true;
    for (const part of parts) {
      let value;
      if (part === "all" || part === "screen") value = true;
      else if (part === "print" || part === "speech") value = false;
      else value = featureMatches(part, media);
      if (value instanceof Error) throw value;
      result = result && value;
    }
    return negate ? !result : result;
  });
}

/** The stylesheet's rules that apply to this media, as one flat stylesheet without @media. */
function flatten(rules, media, out) {
  for (const rule of rules) {
    const kind = rule.constructor.name;
    if (kind === "CSSStyleRule") out.push(rule.cssText);
    else if (kind === "CSSMediaRule") {
      if (mediaMatches(rule.media.mediaText, media)) flatten(rule.cssRules, media, out);
    } else if (["CSSPageRule", "CSSKeyframesRule", "CSSFontFaceRule", "CSSMarginRule"].includes(kind)) {
      continue; // paper, animation and fonts: nothing a screen reader reads
    } else {
      throw new Error(`the stylesheet has a ${kind} (${rule.cssText.slice(0, 60)}), which listening does not know`);
    }
  }
  return out;
}

function stylesheetFor(JSDOM, VirtualConsole, css, media) {
  const dom = new JSDOM("<!DOCTYPE html><style></style>", { virtualConsole: new VirtualConsole() });
  const style = dom.window.document.querySelector("style");
  style.textContent = css;
  return flatten(style.sheet.cssRules, media, []).join("\n");
}

// ---- listening --------------------------------------------------------------------------------

function describe(node) {
  const element = node.nodeType === 1 ? node : node.parentElement;
  return {
    tag: node.nodeType === 1 ? node.tagName.toLowerCase() : "#text",
    main: Boolean(element?.closest("main")),
    href: element?.closest("a[href]")?.getAttribute("href") ?? "",
  };
}

async function readThrough(virtual, container) {
  const steps = [];
  const log = await virtual.spokenPhraseLog();
  steps.push({ phrase: log.at(-1), ...describe(virtual.activeNode ?? container) });
  while (steps.at(-1).phrase !== "end of document") {
    if (steps.length > STEP_LIMIT) throw new Error(`more than ${STEP_LIMIT} phrases: the page never ends`);
    await virtual.next();
    steps.push({ phrase: await virtual.lastSpokenPhrase(), ...describe(virtual.activeNode) });
  }
  return steps;
}

/** Enter on the first link, as a keyboard user: the browser focuses a focusable target (jsdom
 *  does not), and the screen reader's cursor follows focus. */
async function followFirstLink(virtual, window) {
  await virtual.next();
  const link = virtual.activeNode;
  const href = link?.nodeType === 1 ? link.getAttribute("href") ?? "" : "";
  const result = { href, target: "", focusable: false, heard: [] };
  if (!href.startsWith("#") || href.length < 2) return result;
  const target = window.document.getElementById(decodeURIComponent(href.slice(1)));
  if (!target) return result;
  result.target = target.tagName.toLowerCase();
  const before = (await virtual.spokenPhraseLog()).length;
  await virtual.act();
  target.focus();
  result.focusable = window.document.activeElement === target;
  await new Promise((resolve) => setTimeout(resolve, 0)); // the reader's focus handler runs
  for (let step = 0; step < HEARD_AFTER_SKIP; step += 1) {
    const log = await virtual.spokenPhraseLog();
    if (log.length - before >= HEARD_AFTER_SKIP) break;
    await virtual.next();
  }
  result.heard = (await virtual.spokenPhraseLog()).slice(before, before + HEARD_AFTER_SKIP);
  return result;
}

const stylesheets = new Map();

/** A linked stylesheet, flattened for the job's media (each file read once). */
function stylesheet(href) {
  const path = decodeURIComponent(new URL(href, "http://site.invalid/").pathname);
  if (!path.startsWith(`${job.basePath}/`)) throw new Error(`the stylesheet ${href} is not on this site`);
  if (!stylesheets.has(path)) {
    const css = readFileSync(join(job.site, path.slice(job.basePath.length)), "utf8");
    try {
      stylesheets.set(path, stylesheetFor(JSDOM, VirtualConsole, css, job.media));
    } catch (error) {
      fail("stylesheet", `${path}: ${error.message}`,
        "answer the media feature in LISTENING_MEDIA (site_checks/transcripts.py), or keep to the @-rules listening knows");
    }
  }
  return stylesheets.get(path);
}

async function listen(file) {
  const html = readFileSync(file, "utf8");
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), pretendToBeVisual: true });
  try {
    const { window } = dom;
    const { document } = window;
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const style = document.createElement("style");
      style.textContent = stylesheet(link.getAttribute("href"));
      link.replaceWith(style);
    }
    const extra = document.createElement("style");
    extra.textContent = BROWSER_RULES;
    document.head.append(extra);
    const virtual = new Virtual();
    await virtual.start({ container: window.document.body, window });
    const steps = await readThrough(virtual, window.document.body);
    await virtual.stop();
    await virtual.start({ container: window.document.body, window });
    const skip = await followFirstLink(virtual, window);
    await virtual.stop();
    return { lang: document.documentElement.lang, steps, skip };
  } finally {
    dom.window.close();
  }
}

const job = JSON.parse(readFileSync(0, "utf8"));
const { JSDOM, VirtualConsole } = await load(job.nodeModules, "jsdom", "jsdom/lib/api.js");
const { Virtual } = await load(job.nodeModules, "@guidepup/virtual-screen-reader",
  "@guidepup/virtual-screen-reader/lib/esm/index.mjs");
const pages = [];
for (const page of job.pages) {
  try {
    pages.push({ name: page.name, ...(await listen(page.file)) });
  } catch (error) {
    pages.push({ name: page.name, error: String(error?.stack ?? error).split("\n").slice(0, 3).join(" ") });
  }
}
process.stdout.write(JSON.stringify({ pages }));
