// Deterministic resolvers for test-schema.graphql over test-data.json, for graphql-js.
// tests/MakerMap.GraphQL.Tests/Conformance/TestSchemaFixture.cs binds the same semantics in C#; the rules are
// written down in schema/README.md so the two sides can be kept in step. Any change here needs the same change
// there, and a regenerated differential/expected.json.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildSchema, GraphQLError, Kind } from "graphql";

const here = dirname(fileURLToPath(import.meta.url));
export const sdl = readFileSync(join(here, "test-schema.graphql"), "utf8");
const dataText = readFileSync(join(here, "test-data.json"), "utf8");

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE_TIME_MESSAGE = "DateTime must be an RFC 3339 UTC string such as 2024-01-01T00:00:00Z.";

/** A fresh copy of the dataset per request, so mutations never leak between documents. */
export function createContext() {
  const data = JSON.parse(dataText);
  for (const m of data.makers) m.__typename = "Maker";
  for (const s of data.spaces) s.__typename = "Space";
  return { data, counter: 0 };
}

const findMaker = (ctx, id) => ctx.data.makers.find((m) => m.id === id) ?? null;
const findSpace = (ctx, id) => ctx.data.spaces.find((s) => s.id === id) ?? null;
const findNode = (ctx, id) =>
  findMaker(ctx, id) ?? ctx.data.tools.find((t) => t.id === id) ?? findSpace(ctx, id);

