type Cfb = typeof import("cfb");

let loaded: Promise<Cfb> | undefined;

/**
 * The compound-file reader `cfb`, loaded on first use. It is CommonJS and exports itself only when
 * `typeof require` says a CommonJS loader is there: Node's is, webpack and esbuild supply one, but
 * Vite/rolldown browser bundles do not, and there it would export nothing. So while it loads, a
 * stand-in `require` (which throws if called; cfb calls it only to read files by name, which we never
 * ask) is set on globalThis when none exists, and removed again. Node hands the exports over as
 * `default`, bundlers as the namespace itself.
 */
export function loadCfb(): Promise<Cfb> {
  loaded ??= (async () => {
    const global = globalThis as { require?: unknown };
    const standIn = global.require === undefined;
    if (standIn) {
      global.require = (name: string) => {
        throw new Error(`require(${name}) is not available here`);
      };
    }
    try {
      const module = (await import("cfb")) as Cfb & { default?: Cfb };
      return typeof module.read === "function" ? module : module.default!;
    } finally {
      if (standIn) delete global.require;
    }
  })();
  return loaded;
}
