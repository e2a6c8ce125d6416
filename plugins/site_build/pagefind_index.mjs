// Builds the Pagefind index of a built site with Pagefind's Node API, with the EXTENDED binary
// only (Chinese word segmentation): never the standard one. Run by search_index.py, which sends
// the job as JSON on stdin: {nodeModules, site, output, records}. Prints one JSON object:
// {pages, records, errors} or {problem: {rule, message, fix}} (then exits with status 3).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

function fail(rule, message, fix) {
  process.stdout.write(JSON.stringify({ problem: { rule, message, fix } }));
  process.exit(3);
}

const job = JSON.parse(readFileSync(0, "utf8"));
const packageFile = join(job.nodeModules, "pagefind", "package.json");
let manifest;
try {
  manifest = JSON.parse(readFileSync(packageFile, "utf8"));
} catch {
  fail("pagefind-missing", `the npm package pagefind is not installed in ${job.nodeModules}`,
    "run `make build` (it runs `npm ci` from package-lock.json)");
}

// The platform package (e.g. @pagefind/linux-x64) is where Pagefind's own launcher looks; we
// take its extended binary and point the launcher at it, so it cannot fall back to another.
const binaryName = `@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`;
let binary;
try {
  binary = createRequire(packageFile).resolve(binaryName);
} catch {
  fail("no-extended-binary", `${binaryName} is missing: without the extended binary Chinese is not split into words`,
    "run `make build` (npm ci installs it with pagefind); never index with the standard binary");
}
const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
if (version !== `pagefind ${manifest.version}`) {
  fail("version-mismatch", `${binary} says "${version}" but the pagefind package is ${manifest.version}`,
    "run `npm ci --ignore-scripts` to reinstall the pinned packages");
}
process.env.PAGEFIND_EXTENDED_BINARY_PATH = binary;

const pagefind = await import(pathToFileURL(join(job.nodeModules, "pagefind", manifest.exports["."].import)));
const errors = [];
const { index, errors: created } = await pagefind.createIndex({});
errors.push(...created);
const site = await index.addDirectory({ path: job.site });
errors.push(...site.errors);
for (const record of job.records) {
  const added = await index.addCustomRecord(record);
  errors.push(...added.errors.map((error) => `${record.url}: ${error}`));
}
const written = await index.writeFiles({ outputPath: job.output });
errors.push(...written.errors);
await pagefind.close();
process.stdout.write(JSON.stringify({ pages: site.page_count, records: job.records.length, errors }));
