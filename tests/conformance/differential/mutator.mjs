// Mutates valid documents into (mostly) invalid ones: token edits that break the syntax, and
// targeted edits that keep it but break a validation rule (unknown names, wrong values, misused
// variables and fragments). graphql-js decides the verdict afterwards.
import { Lexer, Source, TokenKind } from "graphql";

function tokensOf(query) {
  const lexer = new Lexer(new Source(query));
  const tokens = [];
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) tokens.push(t);
  } catch {
    // A document that no longer lexes has no usable tokens past the error.
  }
  return tokens;
}

const splice = (text, start, end, insert) => text.slice(0, start) + insert + text.slice(end);

const NAMES = ["nope", "Maker", "id", "name", "on", "query", "fragment", "null", "true", "__schema", "kind", "F0"];
const JUNK = ["{", "}", "(", ")", "[", "]", ":", "!", "$", "@", "...", "=", "&", "|", '"', "#", "1.", "0x1", "\\", "é"];

const tokenMutations = {
  "delete-token": (q, r, tokens) => {
    const t = r.pick(tokens);
    return splice(q, t.start, t.end, "");
  },
  "duplicate-token": (q, r, tokens) => {
    const t = r.pick(tokens);
    return splice(q, t.end, t.end, ` ${q.slice(t.start, t.end)}`);
  },
  "swap-tokens": (q, r, tokens) => {
    if (tokens.length < 2) return null;
    const i = r.int(tokens.length - 1);
    const [a, b] = [tokens[i], tokens[i + 1]];
    return q.slice(0, a.start) + q.slice(b.start, b.end) + q.slice(a.end, b.start) + q.slice(a.start, a.end) + q.slice(b.end);
  },
  "rename-name": (q, r, tokens) => {
    const names = tokens.filter((t) => t.kind === TokenKind.NAME);
    if (!names.length) return null;
    const t = r.pick(names);
    return splice(q, t.start, t.end, r.pick(NAMES));
  },
  "insert-junk": (q, r) => {
    const at = r.int(q.length + 1);
    return splice(q, at, at, r.pick(JUNK));
  },
  truncate: (q, r) => q.slice(0, 1 + r.int(Math.max(1, q.length - 1))),
};

// Targeted edits by regular expression over the text: each returns null when it does not apply.
const semanticMutations = {
  "unknown-field": (q, r) => replaceNth(q, /\{ (\w+)/g, r, (m, name) => `{ ${name}Typo`),
  "unknown-argument": (q, r) => replaceNth(q, /\((\w+):/g, r, (m, name) => `(${name}X:`),
  "drop-argument": (q, r) => replaceNth(q, /\(\w+: [^(),]+(, )?/g, r, () => "("),
  "wrong-int-value": (q, r) => replaceNth(q, /(: )(-?\d+)(?=[,)\s\]}])/g, r, (m, p) => `${p}"not a number"`),
  "wrong-string-value": (q, r) => replaceNth(q, /(: )"[^"]*"/g, r, (m, p) => `${p}${r.pick(["1.5", "true", "HAND", "{ a: 1 }"])}`),
  "wrong-enum-value": (q, r) => replaceNth(q, /\b(HAND|POWER|DIGITAL|LEGACY|ASC|DESC|PLA|MICROMETRE)\b/g, r, () => r.pick(["LASER", '"HAND"', "hand", "1"])),
  "null-value": (q, r) => replaceNth(q, /(\w+: )("[^"]*"|-?\d+|true|false)/g, r, (m, p) => `${p}null`),
  "undefined-variable": (q, r) => replaceNth(q, /(\w+: )("[^"]*"|-?\d+|true|false)/g, r, (m, p) => `${p}$undefinedVar`),
  "unused-variable": (q) => (/^\s*(query|mutation)\b/.test(q) && !/^\s*(query|mutation)[^{]*\(/.test(q) ? q.replace(/^(\s*(query|mutation)( \w+)?)/, "$1($unused: Int)") : null),
  "variable-wrong-type": (q, r) => replaceNth(q, /(\$\w+: )([\w[\]!]+)/g, r, (m, p) => `${p}${r.pick(["Boolean!", "[String]", "Maker", "ToolFilter", "Robot"])}`),
  "variable-nullable": (q, r) => replaceNth(q, /(\$\w+: [\w[\]]+)!/g, r, (m, p) => p),
  "fragment-wrong-type": (q, r) => replaceNth(q, / on (\w+)/g, r, () => ` on ${r.pick(["Space", "Address", "Maker", "Query", "DateTime", "Robot", "Link"])}`),
  "fragment-unknown-spread": (q, r) => replaceNth(q, /\.\.\.(F\d+)/g, r, () => "...Missing"),
  "fragment-unused": (q) => `${q}\nfragment Unused on Maker { id }`,
  "fragment-cycle": (q) => (/fragment F0 on (\w+) \{/.test(q) ? q.replace(/(fragment F0 on \w+ \{)/, "$1 ...F0") : null),
  "duplicate-operation": (q) => (/^\s*query Gen\d+/.test(q) ? `${q}\n${q.match(/^\s*query Gen\d+/)[0]} { __typename }` : null),
  "second-anonymous": (q) => `${q}\n{ __typename }`,
  "directive-unknown": (q, r) => replaceNth(q, /\{ (\w+)/g, r, (m, name) => `{ ${name} @${r.pick(["cached", "defer", "live"])}`),
  "directive-misplaced": (q) => q.replace(/^(\s*(query|mutation)( \w+)?)/, "$1 @include(if: true)"),
  "directive-duplicate": (q, r) => replaceNth(q, /\{ (\w+)/g, r, (m, name) => `{ ${name} @skip(if: false) @skip(if: true)`),
  "directive-missing-arg": (q, r) => replaceNth(q, /\{ (\w+)/g, r, (m, name) => `{ ${name} @include`),
  "leaf-selection": (q, r) => replaceNth(q, /\b(id|name|now|echo|kind|n)\b(?![:(])/g, r, (m, name) => `${name} { id }`),
  "missing-selection": (q, r) => replaceNth(q, /\b(makers|tools|spaces|owner|friends|chain|space)( \{)/g, r, (m, name) => `${name} x: now${m.slice(name.length)}`),
  "conflicting-alias": (q, r) => replaceNth(q, /\{ (\w+)/g, r, (m, name) => `{ ${name} ${name}: __typename`),
  "duplicate-argument": (q, r) => replaceNth(q, /\((\w+: [^(),]+)/g, r, (m, arg) => `(${arg}, ${arg}`),
  "unknown-type-condition": (q, r) => replaceNth(q, /\.\.\. on (\w+)/g, r, () => "... on Robot"),
  "oneof-two-fields": (q, r) => replaceNth(q, /ref: \{ (id|email): ([^}]+) \}/g, r, (m, k, v) => `ref: { id: ${v}, email: ${v} }`),
};

function replaceNth(text, regex, random, replacer) {
  const matches = [...text.matchAll(regex)];
  if (!matches.length) return null;
  const m = random.pick(matches);
  return text.slice(0, m.index) + replacer(...m) + text.slice(m.index + m[0].length);
}

export function mutate(query, random) {
  const useTokens = random.chance(0.4);
  const table = useTokens ? tokenMutations : semanticMutations;
  const names = Object.keys(table);
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = random.pick(names);
    const result = table[name](query, random, tokensOf(query));
    if (result !== null && result !== query) return { mutation: name, query: result };
  }
  return null;
}
