import { createFileDigest, encryptChunk, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { ApiRequestError, apiFetch } from '../api/apiFetch.ts';
import { chunkRange, fileChunkPlan } from './fileChunkPlan.ts';

export type UploadState = 'queued' | 'running' | 'paused' | 'failed' | 'done' | 'cancelled';

export type UploadTarget = {
  fileId: string;
  /** The folder document the file goes into. */
  parentId: string;
  version: number;
  key: SymmetricKey;
  /** Sent by the guest of a folder's edit link (ADR 0013): through the link's routes, with its proof; charged to the folder's owner. */
  via?: { linkId: string; proof: string };
};

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000, 30000];

/**
 * One file being sealed and sent chunk by chunk, the next one sealed while
 * the current one is sent (so at most two chunks are in memory); every
 * chunk can be re-sent, so pause, a dropped connection or a server restart
 * resume from the chunks the server has.
 */
export class FileUpload {
  state: UploadState = 'queued';
  error: string | null = null;
  sentBytes = 0;
  /** Bytes per second over the last few seconds. */
  speed = 0;
  /**
   * The plaintext digest (base64url, `createFileDigest`) once `done`: kept
   * in the version record, checked at every download.
   */
  digest: string | null = null;
  readonly totalBytes: number;
  readonly chunkCount: number;
  readonly sealedSize: number;
  private readonly listeners = new Set<() => void>();
  private xhr: XMLHttpRequest | null = null;
  private wake: (() => void) | null = null;
  private doneChunks = new Set<number>();
  private samples: Array<{ at: number; bytes: number }> = [];
  private begun = false;

