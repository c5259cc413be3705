/** The first index in [0, length) where `reached(i)` holds, for a `reached` false then true along the indices (length if never). */
export function lowerBound(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
