/**
 * The asset folder a page serves (see ../assets.ts). The location given last is kept for loaders
 * reached without options (pdf.js's image decoders inside OCR), and absolute URLs are handed on,
 * since workers resolve relative ones against their own script.
 */
import { engineUnavailable, type Engine } from "../../errors.ts";
import { ASSET_PATHS, type AssetName, type AssetsLocation } from "../assets.ts";

let remembered: URL | undefined;

export function assetBase(assets: AssetsLocation | undefined, engine: Engine): URL {
  if (assets !== undefined) {
    const here = (globalThis as { location?: { href: string } }).location?.href;
    const base = new URL(String(assets), here);
    if (!base.pathname.endsWith("/")) base.pathname += "/";
    remembered = base;
  }
  if (remembered === undefined) {
    throw engineUnavailable(engine, "no asset folder: pass parse(bytes, { assets: URL }) / chưa khai báo thư mục tài nguyên");
  }
  return remembered;
}

export function assetUrl(assets: AssetsLocation | undefined, name: AssetName, engine: Engine): string {
  return new URL(ASSET_PATHS[name], assetBase(assets, engine)).href;
}
