/**
 * The packages as outside users get them: @kehoach/model and @kehoach/parser built, packed with
 * `pnpm pack`, installed from those tarballs into a scratch project (dependencies from the pnpm store,
 * the registry only for what it lacks), and the README's library example type-checked there with tsc
 * — strict, library files checked too — with assertions that the section tree keeps its types
 * (`plan.sections[1].children[0].label` is a string, not unknown or any).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { root, scratch } from "./support.ts";

function sh(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The README's first ```ts block under "## Library", with the values it leaves to the reader declared. */
function readmeExample(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const library = readme.slice(readme.indexOf("## Library"));
  const code = /```ts\n([\s\S]*?)```/.exec(library)?.[1];
  if (!code) throw new Error("README has no ```ts example under ## Library");
  return `declare const bytes: Uint8Array;\ndeclare const text: string;\n${code}`;
}

const TYPE_ASSERTIONS = `
type IsAny<T> = 0 extends 1 & T ? true : false;
type IsString<T> = IsAny<T> extends true ? false : [T] extends [string] ? true : false;
type Expect<T extends true> = T;
type Child = (typeof plan.sections)[number]["children"][number];
export type Checks = [
  Expect<IsString<Child["label"]>>,
  Expect<IsString<Child["children"][number]["children"][number]["heading"]>>,
  Expect<IsAny<typeof plan.legalBases[number]> extends true ? false : true>,
  Expect<[NonNullable<typeof plan.budget.total>["amount"]] extends [number] ? true : false>,
];
`;

it("built, packed and installed, the packages type-check the README's library example", { timeout: 240_000 }, () => {
  const pnpm = join(root, "scripts/pnpm");
  const project = scratch("kehoach-pack-");
  for (const pkg of ["model", "parser"]) {
    const dir = join(root, "packages", pkg);
    sh("bash", [pnpm, "exec", "tsc", "-p", "tsconfig.build.json"], dir);
    sh("bash", [pnpm, "pack", "--pack-destination", project], dir);
  }
  const version = (JSON.parse(readFileSync(join(root, "packages/model/package.json"), "utf8")) as { version: string }).version;
  const model = `file:./kehoach-model-${version}.tgz`;
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "scratch",
      private: true,
      type: "module",
      dependencies: { "@kehoach/model": model, "@kehoach/parser": `file:./kehoach-parser-${version}.tgz` },
      // The parser's dependency on @kehoach/model is a version no registry has yet: the local tarball.
      pnpm: { overrides: { "@kehoach/model": model } },
    }),
  );
  sh("bash", [pnpm, "install", "--prefer-offline", "--ignore-scripts", "--config.strict-peer-dependencies=false"], project);
  writeFileSync(join(project, "example.ts"), `${readmeExample()}${TYPE_ASSERTIONS}`);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2023", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ["example.ts"],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: project, encoding: "utf8" });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
  // What was type-checked is what a user installs: the packed build, not the workspace sources.
  expect(readFileSync(join(project, "node_modules/@kehoach/model/dist/section.d.ts"), "utf8")).toContain("children: z.ZodArray<typeof SectionSchema>");
});
