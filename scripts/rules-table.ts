/** Rewrites the rules table in README.md from the RULES registry (run after adding or changing a rule). */
import { readFileSync, writeFileSync } from "node:fs";
import { RULES } from "@kehoach/parser";

const rows = RULES.map((rule) => `| \`${rule.code}\` | ${rule.severity} | ${rule.summary} |`).join("\n");
const readme = readFileSync("README.md", "utf8");
const updated = readme.replace(
  /(<!-- rules-table:[^\n]*-->\n\| code \| severity \| what it flags \|\n\|---\|---\|---\|\n)[\s\S]*?(\n<!-- \/rules-table -->)/,
  `$1${rows}$2`,
);
writeFileSync("README.md", updated);
console.log(`${RULES.length} rules written to README.md`);
