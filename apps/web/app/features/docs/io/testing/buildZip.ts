import { buildZip as buildAnyZip } from '../../../../testing/buildZip.ts';

/** Test-only: a stored (uncompressed) zip of `files`, `declaredSize` overriding what each file claims to unpack to. */
export function buildZip(files: Record<string, string>, overrides: { declaredSize?: number } = {}): Uint8Array {
  return buildAnyZip(files, { stored: true, ...overrides });
}
