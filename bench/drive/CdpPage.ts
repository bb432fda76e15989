import fs from 'node:fs';
import type { CdpConnection } from './CdpConnection.ts';

type Evaluated = { result: { value?: unknown; objectId?: string }; exceptionDetails?: { text: string; exception?: { description?: string } } };

/**
 * One page over a flat CDP session, with only Runtime enabled (for its
 * errors): no Network domain, so request bodies are not copied to DevTools.
 * Clicks are real input events (`Input.dispatchMouseEvent`, as Playwright
 * sends them); files are handed to inputs as a file chooser does
 * (`DOM.setFileInputFiles`, which fires `change`).
 */
export class CdpPage {
  readonly problems: string[] = [];

  constructor(
    private readonly cdp: CdpConnection,
    private readonly sessionId: string,
    private readonly name: string,
  ) {}

  async init(): Promise<void> {
    this.cdp.on('Runtime.exceptionThrown', (p, s) => {
      if (s !== this.sessionId) return;
      const d = p.exceptionDetails as { text: string; exception?: { description?: string } };
      this.problems.push(`${this.name}: ${d.exception?.description?.split('\n')[0] ?? d.text}`);
    });
    this.cdp.on('Runtime.consoleAPICalled', (p, s) => {
      if (s !== this.sessionId || p.type !== 'error') return;
      const args = p.args as Array<{ value?: unknown; description?: string }>;
      this.problems.push(`${this.name} console: ${args.map((a) => String(a.value ?? a.description ?? '')).join(' ')}`);
    });
    await this.send('Runtime.enable');
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  /** The value of a JavaScript expression in the page, awaited when it is a promise. @throws with the page's error. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<Evaluated>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`${this.name}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  /**
   * Resolves with the value of `expression` once it is truthy, checked at
   * every DOM change (and every 50 ms), so an end is seen when it happens.
   * @throws after `timeoutMs`.
   */
  waitFor<T>(expression: string, timeoutMs: number): Promise<T> {
    return this.evaluate<T>(`new Promise((resolve, reject) => {
      const check = () => { const v = (${expression}); if (v) { stop(); resolve(v); } };
      const obs = new MutationObserver(check);
      const poll = setInterval(check, 50);
      const timer = setTimeout(() => { stop(); reject(new Error('timed out after ${timeoutMs} ms waiting for ' + ${JSON.stringify(expression)})); }, ${timeoutMs});
      function stop() { obs.disconnect(); clearInterval(poll); clearTimeout(timer); }
      obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      check();
    })`);
  }

  /**
   * Runs `fn` with the Network domain on, bodies over 64 KiB left out (the
   * file chunks), and returns the body of the first POST to `pathname` it
   * made as well as `fn`'s result. For the set-up only.
   */
  async postBodyDuring<T>(pathname: string, fn: () => Promise<T>): Promise<{ body: string | null; result: T }> {
    let body: string | null = null;
    const off = this.cdp.on('Network.requestWillBeSent', (p, s) => {
      const r = p.request as { method: string; url: string; postData?: string };
      if (s === this.sessionId && body === null && r.method === 'POST' && new URL(r.url).pathname === pathname) body = r.postData ?? null;
    });
    await this.send('Network.enable', { maxPostDataSize: 65_536 });
    try {
      const result = await fn();
      return { body, result };
    } finally {
      off();
      await this.send('Network.disable');
    }
  }

  /** Gives `files` to the file input matched by `selector`. */
  async setInputFiles(selector: string, files: string[]): Promise<void> {
    const r = await this.send<Evaluated>('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    if (!r.result.objectId) throw new Error(`${this.name}: no ${selector}`);
    await this.send('DOM.setFileInputFiles', { files, objectId: r.result.objectId });
  }

  /** Scrolls the element `elementExpression` evaluates to into view and clicks its centre. */
  async click(elementExpression: string, button: 'left' | 'right' = 'left'): Promise<void> {
    const at = await this.evaluate<{ x: number; y: number } | { covered: string } | null>(`(() => {
      const e = (${elementExpression});
      if (!e) return null;
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      const at = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      const hit = document.elementFromPoint(at.x, at.y);
      return e.contains(hit) ? at : { covered: hit ? hit.tagName.toLowerCase() + '.' + hit.className : 'nothing' };
    })()`);
    if (!at) throw new Error(`${this.name}: nothing to click at ${elementExpression}`);
    if ('covered' in at) throw new Error(`${this.name}: ${elementExpression} is covered by ${at.covered}`);
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: at.x, y: at.y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: at.x, y: at.y, button, buttons: button === 'left' ? 1 : 2, clickCount: 1 });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: at.x, y: at.y, button, buttons: 0, clickCount: 1 });
  }

  /** Writes a PNG of the page as it is now (for failure reports). */
  async screenshot(file: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
  }

  /** Runs `fn`; when `file` is set, writes a CPU profile of the page's main thread meanwhile (200 µs sampling; DevTools opens it). */
  async profileWhile<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
    if (!file) return fn();
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: 200 });
    await this.send('Profiler.start');
    try {
      return await fn();
    } finally {
      const { profile } = await this.send<{ profile: unknown }>('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      await this.send('Profiler.disable');
    }
  }
}
