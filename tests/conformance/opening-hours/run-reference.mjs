// Evaluates every opening_hours value of the differential corpus with opening_hours.js (the OSM reference
// evaluator) at fixed instants in Europe/Brussels, and writes tests/opening-hours/reference-results.json,
// which OpeningHoursDifferentialTests compares MakerMap's evaluator with.
//   node opening-hours/run-reference.mjs           rewrite the file
//   node opening-hours/run-reference.mjs --check   fail when the committed file differs from what the reference says now
process.env.TZ = 'Europe/Brussels'; // opening_hours.js works on the process's local time
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const OpeningHours = require('opening_hours');
const version = require('opening_hours/package.json').version;

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'opening-hours');
const suite = JSON.parse(readFileSync(join(dir, 'reference-test-strings.json'), 'utf8'));
const realWorld = readFileSync(join(dir, 'real-world.txt'), 'utf8').split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

// Brussels, Flemish community: PH are Belgium's, SH the Flemish school holidays (state "NL" in the reference's data).
const nominatim = { lat: '50.8466', lon: '4.3528', address: { country_code: 'be', state: 'NL' } };

// Days around DST changes, Belgian public and Flemish school holidays, year ends and the suite's own years;
// times around typical openings and closings and in the hours DST moves.
const days = [
  '2012-10-01', '2012-10-06', '2012-12-24', '2013-01-01', '2013-12-31', '2014-01-02',
  '2026-01-01', '2026-01-05', '2026-02-17', '2026-03-28', '2026-03-29', '2026-03-30', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-14', '2026-05-25', '2026-06-21', '2026-07-21', '2026-08-15', '2026-09-02', '2026-10-24',
  '2026-10-25', '2026-10-26', '2026-11-02', '2026-11-11', '2026-11-27', '2026-11-28', '2026-12-24', '2026-12-25',
  '2026-12-31', '2027-01-04', '2027-02-28', '2027-03-28', '2028-02-29',
];
const times = ['00:30', '02:30', '06:15', '08:59', '09:00', '10:30', '12:30', '14:00', '16:59', '17:00', '18:45', '20:00', '22:30', '23:59'];
const instants = [];
for (const day of days) {
  const [y, m, d] = day.split('-').map(Number);
  for (const time of times) {
    const [h, mi] = time.split(':').map(Number);
    instants.push(new Date(y, m - 1, d, h, mi).toISOString()); // a missing 02:30 on a spring-forward day moves to 03:30
  }
}
// Both 02:30s of the fall-back night, and the minutes either side of both changes.
instants.push('2026-03-29T00:59:00.000Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T00:59:00.000Z',
  '2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z');

// The reference reports evaluation failures (SH outside its data) on stderr as well as by throwing.
console.error = () => {};
const results = [];
const seen = new Set();
for (const [source, list] of [['suite', suite], ['real-world', realWorld]]) {
  for (const value of list) {
    if (seen.has(value)) continue;
    seen.add(value);
    let oh;
    try {
      oh = new OpeningHours(value, nominatim, { tag_key: 'opening_hours', locale: 'en' });
    } catch (e) {
      results.push({ value, source, accepted: false, error: String(e).split('\n')[0] });
      continue;
    }
    let states = '';
    const comments = {};
    instants.forEach((iso, i) => {
      const at = new Date(iso);
      try {
        states += oh.getUnknown(at) ? 'u' : oh.getState(at) ? 'o' : 'c';
        const comment = oh.getComment(at);
        if (comment !== undefined) comments[i] = comment;
      } catch {
        states += 'e'; // the reference failed to evaluate (e.g. SH outside its data): not compared
      }
    });
    results.push({ value, source, accepted: true, warnings: oh.getWarnings().length, states, comments });
  }
}

const text = JSON.stringify({ reference: `opening_hours ${version}`, nominatim, instants, values: results }, null, 1) + '\n';
const file = join(dir, 'reference-results.json');
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error('reference-results.json is stale: run node opening-hours/run-reference.mjs');
    process.exit(1);
  }
  console.log('reference-results.json is up to date');
} else {
  writeFileSync(file, text);
  const accepted = results.filter((r) => r.accepted).length;
  console.log(`${results.length} values (${accepted} accepted) x ${instants.length} instants written to ${file}`);
}
