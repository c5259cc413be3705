/** Rewrites the table of finding codes in README.md (run after adding a code or changing a rule). */
import { readFileSync, writeFileSync } from "node:fs";
import { codesTable, TABLE_END } from "./codes-table.ts";

const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf("<!-- codes-table:");
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < 0) throw new Error("README.md has no codes-table markers");
writeFileSync("README.md", readme.slice(0, start) + codesTable() + readme.slice(end + TABLE_END.length));
console.log("codes table written to README.md");
