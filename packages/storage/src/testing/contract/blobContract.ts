import { describe, expect, it } from 'vitest';
import { collectBytes } from '../collectBytes.ts';
import { expectSameBytes } from '../expectSameBytes.ts';
import { expectStorageError } from '../expectStorageError.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import type { StorageHarness } from '../StorageHarness.ts';

class SourceFailure extends Error {}

/** Yields `bytes` in `chunkSize` pieces, optionally failing after `failAfter` bytes; records whether it was closed. */
function chunked(bytes: Uint8Array, chunkSize: number, failAfter = Number.POSITIVE_INFINITY) {
  const state = { finished: false };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
        if (offset >= failAfter) throw new SourceFailure('source broke');
        await Promise.resolve();
        yield bytes.subarray(offset, offset + chunkSize);
      }
    } finally {
      state.finished = true;
    }
  }
  return { source: generate(), state };
}

export function blobContract(h: () => StorageHarness): void {
  describe('blobs', () => {
    const body = patternBytes(300_000, 21);

    it('stores bytes and a stream, reads them back whole, stats and deletes idempotently', async () => {
      const { blobs } = h().storage;
      expect(await blobs.put('small', patternBytes(10))).toEqual({ size: 10 });
      expect(await collectBytes(await blobs.get('small'))).toEqual(patternBytes(10));
      expect(await blobs.put('big', chunked(body, 7_001).source)).toEqual({ size: body.byteLength });
      expectSameBytes(await collectBytes(await blobs.get('big')), body);
      expect((await blobs.stat('big'))?.size).toBe(body.byteLength);
      expect(await blobs.put('empty', new Uint8Array(0))).toEqual({ size: 0 });
      expect(await collectBytes(await blobs.get('empty'))).toEqual(new Uint8Array(0));

      expect(await blobs.get('missing')).toBeNull();
      expect(await blobs.stat('missing')).toBeNull();
      expect(await blobs.delete('big')).toBe(true);
      expect(await blobs.delete('big')).toBe(false);
      expect(await blobs.get('big')).toBeNull();
    });

    it('replaces a blob whole', async () => {
      const { blobs } = h().storage;
      await blobs.put('k', body);
      await blobs.put('k', patternBytes(5, 2));
      expect(await collectBytes(await blobs.get('k'))).toEqual(patternBytes(5, 2));
      const a = patternBytes(200_000, 3);
      const b = patternBytes(150_000, 4);
      await Promise.all([blobs.put('race', chunked(a, 10_000).source), blobs.put('race', chunked(b, 9_000).source)]);
      const winner = await collectBytes(await blobs.get('race'));
      expectSameBytes(winner, winner?.byteLength === a.byteLength ? a : b);
    });

    it('reads byte ranges, end exclusive and clamped to the size', async () => {
      const { blobs } = h().storage;
      await blobs.put('k', body);
      const read = async (start: number, end: number) => collectBytes(await blobs.get('k', { start, end }));
      expect(await read(10, 20)).toEqual(body.slice(10, 20));
      expectSameBytes(await read(65_000, 140_000), body.slice(65_000, 140_000));
      expect(await read(299_990, 400_000)).toEqual(body.slice(299_990));
      expect(await read(5, 5)).toEqual(new Uint8Array(0));
      expect(await read(400_000, 400_001)).toEqual(new Uint8Array(0));
      await expect(blobs.get('k', { start: 5, end: 4 })).rejects.toBeInstanceOf(RangeError);
      await expect(blobs.get('k', { start: -1, end: 4 })).rejects.toBeInstanceOf(RangeError);
      expect(await blobs.get('missing', { start: 0, end: 1 })).toBeNull();
    });

    it('aborts at maxBytes, stops the source and stores nothing', async () => {
      const harness = h();
      const { blobs } = harness.storage;
      await expectStorageError(blobs.put('k', patternBytes(101), { maxBytes: 100 }), 'TOO_LARGE');
      const { source, state } = chunked(body, 10_000);
      await expectStorageError(blobs.put('k', source, { maxBytes: 95_000 }), 'TOO_LARGE');
      expect(state.finished).toBe(true);
      expect(await blobs.stat('k')).toBeNull();
      if (harness.blobFiles) expect(await harness.blobFiles()).toEqual([]);
      expect(await blobs.put('k', patternBytes(100), { maxBytes: 100 })).toEqual({ size: 100 });
    });

    it('leaves no blob and no temp file when the source fails mid-way, and keeps the old blob', async () => {
      const harness = h();
      const { blobs } = harness.storage;
      await expect(blobs.put('fresh', chunked(body, 10_000, 150_000).source)).rejects.toBeInstanceOf(SourceFailure);
      expect(await blobs.stat('fresh')).toBeNull();
      if (harness.blobFiles) expect(await harness.blobFiles()).toEqual([]);

      await blobs.put('kept', patternBytes(1000, 8));
      await expect(blobs.put('kept', chunked(body, 10_000, 150_000).source)).rejects.toBeInstanceOf(SourceFailure);
      expectSameBytes(await collectBytes(await blobs.get('kept')), patternBytes(1000, 8));
      if (harness.blobFiles) expect(await harness.blobFiles()).toHaveLength(1);
    });

    it('refuses keys outside [A-Za-z0-9_-]{1,128}', async () => {
      const { blobs } = h().storage;
      const bad = ['../x', '..', '', 'a'.repeat(129), 'a/b', 'a\\b', 'a.b', '.hidden', 'é', 'a b', 'a\0b'];
      for (const key of bad) {
        await expectStorageError(blobs.put(key, patternBytes(1)), 'INVALID_KEY');
        await expectStorageError(blobs.get(key), 'INVALID_KEY');
        await expectStorageError(blobs.stat(key), 'INVALID_KEY');
        await expectStorageError(blobs.delete(key), 'INVALID_KEY');
      }
      for (const key of ['a', 'a'.repeat(128), 'A-z_0-9']) {
        await blobs.put(key, patternBytes(3));
        expect(await collectBytes(await blobs.get(key))).toEqual(patternBytes(3));
      }
    });
  });
}
