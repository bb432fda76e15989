/** What a matched pair of markers makes. */
export type Emphasis = 'bold' | 'italic';

/**
 * A run of one marker character inside a run of `*` and `_`. `count` is what is left
 * unmatched, and shows as literal text; matches take characters from the inner side.
 */
export type Delimiter = { char: '*' | '_'; count: number; closes: Emphasis[]; opens: Emphasis[] };

/**
 * Pairs emphasis markers the way CommonMark's delimiter stack does, simplified: `**` pairs
 * make bold, single markers make italic. Everything between a matched pair is popped, and a
 * failed search raises that character's floor, so each opener is scanned a bounded number of
 * times and long runs of markers stay linear.
 */
export class DelimiterStack {
  private readonly openers: Delimiter[] = [];
  private readonly floor = { '*': 0, _: 0 };

  /**
   * Adds one maximal run of markers, split by character. Parts of a run never pair with each
   * other, and a part left of one that closed may not open, or the pairs would cross.
   */
  addRun(run: readonly Delimiter[], canOpen: boolean, canClose: boolean): void {
    let lastClosed = 0;
    if (canClose) {
      for (const [k, d] of run.entries()) if (this.close(d)) lastClosed = k;
    }
    if (!canOpen) return;
    for (const d of run.slice(lastClosed)) if (d.count > 0) this.openers.push(d);
  }

  private close(closer: Delimiter): boolean {
    let closed = false;
    while (closer.count > 0) {
      const at = this.findOpener(closer.char);
      if (at < 0) break;
      const opener = this.openers[at]!;
      const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      const kind: Emphasis = use === 2 ? 'bold' : 'italic';
      opener.count -= use;
      closer.count -= use;
      opener.opens.push(kind);
      closer.closes.push(kind);
      this.truncate(opener.count > 0 ? at + 1 : at);
      closed = true;
    }
    return closed;
  }

  private findOpener(char: Delimiter['char']): number {
    for (let k = this.openers.length - 1; k >= this.floor[char]; k--) if (this.openers[k]!.char === char) return k;
    this.floor[char] = this.openers.length;
    return -1;
  }

  private truncate(length: number): void {
    this.openers.length = length;
    this.floor['*'] = Math.min(this.floor['*'], length);
    this.floor._ = Math.min(this.floor._, length);
  }
}
