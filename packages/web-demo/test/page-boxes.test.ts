import { describe, expect, it } from "vitest";
import { pagesOf, toPageBox } from "../src/logic/page-boxes.ts";

const point = (offset: number) => ({ offset, line: 1, column: offset + 1 });

describe("toPageBox", () => {
  it("flips PDF user space (origin bottom-left) to CSS pixels from the top-left, scaled", () => {
    // An A4 page (842 units tall) at 1.5 px per unit: a box 100 units from the left, 742–762 units up.
    expect(toPageBox({ x0: 100, y0: 742, x1: 300, y1: 762 }, 842, 1.5)).toEqual({ left: 150, top: 120, width: 300, height: 30 });
  });

  it("accepts corners in either order", () => {
    expect(toPageBox({ x0: 300, y0: 762, x1: 100, y1: 742 }, 842, 1)).toEqual(toPageBox({ x0: 100, y0: 742, x1: 300, y1: 762 }, 842, 1));
  });
});

describe("pagesOf", () => {
  it("lists the pages spans lie on, once each, in order", () => {
    const span = (page?: number) => ({ start: point(0), end: point(1), ...(page ? { page } : {}) });
    expect(pagesOf([span(3), span(1), null, span(3), span()])).toEqual([1, 3]);
  });
});
