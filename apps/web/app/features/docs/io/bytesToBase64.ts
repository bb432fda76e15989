/** Standard base64 (with padding), as `data:` URLs want it; works in browsers and Node. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading megabytes into one call overflows the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
