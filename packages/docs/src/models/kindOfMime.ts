import { splitExtension } from './splitExtension.ts';

/** How the drive previews a file. */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | 'other';

// Extensions shown as text whatever the MIME type: browsers label ".ts" as
// video/mp2t and much code as application/octet-stream or nothing.
const TEXT_EXTENSIONS = new Set([
  'txt', 'text', 'log', 'md', 'markdown', 'csv', 'tsv', 'json', 'jsonl', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'env', 'xml', 'svg',
  'html', 'htm', 'css', 'scss', 'less', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'py', 'rb', 'go', 'rs', 'java', 'kt',
  'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'php', 'swift', 'sh', 'bash', 'zsh', 'ps1', 'sql', 'graphql', 'gitignore', 'dockerfile',
]);
const TEXT_FILE_NAMES = new Set(['dockerfile', 'makefile', 'readme', 'license', 'changelog']);
const TEXT_MIMES = new Set([
  'application/json', 'application/xml', 'application/javascript', 'application/ecmascript', 'application/x-javascript',
  'application/typescript', 'application/x-typescript', 'application/yaml', 'application/x-yaml', 'application/toml',
  'application/sql', 'application/x-sh', 'application/x-httpd-php', 'application/graphql',
]);
// Only formats every supported browser decodes in an <img>. SVG is not among
// them on purpose: opened from a blob: URL it runs script in our origin, so it
// is shown as text, like HTML.
const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon']);
// A Map, not an object literal: "x.constructor" must not find Object.prototype's.
const BY_EXTENSION = new Map<string, PreviewKind>([
  ...['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico'].map((e) => [e, 'image'] as const),
  ['pdf', 'pdf'],
  ...['mp3', 'm4a', 'aac', 'wav', 'flac', 'oga', 'opus'].map((e) => [e, 'audio'] as const),
  ...['mp4', 'm4v', 'webm', 'ogv', 'mov'].map((e) => [e, 'video'] as const),
]);

/**
 * The preview for a file from its MIME type and name. Both come from whoever
 * uploaded it, so this picks a viewer, not a trust level: each viewer must cope
 * with content that is not what the label says.
 */
export function kindOfMime(mime: string, name: string): PreviewKind {
  const type = mime.split(';', 1)[0]!.trim().toLowerCase();
  const ext = extensionOf(name);
  if (TEXT_EXTENSIONS.has(ext) || TEXT_FILE_NAMES.has(name.trim().toLowerCase())) return 'text';
  if (IMAGE_MIMES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('text/') || TEXT_MIMES.has(type) || type.endsWith('+json') || type.endsWith('+xml')) return 'text';
  return BY_EXTENSION.get(ext) ?? 'other';
}

/** Lower-case extension without the dot; a dot-file's name counts as one (".env" → "env"). */
function extensionOf(name: string): string {
  const trimmed = name.trim().toLowerCase();
  const { ext } = splitExtension(trimmed);
  if (ext) return ext.slice(1);
  return /^\.[^.\s]+$/.test(trimmed) ? trimmed.slice(1) : '';
}
