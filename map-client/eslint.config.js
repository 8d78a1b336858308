// ESLint (flat config): @eslint/js and typescript-eslint's type-checked recommended rules over the
// app, its tests and the e2e flows, imports sorted (simple-import-sort), and formatting left to
// Prettier (eslint-config-prettier switches off the rules it would fight). `npm run lint` runs it
// with --max-warnings 0, so every finding fails.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "test-results/", "src/graphql/generated.ts"]),
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // tsconfig.test.json covers the app, the tests, the e2e flows and vite.config.ts
      parserOptions: { project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
    },
  },
  { files: ["src/**"], languageOptions: { globals: globals.browser } },
  // the flows run in Node, and the callbacks they hand to page.evaluate run in the browser
  { files: ["e2e/**"], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ["scripts/**", "*.config.{js,ts}"], languageOptions: { globals: globals.node } },
  // Node tooling outside tsconfig.test.json: linted without type information
  { files: ["scripts/**/*.mjs", "eslint.config.js"], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
