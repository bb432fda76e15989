/**
 * Metadata-only logging: callers pass ids, sizes, codes and durations, never
 * payloads, names or secrets. One JSON object per line on stdout.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

export function createLogger(service: string, sink: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const write = (level: string, event: string, fields: LogFields = {}) =>
    sink(JSON.stringify({ t: new Date().toISOString(), level, service, event, ...fields }));
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