  constructor(
    readonly file: Blob,
    readonly target: UploadTarget,
    /** Continues a version started before a reload: asks the server what it has instead of starting it. */
    opts: { resumed?: boolean } = {},
  ) {
    this.begun = opts.resumed ?? false;
    this.totalBytes = file.size;
    ({ chunkCount: this.chunkCount, sealedSize: this.sealedSize } = fileChunkPlan(file.size));
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Runs to the end; resolves true when complete, false when cancelled or failed (see `error`). */
  async run(): Promise<boolean> {
    this.set('running');
    for (;;) {
      try {
        await this.sendAll();
        this.set('done');
        return true;
      } catch (e) {
        if (this.state === 'cancelled') return false;
        if (this.state === 'paused') {
          await new Promise<void>((ok) => (this.wake = ok));
          if ((this.state as UploadState) === 'cancelled') return false;
          continue;
        }
        this.error = e instanceof ApiRequestError ? e.message : 'The upload failed.';
        this.set('failed');
        await new Promise<void>((ok) => (this.wake = ok));
        if ((this.state as UploadState) === 'cancelled') return false;
      }
    }
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.set('paused');
    this.xhr?.abort();
  }

  /** Resumes after pause, or retries after a failure. */
  resume(): void {
    if (this.state !== 'paused' && this.state !== 'failed') return;
    this.error = null;
    this.set('running');
    this.wake?.();
    this.wake = null;
  }

  /** Stops and gives the reserved space back; the server forgets the partial version. */
  async cancel(): Promise<void> {
    if (this.state === 'done' || this.state === 'cancelled') return;
    this.set('cancelled');
    this.xhr?.abort();
    this.wake?.();
    if (!this.begun) return;
    const { fileId, version, via } = this.target;
    // A link's guest cancels its own unfinished version; the server drops the file with it if it has no other.
    const path = version === 1 && !via ? `/files/${fileId}` : `/files/${fileId}/versions/${version}`;
    await this.api(path, undefined, { method: 'DELETE' }).catch(() => undefined);
  }

  /** An API call for this upload: a member's own, or through the link it is sent by. */
  private api<T>(path: string, body?: unknown, init: { method?: string } = {}): Promise<T> {
    const { via } = this.target;
    return via ? apiFetch<T>(`/links/${via.linkId}${path}`, body, { ...init, headers: { 'x-coffre-link-proof': via.proof } }) : apiFetch<T>(path, body, init);
  }

  private async sendAll(): Promise<void> {
    const { fileId, version, parentId } = this.target;
    if (!this.begun) {
      await withRetries(() => this.api('/files', { fileId, parentId, version, chunkCount: this.chunkCount, size: this.sealedSize }).catch(async (e) => {
        // Already begun by this upload before a lost answer: resume it.
        if (e instanceof ApiRequestError && e.code === 'VERSION_EXISTS') return this.loadServerChunks();
        throw e;
      }), this);
      this.begun = true;
    } else {
      await withRetries(() => this.loadServerChunks(), this);
    }
    // Every chunk is hashed in order, the ones the server already has too (read again
    // from the local file, cheap next to the network), so a resumed or retried upload
    // ends with the digest of the whole file, not of the part sent this time. The next
    // chunk is read and sealed while this one is on the wire, so sealing costs no
    // network time (bench/README.md, drive): two chunks in memory at most.
    const hash = createFileDigest();
    let next = this.chunkCount > 0 ? this.prepareChunk(0) : null;
    for (let index = 0; index < this.chunkCount; index++) {
      const { plain, sealed } = await next!;
      next = index + 1 < this.chunkCount ? this.prepareChunk(index + 1) : null;
      // Awaited in the next round; a stop before then must not leave it unhandled.
      next?.catch(() => undefined);
      // Paused or cancelled between two chunks: stop here, not after one more.
      if (this.state !== 'running') throw new Error('stopped');
      hash.update(plain);
      if (!sealed) continue;
      const { start, end } = chunkRange(this.totalBytes, index);
      await withRetries(() => this.putChunk(index, sealed, end - start), this);
      this.doneChunks.add(index);
    }
    const digest = toBase64Url(hash.digest());
    await withRetries(() => this.api(`/files/${fileId}/versions/${version}/complete`, {}), this);
    this.digest = digest;
  }

  /**
   * Reads chunk `index` of the file and, unless the server has it already,
   * seals it at its position (file id, version, index, final flag).
   */
  private async prepareChunk(index: number): Promise<{ plain: Uint8Array; sealed: Uint8Array | null }> {
    const { fileId, version, key } = this.target;
    const { start, end } = chunkRange(this.totalBytes, index);
    const plain = new Uint8Array(await this.file.slice(start, end).arrayBuffer());
    const sealed = this.doneChunks.has(index) ? null : encryptChunk(key, { fileId, version, index, isFinal: index === this.chunkCount - 1 }, plain);
    return { plain, sealed };
  }

  private async loadServerChunks(): Promise<void> {
    const { fileId, version } = this.target;
    const v = await this.api<{ state: string; chunks: Array<{ index: number }> }>(`/files/${fileId}/versions/${version}`);
    this.doneChunks = new Set(v.chunks.map((c) => c.index));
    this.sentBytes = [...this.doneChunks].reduce((n, i) => n + (chunkRange(this.totalBytes, i).end - chunkRange(this.totalBytes, i).start), 0);
    this.emit();
  }

  private putChunk(index: number, sealed: Uint8Array, plainBytes: number): Promise<void> {
    const { fileId, version, via } = this.target;
    const before = this.sentBytes;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      this.xhr = xhr;
      xhr.open('PUT', `/api${via ? `/links/${via.linkId}` : ''}/files/${fileId}/versions/${version}/chunks/${index}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.setRequestHeader('x-coffre-csrf', '1');
      if (via) xhr.setRequestHeader('x-coffre-link-proof', via.proof);
      xhr.upload.onprogress = (ev) => {
        this.sentBytes = before + Math.round((ev.loaded / Math.max(1, sealed.length)) * plainBytes);
        this.sample();
        this.emit();
      };
      xhr.onload = () => {
        this.xhr = null;
        if (xhr.status >= 200 && xhr.status < 300) {
          this.sentBytes = before + plainBytes;
          this.sample();
          this.emit();
          return resolve();
        }
        this.sentBytes = before;
        let body: { code?: string; message?: string } = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        reject(new ApiRequestError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message ?? `The server answered ${xhr.status}.`));
      };
      xhr.onerror = xhr.onabort = () => {
        this.xhr = null;
        this.sentBytes = before;
        reject(new ApiRequestError(0, 'NETWORK', 'Cannot reach the Coffre server. Check your connection and try again.'));
      };
      xhr.send(sealed as Uint8Array<ArrayBuffer>);
    });
  }

  private sample(): void {
    const now = performance.now();
    this.samples.push({ at: now, bytes: this.sentBytes });
    while (this.samples.length > 2 && now - this.samples[0]!.at > 3000) this.samples.shift();
    const first = this.samples[0]!;
    this.speed = now > first.at ? ((this.sentBytes - first.bytes) * 1000) / (now - first.at) : 0;
  }

  private set(state: UploadState): void {
    this.state = state;
    if (state !== 'running') this.speed = 0;
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/** Retries network failures, 5xx and 429 with backoff while the upload keeps running; anything else is final. */
async function withRetries<T>(fn: () => Promise<T>, upload: FileUpload): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (upload.state !== 'running') throw new Error('stopped');
    try {
      return await fn();
    } catch (e) {
      const transient = e instanceof ApiRequestError && (e.status === 0 || e.status >= 500 || e.status === 429);
      if (!transient || upload.state !== 'running' || attempt >= RETRY_DELAYS_MS.length) throw e;
      await new Promise((ok) => setTimeout(ok, RETRY_DELAYS_MS[attempt]));
      if (upload.state !== 'running') throw e;
    }
  }
}
