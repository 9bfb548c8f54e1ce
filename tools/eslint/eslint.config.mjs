// ESLint's rules for the site's scripts (docs/assets/*.js, ES modules in the browser); `make js-lint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 120, ignoreComments: false }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
];
