import { serveStatic } from "./static-server.ts";
import { openSession } from "./browser.ts";
const site = await serveStatic("/work/wt/demo/packages/web-demo/dist");
const s = await openSession(site.origin);
s.page.on("console", (m) => console.log("console:", m.type(), m.text()));
await s.page.goto(site.url + "#sample=000");
await s.page.waitForTimeout(3000);
console.log(await s.page.locator("[data-testid=error]").count());
await s.close(); await site.close();
