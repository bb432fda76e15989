export type ExcelJs = typeof import('exceljs');

let loading: Promise<ExcelJs> | undefined;

/**
 * exceljs, loaded on first use: it is about 1 MB minified and only import and
 * export need it, not the grid. Node gets its CommonJS main entry, browsers
 * (through Vite) its `browser` bundle; either way the namespace or its
 * `default` holds the API.
 */
export function loadExcelJs(): Promise<ExcelJs> {
  loading ??= import('exceljs').then(
    (module) => (module as { default?: ExcelJs }).default ?? module,
    (error: unknown) => {
      loading = undefined; // a failed chunk load may succeed on the next try
      throw error;
    },
  );
  return loading;
}
