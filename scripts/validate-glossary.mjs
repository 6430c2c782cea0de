#!/usr/bin/env node
// Validates server/data/organisations.json against server/data/organisations.schema.json
// and checks cross-entry invariants the schema cannot express.
// Usage: node scripts/validate-glossary.mjs [glossary.json] [schema.json]
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataPath = resolve(process.argv[2] ?? resolve(root, "server/data/organisations.json"));
const schemaPath = resolve(process.argv[3] ?? resolve(root, "server/data/organisations.schema.json"));

const errors = [];
const warnings = [];
const fail = (msg) => errors.push(msg);

function readJson(path) {
  const text = readFileSync(path, "utf8");
  try {
    return { text, json: JSON.parse(text) };
  } catch (e) {
    console.error(`error: ${path} is not valid JSON: ${e.message}`);
    process.exit(1);
  }
}

const { json: schema } = readJson(schemaPath);
const { text, json: data } = readJson(dataPath);

// 1. Schema validation (ajv, draft 2020-12, strict mode).
const ajv = new Ajv2020({ allErrors: true, strict: true });
let validate;
try {
  validate = ajv.compile(schema);
} catch (e) {
  console.error(`error: schema does not compile: ${e.message}`);
  process.exit(1);
}
if (!validate(data)) {
  for (const err of validate.errors) {
    const where = err.instancePath || "/";
    let label = "";
    const m = /^\/organisations\/(\d+)/.exec(err.instancePath);
    if (m && data.organisations?.[+m[1]]?.id) label = ` [${data.organisations[+m[1]].id}]`;
    fail(`schema: ${where}${label} ${err.message}${err.params ? " " + JSON.stringify(err.params) : ""}`);
  }
}

const orgs = Array.isArray(data.organisations) ? data.organisations : [];

// 2. Formatting: 2-space pretty-print, trailing newline.
if (text !== JSON.stringify(data, null, 2) + "\n") {
  fail("format: file is not pretty-printed with 2-space indentation (JSON.stringify(data, null, 2) + newline)");
}

// 3. Unique ids, sorted by id.
const ids = new Map();
orgs.forEach((o, i) => {
  if (typeof o?.id !== "string") return;
  if (ids.has(o.id)) fail(`duplicate id "${o.id}" (entries ${ids.get(o.id)} and ${i})`);
  else ids.set(o.id, i);
});
for (let i = 1; i < orgs.length; i++) {
  const a = orgs[i - 1]?.id, b = orgs[i]?.id;
  if (typeof a === "string" && typeof b === "string" && !(a < b)) {
    fail(`order: entries must be sorted by id ("${a}" comes before "${b}")`);
  }
}

// 4. Per-entry checks.
for (const o of orgs) {
  if (!o || typeof o !== "object") continue;
  const id = o.id;
  // related ids exist, no self-reference
  for (const r of o.related ?? []) {
    if (!ids.has(r)) fail(`[${id}] related id "${r}" does not exist`);
    if (r === id) fail(`[${id}] lists itself in related`);
  }
  // acronyms not listed twice (exact), names not listed twice
  const dup = (arr, what) => {
    const seen = new Set();
    for (const x of arr ?? []) {
      if (seen.has(x)) fail(`[${id}] ${what} "${x}" listed twice`);
      seen.add(x);
    }
  };
  dup(o.acronyms, "acronym");
  dup(o.names, "name");
  for (const [lang, forms] of Object.entries(o.forms ?? {})) dup(forms, `forms.${lang} entry`);
  // fullName is normally among names (a too-generic official name may be left out)
  if (typeof o.fullName === "string" && Array.isArray(o.names) && !o.names.includes(o.fullName)) {
    warnings.push(`[${id}] fullName "${o.fullName}" is not listed in names`);
  }
  // description: one sentence, ends with a full stop
  if (typeof o.description === "string") {
    if (!/[.!?]$/.test(o.description)) fail(`[${id}] description must end with a full stop`);
    if (/[.!?]\s+[A-Z]/.test(o.description.replace(/\b(?:St|D\.C|U\.S|U\.N|Inc|Ltd|L\.P)\./g, "")))
      warnings.push(`[${id}] description may contain more than one sentence`);
  }
  // dissolved not before founded
  if (o.founded && o.dissolved && o.dissolved.slice(0, 4) < o.founded.slice(0, 4)) {
    fail(`[${id}] dissolved (${o.dissolved}) is before founded (${o.founded})`);
  }
}

// 5. Report.
const byAcronym = new Map();
for (const o of orgs) {
  for (const a of new Set(o.acronyms ?? [])) {
    if (!byAcronym.has(a)) byAcronym.set(a, []);
    byAcronym.get(a).push(o.id);
  }
}
const ambiguous = [...byAcronym].filter(([, list]) => list.length > 1).sort(([a], [b]) => a.localeCompare(b));

console.log(`${dataPath}`);
console.log(`entries: ${orgs.length}`);
console.log(`ambiguous acronyms: ${ambiguous.length}`);
for (const [a, list] of ambiguous) console.log(`  ${a}: ${list.join(", ")}`);
for (const w of warnings) console.log(`warning: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log("OK");
