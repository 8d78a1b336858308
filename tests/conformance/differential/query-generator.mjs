// Generates random, well-typed executable documents from the test schema: fields with arguments
// (literals or variables), aliases, inline and named fragments on abstract types, @skip/@include.
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

const STRINGS = ["a", "dr", "Ada", "m1", "x y", "é", ""];
const IDS = ["m1", "m2", "m3", "m4", "m5", "t1", "t2", "t4", "s1", "s2", "zz"];

export function createQueryGenerator(schema, random) {
  let fragments;
  let variables;
  let aliasCounter;

  function literalFor(type, depth) {
    const nullable = !isNonNullType(type);
    const inner = getNullableType(type);
    if (nullable && random.chance(0.08)) return "null";
    if (isListType(inner)) {
      const n = random.int(3);
      const items = Array.from({ length: n }, () => literalFor(inner.ofType, depth + 1));
      return random.chance(0.15) && n === 1 ? items[0] : `[${items.join(", ")}]`;
    }
    if (isEnumType(inner)) return random.pick(inner.getValues()).name;
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields());
      if (inner.isOneOf) {
        const field = random.pick(fields);
        return `{ ${field.name}: ${literalFor(field.type, depth + 1).replace(/^null$/, '"m1"')} }`;
      }
      const parts = fields
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined ? true : random.chance(0.4))
        .filter((f) => depth < 3 || isNonNullType(f.type))
        .map((f) => `${f.name}: ${literalFor(f.type, depth + 1)}`);
      return `{ ${parts.join(", ")} }`;
    }
    if (isScalarType(inner)) {
      switch (inner.name) {
        case "Int":
          return String(random.pick([0, 1, 2, 3, 5, 1000, 2000, -1]));
        case "Float":
          return random.pick(["1.5", "0", "2", "-3.25", "1e3"]);
        case "Boolean":
          return random.pick(["true", "false"]);
        case "ID":
          return random.chance(0.8) ? JSON.stringify(random.pick(IDS)) : String(random.int(9));
        case "DateTime":
          return '"2024-02-29T12:00:00Z"';
        default:
          return JSON.stringify(random.pick(STRINGS));
      }
    }
    throw new Error(`No literal for ${inner}`);
  }

  function jsonValueFor(type) {
    const literal = literalFor(type, 0);
    // Literals built above are JSON-compatible apart from enum names and unquoted object keys.
    return literalToJson(literal, type);
  }

  function literalToJson(literal, type) {
    // Variables of scalar and enum types only, so the mapping stays trivial.
    const inner = getNullableType(type);
    if (literal === "null") return null;
    if (isEnumType(inner)) return literal;
    return JSON.parse(literal);
  }

  function argumentsFor(field, depth) {
    const args = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !random.chance(0.45)) continue;
      const inner = getNullableType(arg.type);
      const simple = isScalarType(inner) || isEnumType(inner);
      if (simple && random.chance(0.3)) {
        const name = `v${Object.keys(variables).length}`;
        const typeText = String(arg.type);
        const withDefault = random.chance(0.3);
        const value = jsonValueFor(arg.type);
        variables[name] = {
          typeText,
          defaultLiteral: withDefault ? literalFor(arg.type, 0).replace(/^null$/, "null") : undefined,
          value: withDefault && random.chance(0.5) ? undefined : value,
        };
        args.push(`${arg.name}: $${name}`);
      } else {
        args.push(`${arg.name}: ${literalFor(arg.type, depth)}`);
      }
    }
    return args.length ? `(${args.join(", ")})` : "";
  }

  function directives() {
    if (!random.chance(0.1)) return "";
    const name = random.pick(["skip", "include"]);
    return ` @${name}(if: ${random.pick(["true", "false"])})`;
  }

  function selectionSet(type, depth, budget) {
    const selections = [];
    const count = 1 + random.int(depth === 0 ? 3 : 4);
    for (let i = 0; i < count && budget.left > 0; i++) {
      budget.left--;
      if (isAbstractType(type) || random.chance(0.1)) {
        const possible = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
        const target = random.pick(possible);
        if (random.chance(0.35) && depth < 4) {
          const name = `F${Object.keys(fragments).length}`;
          fragments[name] = ""; // reserve the name before nested fragments take the next one
          fragments[name] = `fragment ${name} on ${target.name} ${selectionSet(target, depth + 1, budget)}`;
          selections.push(`...${name}`);
        } else {
          selections.push(`... on ${target.name}${directives()} ${selectionSet(target, depth + 1, budget)}`);
        }
        if (isAbstractType(type) && random.chance(0.5)) selections.push("__typename");
        continue;
      }
      const fields = Object.values(type.getFields()).filter(
        (f) => depth < 5 || !isCompositeType(getNamedType(f.type)),
      );
      const field = random.pick(fields);
      const named = getNamedType(field.type);
      const alias = random.chance(0.5) ? `a${aliasCounter++}: ` : "";
      // An alias on every field but the first of a name keeps response names unique, so arguments may differ.
      const head = `${alias || (selections.some((s) => s.startsWith(field.name)) ? `a${aliasCounter++}: ` : "")}${field.name}${argumentsFor(field, depth)}${directives()}`;
      selections.push(isCompositeType(named) ? `${head} ${selectionSet(named, depth + 1, budget)}` : head);
    }
    if (selections.length === 0) selections.push("__typename");
    return `{ ${selections.join(" ")} }`;
  }

  return function generate(operation) {
    fragments = {};
    variables = {};
    aliasCounter = 0;
    const root = operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
    const body = selectionSet(root, 0, { left: 6 + random.int(14) });
    const defs = Object.entries(variables).map(
      ([name, v]) => `$${name}: ${v.typeText}${v.defaultLiteral !== undefined ? ` = ${v.defaultLiteral}` : ""}`,
    );
    const header = `${operation}${random.chance(0.4) ? ` Gen${random.int(1000)}` : ""}${defs.length ? `(${defs.join(", ")})` : ""}`;
    const query = [`${header} ${body}`, ...Object.values(fragments)].join("\n");
    const values = {};
    for (const [name, v] of Object.entries(variables)) if (v.value !== undefined) values[name] = v.value;
    return { query, variables: Object.keys(values).length ? values : undefined };
  };
}
