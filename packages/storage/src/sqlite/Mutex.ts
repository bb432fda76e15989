/** FIFO lock. The holder calls the release function it was given, exactly once. */
export class Mutex {
  #held = false;
  readonly #waiters: Array<() => void> = [];

  get isFree(): boolean {
    return !this.#held;
  }

  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => {
      this.#waiters.push(() => resolve(this.#releaser()));
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // Hand over without unlocking so nobody can barge in between.
      if (next) next();
      else this.#held = false;
    };
  }
}
