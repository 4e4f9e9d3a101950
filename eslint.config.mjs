// Flat config: ESLint's recommended rules plus typescript-eslint's type-aware
// set, so promises nobody awaits (or that are handed to something expecting
// a plain callback) are errors, not surprises in production.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    ".next/**",
    ".next-e2e/**",
    "node_modules/**",
    "neo4j/target/**",
    ".ringscope/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    // Plain JavaScript (config files, bin scripts) is outside tsconfig: lint it
    // without types, as the Node.js code it is.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
