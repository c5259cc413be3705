/** A growing column of 32-bit integers: 4 bytes an entry, where a number[] takes 8 and moves to the old heap as it grows. */
export class Int32Column {
  private data = new Int32Array(1024);
  length = 0;

  /** Appends `value`; returns its index. */
  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  at(index: number): number {
    return this.data[index] as number;
  }
}
