import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@kehoach/source"] },
  ssr: { resolve: { conditions: ["@kehoach/source"] } },
  test: {
    name: "web-demo",
    include: ["test/**/*.test.ts"],
    // The e2e tests drive the built site: build it once before them.
    globalSetup: ["test/e2e/build-site.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
