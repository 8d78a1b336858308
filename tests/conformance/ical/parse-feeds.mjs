// Parses each iCalendar file named on the command line with ical.js (Mozilla's RFC 5545 parser, used by
// Thunderbird) and fails when one does not parse, is not a VCALENDAR with PRODID and VERSION, holds no
// component (RFC 5545 §3.6) or has an event without UID, DTSTAMP, DTSTART or DTEND. Prints one JSON
// line per file: its components and, per event, UID, STATUS, SEQUENCE and LAST-MODIFIED as ical.js reads them.
//   node ical/parse-feeds.mjs feed1.ics feed2.ics ...
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    if (calendar.name !== 'vcalendar') throw new Error(`the top component is ${calendar.name}, not VCALENDAR`);
    for (const name of ['prodid', 'version']) {
      if (!calendar.hasProperty(name)) throw new Error(`no ${name.toUpperCase()}`);
    }
    const components = calendar.getAllSubcomponents();
    if (components.length === 0) throw new Error('no component (RFC 5545 §3.6 requires at least one)');
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      const timezone = new ICAL.Timezone(zone);
      if (!timezone.tzid) throw new Error('a VTIMEZONE without TZID');
    }
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend']) {
        if (!component.hasProperty(name)) throw new Error(`an event without ${name.toUpperCase()}`);
      }
      if (event.endDate.compare(event.startDate) <= 0) throw new Error(`${event.uid} ends before it starts`);
      return {
        uid: event.uid,
        status: component.getFirstPropertyValue('status'),
        sequence: event.sequence,
        lastModified: component.getFirstPropertyValue('last-modified')?.toString() ?? null,
      };
    });
    console.log(JSON.stringify({ file, components: components.map((c) => c.name), events }));
  } catch (error) {
    failed++;
    console.error(`${file}: ${error.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
