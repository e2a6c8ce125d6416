// A form's web page: the "Print or save as PDF" button and, before printing, the error summary
// (GOV.UK's pattern) that lists the required fields left empty, each linked to its field.
// theme/templates/components/form_fill.html writes the markup and, as data attributes of
// #fill, every message shown here (from the gettext catalogs). A second press with the same
// fields still empty, or "Print it as it is", prints the form partly filled in.
// Nothing typed leaves the page: this script sends no request and stores nothing.

const root = document.getElementById("fill");
const printButton = document.getElementById("form-print");
const withoutScript = document.getElementById("form-print-nojs");
const summary = document.getElementById("form-errors");
const list = document.getElementById("form-errors-list");
const printAnyway = document.getElementById("form-print-anyway");
const DIGITS = /^[0-9]+$/;

let shown = ""; // the problems the summary lists: pressing again with the same ones prints

/** A message from the page's catalog strings, with the field's label filled in. */
function message(name, label) {
  return root.dataset[name].replaceAll("{label}", label);
}

const rows = () => [...root.querySelectorAll(".field")];
const entries = (row) => [...row.querySelectorAll("input, textarea")];

/** A date's problem: "" when it is empty or a real date. */
function dateProblem(row) {
  const parts = Object.fromEntries(entries(row).map((input) => [input.dataset.part, input.value.trim()]));
  const filled = Object.values(parts).filter(Boolean);
  if (filled.length === 0) return "";
  if (filled.length < 3) return "dateIncomplete";
  if (!filled.every((value) => DIGITS.test(value))) return "dateInvalid";
  const year = Number(parts.year) + Number(row.dataset.eraYearZero);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = Number(parts.year) > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1
    && date.getUTCDate() === day;
  return real ? "" : "dateInvalid";
}

/** What is wrong with one field, as the name of its message; "" when nothing is. */
function problemOf(row) {
  const required = row.hasAttribute("data-required");
  const inputs = entries(row);
  if (row.classList.contains("field-choice")) {
    return required && !inputs.some((input) => input.checked) ? "unchosen" : "";
  }
  if (row.classList.contains("field-checkbox")) {
    return required && !inputs[0].checked ? "unticked" : "";
  }
  if (row.classList.contains("field-date")) {
    const empty = inputs.every((input) => !input.value.trim());
    return required && empty ? "empty" : dateProblem(row);
  }
  if (row.classList.contains("field-text")) {
    const [input] = inputs;
    if (!input.value.trim()) return required ? "empty" : "";
    return input.validity.patternMismatch ? "idNumber" : "";
  }
  return ""; // signed or sealed by hand on paper
}

/** The element whose aria-describedby names the field's hint (and its error message). */
const described = (row) => (row.matches("fieldset") ? row : row.querySelector("[aria-describedby]"));

function clearErrors() {
  for (const row of root.querySelectorAll(".field-error")) {
    row.classList.remove("field-error");
    const error = row.querySelector(".error-message");
    const target = described(row);
    target.setAttribute("aria-describedby",
      target.getAttribute("aria-describedby").split(" ").filter((id) => id !== error.id).join(" "));
    error.remove();
    for (const input of entries(row)) input.removeAttribute("aria-invalid");
  }
  list.replaceChildren();
  summary.hidden = true;
  shown = "";
}

/** The field's own error message, above its boxes, joined to it with aria-describedby. */
function markError(row, text) {
  const first = entries(row)[0];
  const error = document.createElement("p");
  error.className = "error-message";
  error.id = `${first.id}-error`;
  const prefix = document.createElement("span");
  prefix.className = "visually-hidden";
  prefix.textContent = `${root.dataset.errorPrefix} `;
  error.append(prefix, text);
  // above the boxes; a check box's message above the box and its label (a fieldset's legend stays first)
  (row.classList.contains("field-checkbox") ? row : row.querySelector(".entry")).prepend(error);
  const target = described(row);
  target.setAttribute("aria-describedby", `${target.getAttribute("aria-describedby")} ${error.id}`);
  row.classList.add("field-error");
  if (!row.classList.contains("field-choice") && !row.classList.contains("field-checkbox")) {
    for (const input of entries(row)) input.setAttribute("aria-invalid", "true");
  }
}

function showErrors(problems) {
  clearErrors();
  for (const [row, problem] of problems) {
    const text = message(problem, row.dataset.label);
    markError(row, text);
    const link = document.createElement("a");
    link.href = `#${entries(row)[0].id}`;
    link.textContent = text;
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  summary.hidden = false;
  summary.focus();
}

function printForm() {
  window.print();
}

printButton.addEventListener("click", () => {
  for (const input of root.querySelectorAll("input.id-number")) input.value = input.value.trim().toUpperCase();
  const problems = rows().map((row) => [row, problemOf(row)]).filter(([, problem]) => problem);
  const key = problems.map(([row, problem]) => `${row.id}:${problem}`).join(" ");
  if (problems.length && key !== shown) {
    showErrors(problems);
    shown = key;
    return;
  }
  if (!problems.length) clearErrors();
  printForm();
});

printAnyway.addEventListener("click", printForm);

// Printing, whichever way it starts (the button, Ctrl+P, the browser's menu): each box's text
// is copied into a .typed element the print stylesheet shows in its place. Text there wraps
// and grows; in an input, a long name would be cut off on paper. Removed after printing.
const boxes = root.querySelectorAll(".entry input:not([type=radio], [type=checkbox]), .entry textarea");

addEventListener("beforeprint", () => {
  for (const box of boxes) {
    const copy = box.nextElementSibling?.classList.contains("typed") ? box.nextElementSibling
      : document.createElement("span");
    copy.className = `${box.className} typed ${box.matches("textarea") ? "typed-lines" : "typed-line"}`;
    copy.dataset.printMm = box.dataset.printMm;
    copy.setAttribute("aria-hidden", "true");
    copy.textContent = box.matches(".id-number") ? box.value.trim().toUpperCase() : box.value;
    box.after(copy);
  }
  root.classList.add("printing");
});

addEventListener("afterprint", () => {
  root.classList.remove("printing");
  for (const copy of root.querySelectorAll(".typed")) copy.remove();
});

// A link of the summary: show the field's label or legend, and move focus into the field.
list.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link) return;
  const input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!input) return;
  event.preventDefault();
  const row = input.closest(".field");
  row.querySelector(".field-label").scrollIntoView();
  input.focus({ preventScroll: true });
});

for (const input of root.querySelectorAll("input.id-number")) {
  input.addEventListener("change", () => {
    input.value = input.value.trim().toUpperCase();
  });
}

printButton.hidden = false;
withoutScript.hidden = true;
