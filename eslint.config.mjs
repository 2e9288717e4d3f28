import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The database is reached only through db/: its driver, drizzle and the connection stay inside it.
const databaseOutsideDb = {
  paths: [{ name: "better-sqlite3", message: "Only db/ opens the database: call a function from db/ instead." }],
  patterns: [
    { group: ["drizzle-orm", "drizzle-orm/*"], message: "Only db/ builds SQL: call a function from db/ instead." },
    { regex: "(^|/)db/client(\\.ts)?$", message: "Only db/ uses the connection: call a function from db/ instead." },
  ],
};

// Pages and components read and write through db/queries, which take the acting user and apply the access rules.
const pagesUseQueries = {
  ...databaseOutsideDb,
  patterns: [
    ...databaseOutsideDb.patterns,
    { regex: "(^|/)db(/(?!queries/).*)?$", message: "Pages and components use db/queries/** only (they apply the access rules)." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE on the db object is a bug waiting to touch every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules, on TypeScript files only (the type checker is most of lint's time).
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // The data layer is asynchronous (decision record 0025): a promise where a value is meant, an await of something
      // that is not one, or a promise returned from a try without await (its rejection would escape the catch).
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/return-await": ["error", "error-handling-correctness-only"],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
    },
  },
  {
    // Exempt: db/ itself; tests/, whose unit tests set up and inspect databases; and e2e/, whose specs read the seeded
    // database directly (e2e/support/demo-db.ts) to work out the figures a page should show independently of db/.
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["db/**", "tests/**", "e2e/**"],
    rules: { "no-restricted-imports": ["error", databaseOutsideDb] },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...pagesUseQueries,
          // Links prefetch on intent, not on sight (components/link.tsx, decision record 0017).
          paths: [...pagesUseQueries.paths, { name: "next/link", message: "Import Link from @/components/link: it prefetches only when a link is reached for." }],
        },
      ],
    },
  },
  {
    // The Content-Security-Policy refuses style="..." attributes (lib/security-headers.ts, decision record 0019):
    // style with classes, or with SVG presentation attributes (fill, width).
    files: ["app/**", "components/**"],
    rules: { "react/forbid-dom-props": ["error", { forbid: [{ propName: "style", message: "The Content-Security-Policy refuses inline styles: use a class." }] }] },
  },
  {
    files: ["components/link.tsx"],
    rules: { "no-restricted-imports": ["error", pagesUseQueries] },
  },
  {
    // Server actions read alike across features: every one is made by defineAction (lib/action.ts; defineSignature is
    // defineAction asking the signer to prove it is them) and named
    // verb-object-Action (signOffCompetencyAction), so it never shares a name with the data-layer call it makes.
    files: ["app/**/actions.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name!=/^[a-z][A-Za-z]*Action$/]",
          message: "Name a server action verb-object-Action, e.g. signOffCompetencyAction.",
        },
        {
          selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.callee.name!=/^define(Action|Signature)$/]",
          message: "Make a signed-in server action with defineAction, or defineSignature for a signature (lib/action.ts).",
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "drizzle/**", ".e2e/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
