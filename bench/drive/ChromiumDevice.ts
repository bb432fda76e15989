import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CdpConnection } from './CdpConnection.ts';
import { CdpPage } from './CdpPage.ts';

/** Headless, as Playwright starts Chromium, with its switches against background throttling: no page may slow down for being out of sight. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-features=Translate,MediaRouter',
  '--window-size=1280,1000',
  '--remote-debugging-port=0',
];

/**
 * One device: a headless Chromium of its own (own profile, so its own
 * cookies and IndexedDB), started here rather than by Playwright so that the
 * timed transfers can run with no Playwright attached. Playwright drives the
 * set-up through `connectOverCDP(httpEndpoint)` and lets go (`close()` on such
 * a connection only disconnects). Downloads land in `dir/downloads`, named by
 * their guid. The process group is killed on `close()` and when this process
 * exits.
 */
export class ChromiumDevice {
  private readonly downloadsDir: string;
  private readonly onExit: () => void;
  private closed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly httpEndpoint: string,
    readonly cdp: CdpConnection,
  ) {
    this.downloadsDir = path.join(dir, 'downloads');
    this.onExit = () => this.kill();
    process.on('exit', this.onExit);
  }

  /** @throws when Chromium does not open its DevTools port within 30 s. */
  static async launch(executablePath: string, dir: string): Promise<ChromiumDevice> {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(profile, { recursive: true });
    const child = spawn(executablePath, [...ARGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore', detached: true });
    const portFile = path.join(profile, 'DevToolsActivePort');
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(portFile) || fs.readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (child.exitCode !== null || Date.now() > deadline) {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
        throw new Error(`Chromium did not open its DevTools port (exit code ${child.exitCode})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const [port, wsPath] = fs.readFileSync(portFile, 'utf8').split('\n');
    const cdp = await CdpConnection.open(`ws://127.0.0.1:${port}${wsPath}`);
    const device = new ChromiumDevice(child, dir, `http://127.0.0.1:${port}`, cdp);
    fs.mkdirSync(device.downloadsDir, { recursive: true });
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: device.downloadsDir, eventsEnabled: true });
    return device;
  }

  /** Attaches to the device's one tab. Call after Playwright has let go (it may have reset the download behaviour: it is set again here). */
  async page(name: string): Promise<CdpPage> {
    await this.cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: this.downloadsDir, eventsEnabled: true });
    const { targetInfos } = await this.cdp.send<{ targetInfos: Array<{ targetId: string; type: string }> }>('Target.getTargets');
    const tab = targetInfos.find((t) => t.type === 'page');
    if (!tab) throw new Error(`${name}: no tab`);
    const { sessionId } = await this.cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
    const page = new CdpPage(this.cdp, sessionId, name);
    await page.init();
    return page;
  }

  /**
   * The next download: call before starting it. Resolves with the saved
   * file's path once Chromium reports it complete (written and renamed).
   * @throws when it is cancelled or not complete within `timeoutMs`.
   */
  nextDownload(timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      let guid: string | null = null;
      const stop = () => {
        offBegin();
        offProgress();
        clearTimeout(timer);
      };
      const offBegin = this.cdp.on('Browser.downloadWillBegin', (p) => {
        guid ??= p.guid as string;
      });
      const offProgress = this.cdp.on('Browser.downloadProgress', (p) => {
        if (guid === null || p.guid !== guid) return;
        if (p.state === 'completed') {
          stop();
          resolve(path.join(this.downloadsDir, guid));
        } else if (p.state === 'canceled') {
          stop();
          reject(new Error('the download was cancelled'));
        }
      });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no finished download within ${timeoutMs / 1000} s`));
      }, timeoutMs);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.off('exit', this.onExit);
    const exited = this.child.exitCode !== null || this.child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.cdp.send('Browser.close').catch(() => undefined);
    this.cdp.close();
    const timer = setTimeout(() => this.kill(), 5_000);
    await exited;
    clearTimeout(timer);
    this.kill(); // helpers (crashpad, zygote) left in the group
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private kill(): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
