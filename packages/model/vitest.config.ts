import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@kehoach/source"] },
  ssr: { resolve: { conditions: ["@kehoach/source"] } },
  test: { name: "model", include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
