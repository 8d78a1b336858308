// Find by object: "broodrooster", "grille-pain" or "toaster" lead to the repair category that
// fixes it. The curated dictionary is seed-data/repair-objects.csv (nl, fr, en, category, kinds),
// bundled at build time; matching ignores case, accents, hyphens and apostrophes.
import type { PlaceKind, RepairCategory } from "../graphql/generated";

export type RepairObject = { nl: string; fr: string; en: string; category: RepairCategory; kinds: PlaceKind[] };
export type ObjectLanguage = "nl" | "fr" | "en";
export type ObjectMatch = { object: RepairObject; term: string; language: ObjectLanguage };

const objectLanguages: readonly ObjectLanguage[] = ["nl", "fr", "en"];

/** Reads the dictionary's CSV: a header `nl,fr,en,category,kinds`, kinds separated by `;`. */
export function parseRepairObjects(csv: string): RepairObject[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (header !== "nl,fr,en,category,kinds") throw new Error(`unexpected header: ${header}`);
  return lines.map((line, index) => {
    const fields = line.split(",");
    if (fields.length !== 5 || fields.some((f) => f.trim() === "")) throw new Error(`line ${index + 2}: expected 5 non-empty fields: ${line}`);
    const [nl, fr, en, category, kinds] = fields as [string, string, string, string, string];
    return { nl, fr, en, category: category as RepairCategory, kinds: kinds.split(";") as PlaceKind[] };
  });
}

/** Lower case without accents; hyphens, apostrophes and repeated spaces become one space. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-'’/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** 0 the whole term, 1 the term starts with the query, 2 a later word does; null no match. */
function score(term: string, query: string): number | null {
  if (term === query) return 0;
  if (term.startsWith(query)) return 1;
  if (term.split(" ").some((word, i) => i > 0 && word.startsWith(query))) return 2;
  return null;
}

/**
 * The objects whose name in any language matches `query` (at least 3 characters, or 2 for an exact
 * name), best first: whole names before prefixes, the reader's language first, shorter names first.
 */
export function findRepairObjects(objects: readonly RepairObject[], query: string, language: ObjectLanguage, limit = 4): ObjectMatch[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const ranked: { match: ObjectMatch; rank: [number, number, number] }[] = [];
  for (const object of objects) {
    let best: { match: ObjectMatch; rank: [number, number, number] } | null = null;
    for (const lang of objectLanguages) {
      const term = normalise(object[lang]);
      const s = score(term, q);
      if (s === null || (s > 0 && q.length < 3)) continue;
      const rank: [number, number, number] = [s, lang === language ? 0 : 1, term.length];
      if (!best || compare(rank, best.rank) < 0) best = { match: { object, term: object[lang], language: lang }, rank };
    }
    if (best) ranked.push(best);
  }
  return ranked
    .sort((a, b) => compare(a.rank, b.rank))
    .slice(0, limit)
    .map((r) => r.match);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
