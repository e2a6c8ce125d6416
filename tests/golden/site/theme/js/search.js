// The site search page: our own accessible markup on top of Pagefind's JavaScript API.
// theme/templates/search.html writes the markup and, as data attributes, every string shown
// here (from the gettext catalogs). The query is read from the URL (?q=) and written back to
// it, so a search can be bookmarked, shared and reached with the Back button. docs/search.md.

const PAGE_SIZE = 10;

const root = document.getElementById("search");
const form = document.getElementById("search-form");
const field = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const withoutScript = document.getElementById("search-nojs");
const plural = new Intl.PluralRules(document.documentElement.lang);

let pagefind = null;
let results = [];
let shown = 0;
let generation = 0;

/** A message from the page's catalog strings, with {name} placeholders filled in. */
function message(name, values = {}) {
  return Object.entries(values).reduce(
    (text, [key, value]) => text.replaceAll(`{${key}}`, String(value)),
    root.dataset[name],
  );
}

function countMessage(count, query) {
  if (count === 0) return message("foundNone", { query });
  const key = plural.select(count) === "one" ? "foundOne" : "foundOther";
  return message(key, { count: count.toLocaleString(document.documentElement.lang), query });
}

/** Pagefind's excerpt is text with <mark> around the words found: copy it as text nodes and
 *  <mark> elements only, so nothing from the index is ever inserted as markup. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
  return [...parsed.firstChild.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

/** The excerpt a result shows: from the page's own text, never from a guide's hidden search
 *  keywords (their own section, #search-keywords: templates/guide.html). Where Pagefind drew it
 *  from a page with keywords, the first section of the page (in reading order) with a word found
 *  gives it; a page found by its keywords alone shows its beginning. */
const KEYWORDS_ANCHOR = "#search-keywords";

function excerptOf(data) {
  const sections = data.sub_results ?? [];
  if (!sections.some((section) => section.url.endsWith(KEYWORDS_ANCHOR))) return data.excerpt;
  const text = sections.filter((section) => !section.url.endsWith(KEYWORDS_ANCHOR));
  const found = text.find((section) => section.locations.length > 0) ?? text[0];
  return found ? found.excerpt : "";
}

/** One result: its title as a heading link, its section, and the excerpt. */
function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.section) {
    const section = document.createElement("p");
    section.className = "search-section";
    section.textContent = message("section", { section: data.meta.section });
    item.append(section);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  excerpt.append(...excerptNodes(excerptOf(data)));
  item.append(excerpt);
  return item;
}

/** Show the next page of results; `focusFirst` moves focus to the first one added. */
async function showMore(focusFirst) {
  const mine = generation;
  const next = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (mine !== generation) return;
  const items = data.map(resultItem);
  list.append(...items);
  shown += next.length;
  list.hidden = shown === 0;
  more.hidden = shown >= results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

/** Search, show the first results, then announce the count in the live region. A search that
 *  fails (the engine or a file could not be loaded, e.g. a stricter CSP) says so there too. */
async function run(query) {
  const mine = ++generation;
  status.textContent = ""; // emptied first, so the same count for a new search is announced again
  list.replaceChildren();
  list.hidden = true;
  more.hidden = true;
  results = [];
  shown = 0;
  if (!query.trim()) {
    status.textContent = message("empty");
    return;
  }
  try {
    const search = await pagefind.search(query);
    if (mine !== generation) return;
    results = search.results;
    await showMore(false);
  } catch (error) {
    if (mine === generation) status.textContent = message("failed");
    throw error;
  }
  if (mine === generation) status.textContent = countMessage(results.length, query);
}

function queryInUrl() {
  return new URL(window.location.href).searchParams.get("q") || "";
}

function failed(error) {
  status.textContent = message("failed");
  throw error;
}

function submitted(event) {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("q", field.value);
  window.history.pushState(null, "", url);
  run(field.value);
}

async function start() {
  try {
    pagefind = await import(root.dataset.pagefind);
    // In the page, not in a worker: one script fewer to fetch (the index is small and fast).
    await pagefind.options({ noWorker: true });
    await pagefind.init();
  } catch {
    status.textContent = message("failed");
    return;
  }
  withoutScript.hidden = true;
  form.hidden = false;
  form.addEventListener("submit", submitted);
  more.querySelector("button").addEventListener("click", () => showMore(true).catch(failed));
  window.addEventListener("popstate", () => {
    field.value = queryInUrl();
    run(field.value);
  });
  field.value = queryInUrl();
  if (field.value) await run(field.value);
}

start();
