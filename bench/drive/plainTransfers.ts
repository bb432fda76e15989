import type { CdpPage } from './CdpPage.ts';

/**
 * The unencrypted baseline, run in a signed-in Coffre page: the same
 * endpoints, 4 MiB chunks and order as the drive's uploader (`FileUpload`:
 * one PUT at a time with XMLHttpRequest, the next slice read meanwhile) and
 * downloader (`downloadFile`: fetch each chunk in turn into a Blob part, then
 * hand the whole Blob to the browser as a download), minus sealing and
 * opening. The server stores opaque bytes, so it takes plaintext as it takes
 * ciphertext. A string, not a function: tsx compiles functions with
 * esbuild's keepNames, and a serialised one would call a `__name` helper the
 * page does not have.
 */
const SCRIPT = String.raw`(() => {
  if (window.__benchPlain) return;
  const fail = async (what, res) => { throw new Error(what + ': ' + res.status + ' ' + (await res.text()).slice(0, 200)); };
  const post = async (url, body) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-coffre-csrf': '1' }, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) await fail('POST ' + url, res);
  };
  const put = (url, body) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-coffre-csrf', '1');
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error('PUT ' + url + ': ' + xhr.status + ' ' + xhr.responseText.slice(0, 200))));
    xhr.onerror = () => reject(new Error('PUT ' + url + ': network error'));
    xhr.send(body);
  });
  let input = null;
  window.__benchPlain = {
    /** A hidden file input of our own, for Playwright to hand the file to (as the drive's file chooser gets it). */
    input() {
      if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.hidden = true;
        input.id = 'bench-plain-file';
        document.body.append(input);
      }
      return input;
    },
    async upload(fileId, parentId, chunkSize) {
      const file = input.files[0];
      const chunkCount = Math.max(1, Math.ceil(file.size / chunkSize));
      await post('/api/files', { fileId, parentId, version: 1, chunkCount, size: file.size });
      const read = (i) => file.slice(i * chunkSize, Math.min(file.size, (i + 1) * chunkSize)).arrayBuffer().then((b) => new Uint8Array(b));
      let next = read(0);
      for (let i = 0; i < chunkCount; i++) {
        const bytes = await next;
        next = i + 1 < chunkCount ? read(i + 1) : null;
        await put('/api/files/' + fileId + '/versions/1/chunks/' + i, bytes);
      }
      await post('/api/files/' + fileId + '/versions/1/complete', {});
      return chunkCount;
    },
    async download(fileId, chunkCount, name) {
      const parts = [];
      for (let i = 0; i < chunkCount; i++) {
        const res = await fetch('/api/files/' + fileId + '/versions/1/chunks/' + i, { credentials: 'same-origin', cache: 'no-store' });
        if (!res.ok) await fail('GET chunk ' + i, res);
        parts.push(new Blob([new Uint8Array(await res.arrayBuffer())]));
      }
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    async size(fileId) {
      const res = await fetch('/api/files/' + fileId + '/versions/1', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) await fail('GET version', res);
      return (await res.json()).size;
    },
    async remove(fileId) {
      const res = await fetch('/api/files/' + fileId, { method: 'DELETE', headers: { 'x-coffre-csrf': '1' }, credentials: 'same-origin' });
      if (!res.ok) await fail('DELETE file', res);
    },
  };
})()`;

export type PlainTransfers = {
  /** Puts `file` on the page's own hidden file input, ready for `upload`. */
  pick(file: string): Promise<void>;
  /** Uploads the picked file unencrypted as version 1 of `fileId` in folder `parentId`; resolves to its chunk count once the server has completed it. */
  upload(fileId: string, parentId: string, chunkSize: number): Promise<number>;
  /** Fetches every chunk of `fileId` v1 in turn and hands the result to the browser as a download named `name`. */
  download(fileId: string, chunkCount: number, name: string): Promise<void>;
  /** The bytes the server holds for version 1 of any file (sealed bytes for Coffre's uploads). */
  size(fileId: string): Promise<number>;
  /** Deletes any file on the server, bytes and quota, as "Delete forever" does (a folder entry, if any, stays). */
  remove(fileId: string): Promise<void>;
};

/** The unencrypted transfers (and two file calls), run in `page`, signed in to Coffre. */
export function plainTransfers(page: CdpPage): PlainTransfers {
  const call = <T>(method: string, ...args: unknown[]) => page.evaluate<T>(`(${SCRIPT}, window.__benchPlain.${method}(${args.map((a) => JSON.stringify(a)).join(', ')}))`);
  return {
    async pick(file) {
      await page.evaluate(`(${SCRIPT}, window.__benchPlain.input(), undefined)`);
      await page.setInputFiles('#bench-plain-file', [file]);
    },
    upload: (fileId, parentId, chunkSize) => call<number>('upload', fileId, parentId, chunkSize),
    download: (fileId, chunkCount, name) => call<void>('download', fileId, chunkCount, name),
    size: (fileId) => call<number>('size', fileId),
    remove: (fileId) => call<void>('remove', fileId),
  };
}
