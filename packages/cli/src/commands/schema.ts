import { Command } from "commander";
import { planJsonSchema } from "@kehoach/model";

/** `kehoach schema`: the JSON Schema of a Plan, for systems that read kehoach's JSON without zod. */
export function schemaCommand(): Command {
  return new Command("schema")
    .description("In JSON Schema của Plan / Print the JSON Schema (draft 2020-12) of a Plan")
    .addHelpText("after", "\nVí dụ / Example:\n  kehoach schema > plan.schema.json")
    .action(() => {
      process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    });
}
