/**
 * Writes the faulty texts of fixtures/golden/invalid: for each `NAME.case.json`, `NAME.txt` is its seed
 * (fixtures/seeds/NNN.txt) with the one `find` → `replace` of the case applied, so `diff` against the
 * seed shows the fault. The expected findings in the case file are written by hand (or by the test's
 * `UPDATE=1` for review); packages/parser/test/golden-invalid.test.ts checks that each text is still its
 * seed with the fault.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { applyFault, type InvalidCase } from "../packages/parser/test/support/golden-invalid.ts";

const dir = "fixtures/golden/invalid";
for (const file of readdirSync(dir).filter((f) => f.endsWith(".case.json")).sort()) {
  const c = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as InvalidCase;
  const text = applyFault(readFileSync(`fixtures/seeds/${c.seed}.txt`, "utf8"), c);
  writeFileSync(`${dir}/${file.replace(/\.case\.json$/, ".txt")}`, text);
  console.log(`${file.replace(/\.case\.json$/, ".txt")}: ${c.fault}`);
}
