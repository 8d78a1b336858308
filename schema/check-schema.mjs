// Checks that schema/makermap.graphql is a valid GraphQL schema according to graphql-js
// (buildSchema + validateSchema), independently of our own engine. Uses the graphql package that
// tests/conformance installs (run tests/conformance/setup.sh first).
// Usage: node schema/check-schema.mjs
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const graphqlEntry = new URL("../tests/conformance/node_modules/graphql/index.mjs", import.meta.url);
if (!existsSync(fileURLToPath(graphqlEntry))) {
  console.error("graphql-js is not installed; run tests/conformance/setup.sh first.");
  process.exit(2);
}
const { buildSchema, validateSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType } =
  await import(graphqlEntry.href);

const sdl = await readFile(new URL("./makermap.graphql", import.meta.url), "utf8");
const schema = buildSchema(sdl);
const problems = validateSchema(schema).map((e) => e.message);

// The contract promises a description on every type, field, argument and enum value.
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
  if (!type.description) problems.push(`type ${type.name} has no description`);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) problems.push(`${type.name}.${field.name} has no description`);
      for (const arg of field.args ?? []) {
        if (!arg.description && !isInputObjectType(arg.type?.ofType ?? arg.type)) {
          problems.push(`${type.name}.${field.name}(${arg.name}) has no description`);
        }
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (!value.description) problems.push(`${type.name}.${value.name} has no description`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
const count = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith("__")).length;
console.log(`schema/makermap.graphql is valid: ${count} types.`);
