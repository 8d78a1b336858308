// Types of codegen-lib.mjs for its test (src/graphql/codegen.test.ts), which tsconfig.test.json
// type-checks; the generator itself is plain JavaScript run by Node.

/** An operation document: its file name (for messages) and its text. */
export type OperationDocument = { name: string; text: string };

/** Returns the generated TypeScript module; throws with every validation error in its message. */
export function generate(sdl: string, documents: readonly OperationDocument[]): string;