function take(list, first) {
  if (first === null || first === undefined) return list;
  if (first < 0) throw new Error("first must not be negative.");
  return list.slice(0, first);
}

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** JSON with keys sorted by ordinal order at every level and no whitespace. */
export function canonicalJson(value) {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const resolvers = {
  Query: {
    node: (_, { id }, ctx) => findNode(ctx, id),
    nodes: (_, { ids }, ctx) => ids.map((id) => findNode(ctx, id)),
    maker: (_, { ref }, ctx) =>
      ref.id !== undefined
        ? findMaker(ctx, ref.id)
        : (ctx.data.makers.find((m) => m.email === ref.email) ?? null),
    makers: (_, { sort, first }, ctx) => {
      const sorted = [...ctx.data.makers].sort(byName);
      if (sort === "DESC") sorted.reverse();
      return take(sorted, first);
    },
    tools: (_, { filter }, ctx) =>
      ctx.data.tools.filter((t) => {
        if (filter === null || filter === undefined) return true;
        if (filter.kind != null && t.kind !== filter.kind) return false;
        if (filter.minWeight != null && (t.weightGrams ?? 0) < filter.minWeight) return false;
        if (filter.nameContains != null && !t.name.includes(filter.nameContains)) return false;
        if (filter.tags != null && !filter.tags.every((tag) => t.tags.includes(tag))) return false;
        if (filter.legacyOnly === true && t.kind !== "LEGACY") return false;
        return true;
      }),
    search: (_, { text }, ctx) => {
      const needle = text.toLowerCase();
      const hit = (x) => x.name.toLowerCase().includes(needle);
      return [...ctx.data.makers.filter(hit), ...ctx.data.tools.filter(hit), ...ctx.data.spaces.filter(hit)];
    },
    spaces: (_, __, ctx) => ctx.data.spaces,
    echo: (_, { value }) => value,
    echoInput: (_, { input }) => (input === null || input === undefined ? null : canonicalJson(input)),
    echoList: (_, { values }) => values,
    echoEnum: (_, { kind }) => kind,
    echoOneOf: (_, { ref }) => (ref.id !== undefined ? `id:${ref.id}` : `email:${ref.email}`),
    echoDate: (_, { at }) => at,
    add: (_, { a, b }) => a + b,
    matrix: () => [[1, 2], null, []],
    chain: () => ({ n: 1 }),
    now: (_, __, ctx) => ctx.data.now,
    error: () => {
      throw new Error("Something went wrong.");
    },
    nonNullError: () => {
      throw new Error("Non-null field failed.");
    },
    oldest: (_, __, ctx) => [...ctx.data.makers].sort((a, b) => (a.joined < b.joined ? -1 : 1))[0],
    legacyArg: (_, { old, value }) => value ?? old ?? null,
  },
  Mutation: {
    addTool: (_, { input }, ctx) => {
      if (input.ownerId != null && findMaker(ctx, input.ownerId) === null) {
        throw new Error(`Unknown maker "${input.ownerId}".`);
      }
      const tool = {
        __typename: "Drill",
        id: `t${ctx.data.tools.length + 1}`,
        name: input.name,
        weightGrams: input.weightGrams ?? null,
        kind: input.kind,
        ownerId: input.ownerId ?? null,
        tags: input.tags ?? [],
        maxRpm: 0,
        cordless: false,
      };
      ctx.data.tools.push(tool);
      return tool;
    },
    renameMaker: (_, { id, name }, ctx) => {
      const maker = findMaker(ctx, id);
      if (maker !== null) maker.name = name;
      return maker;
    },
    increment: (_, { by }, ctx) => {
      ctx.counter += by ?? 0;
      return ctx.counter;
    },
  },
  Subscription: {
    counter: {
      // Checked before the stream starts, so a bad argument is a subscribe error rather than a failed stream.
      subscribe: (_, { to }) => {
        if (to < 0) throw new Error("to must not be negative.");
        return (async function* () {
          for (let i = 1; i <= to; i++) yield i;
        })();
      },
      resolve: (payload) => payload,
    },
    toolAdded: {
      // Completes at once: the test schema has no event source, and a stream that never ends would hang a run.
      subscribe: async function* () {},
      resolve: (payload) => payload,
    },
  },
  Maker: {
    tools: (maker, { kind, first }, ctx) =>
      take(
        ctx.data.tools.filter((t) => t.ownerId === maker.id && (kind == null || t.kind === kind)),
        first,
      ),
    friends: (maker, _, ctx) => maker.friendIds.map((id) => findMaker(ctx, id)),
    secret: (maker) => {
      if (maker.secret === null) throw new Error(`The secret of ${maker.name} is sealed.`);
      return maker.secret;
    },
    space: (maker, _, ctx) => (maker.spaceId === null ? null : findSpace(ctx, maker.spaceId)),
  },
  Drill: { owner: (tool, _, ctx) => (tool.ownerId === null ? null : findMaker(ctx, tool.ownerId)) },
  Printer: {
    owner: (tool, _, ctx) => (tool.ownerId === null ? null : findMaker(ctx, tool.ownerId)),
    nozzle: (tool, { unit }) =>
      tool.nozzleMm === null ? null : unit === "MICROMETRE" ? tool.nozzleMm * 1000 : tool.nozzleMm,
  },
  Space: {
    members: (space, { first, active }, ctx) =>
      take(
        ctx.data.makers.filter((m) => m.spaceId === space.id && (active == null || m.active === active)),
        first,
      ),
    tools: (space, _, ctx) =>
      ctx.data.tools.filter((t) => t.ownerId !== null && findMaker(ctx, t.ownerId)?.spaceId === space.id),
  },
  Link: { next: (link) => ({ n: link.n + 1 }) },
};

/** Builds the executable schema: SDL + resolvers + DateTime scalar + abstract type resolution by __typename. */
export function createSchema() {
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolver] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`No field ${typeName}.${fieldName}`);
      if (typeof resolver === "function") field.resolve = resolver;
      else Object.assign(field, resolver);
    }
  }
  for (const name of ["Node", "Named", "Tool", "SearchResult"]) {
    schema.getType(name).resolveType = (value) => value.__typename;
  }
  const dateTime = schema.getType("DateTime");
  dateTime.serialize = (value) => {
    if (typeof value === "string" && DATE_TIME.test(value)) return value;
    throw new GraphQLError(`DateTime cannot represent value: ${JSON.stringify(value)}`);
  };
  dateTime.parseValue = (value) => {
    if (typeof value === "string" && DATE_TIME.test(value)) return value;
    throw new GraphQLError(DATE_TIME_MESSAGE);
  };
  dateTime.parseLiteral = (ast) => {
    if (ast.kind === Kind.STRING && DATE_TIME.test(ast.value)) return ast.value;
    throw new GraphQLError(DATE_TIME_MESSAGE);
  };
  return schema;
}
