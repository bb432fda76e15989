/** Where the browser reaches the collab server: the configured URL, or this host on the collab port. */
export function collabUrl(config: { collabPublicUrl: string | null; collabPort: number }): string {
  if (config.collabPublicUrl) return config.collabPublicUrl;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.hostname}:${config.collabPort}`;
}
