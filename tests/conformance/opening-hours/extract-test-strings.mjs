// Collects the opening_hours values used by opening_hours.js's own test suite (test/test.js of
// https://github.com/opening-hours/opening_hours.js) into tests/opening-hours/reference-test-strings.json.
// The suite is not published to npm, so this runs by hand against a checkout:
//   node opening-hours/extract-test-strings.mjs path/to/opening_hours.js/test/test.js
// It evaluates only the part of test.js that registers tests, with a recorder in place of the test runner.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const source = readFileSync(process.argv[2], 'utf8');
const start = source.indexOf('const sane_value_suffix');
const end = source.indexOf('function opening_hours_test()');
if (start < 0 || end < 0) throw new Error('test.js layout changed: markers not found');
const body = source.slice(start, end).replace(/^process\.exit\(.*$/m, '');

const values = new Map(); // value -> mode (0 = time ranges, what opening_hours uses)
const record = (v, mode) => {
  for (const value of typeof v === 'string' ? [v] : Array.isArray(v) ? v : []) {
    if (typeof value === 'string' && !values.has(value)) values.set(value, mode ?? 0);
  }
};
const test = {
  addTest: (n, v, f, t, i, d, u, w, nom, last, mode) => record(v, mode),
  addShouldFail: (n, v, nom, last, mode) => record(v, mode),
  addShouldWarn: (n, v, nom, last, mode) => record(v, mode),
  addStructuredWarnings: (n, v, types, nom, last, mode) => record(v, mode),
  addCompMatchingRule: (n, v) => record(v, 0),
  addNextChangeTest: (n, v, f, e, nom, last, mode) => record(v, mode),
  addPrettifyValue: (n, v) => record(v, 0),
  addPrettifyValueForLocale: (n, v) => record(v, 0),
  addEqualTo: (n, a, b) => { record(a, 0); record(b, 0); },
  run: () => true,
};
const nominatim = new Proxy({}, { get: () => ({ address: {} }) });
const fn = new Function('test', 'nominatim_by_loc', 'nominatim_default', 'nominatim_sunrise_below', 'nominatim_no_valid_address',
  'EXPECTED_OPEN_END_MESSAGE', 'argv', 'ignored', 'opening_hours', 'timekeeper', 'timekeeperTime', body);
fn(test, nominatim, {}, {}, {}, '', { locale: 'en' }, (v) => v, function () {}, { travel() {}, reset() {}, freeze() {} }, new Date());

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'opening-hours', 'reference-test-strings.json');
const list = [...values].filter(([, mode]) => !mode).map(([value]) => value);
writeFileSync(out, JSON.stringify(list, null, 1) + '\n');
console.log(`${list.length} values (mode 0) of ${values.size} written to ${out}`);
