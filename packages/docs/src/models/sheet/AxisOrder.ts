import type * as Y from 'yjs';

/**
 * The rows (or columns) of a sheet in order, worked out from the ids array and
 * the removed marks. Duplicates (two people moved the same row at once) keep
 * their first position; a removed id stays in `all` so ranges can shrink.
 */
export class AxisOrder {
  readonly all: string[];
  readonly visible: string[];
  private readonly visibleIndex = new Map<string, number>();
  private readonly allIndex = new Map<string, number>();

  constructor(ids: Y.Array<string>, removed: Y.Map<boolean>) {
    this.all = [];
    this.visible = [];
    for (const id of ids) {
      if (typeof id !== 'string' || this.allIndex.has(id)) continue;
      this.allIndex.set(id, this.all.length);
      this.all.push(id);
      if (removed.has(id)) continue;
      this.visibleIndex.set(id, this.visible.length);
      this.visible.push(id);
    }
  }

  get count(): number {
    return this.visible.length;
  }

  indexOf(id: string): number | null {
    return this.visibleIndex.get(id) ?? null;
  }

  /** The visible position nearest `from`, walking towards `to` and no further. */
  nearest(from: string, to: string): number | null {
    const a = this.allIndex.get(from);
    const b = this.allIndex.get(to);
    if (a === undefined || b === undefined) return null;
    const step = a <= b ? 1 : -1;
    for (let i = a; ; i += step) {
      const v = this.visibleIndex.get(this.all[i]!);
      if (v !== undefined) return v;
      if (i === b) return null;
    }
  }

  /** Where in the ids array to insert so the new ids come just before visible position `index` (or at the end). */
  insertionPoint(ids: Y.Array<string>, index: number): number {
    if (index >= this.visible.length) return ids.length;
    const target = this.visible[index]!;
    let i = 0;
    for (const id of ids) {
      if (id === target) return i;
      i++;
    }
    return ids.length;
  }
}
