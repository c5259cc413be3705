import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@kehoach/source"] },
  ssr: { resolve: { conditions: ["@kehoach/source"] } },
  test: {
    projects: ["packages/*"],
  },
});
