/** Test-only: the error code `run` throws, or 'OK'. */
export function codeOf(run: () => unknown): string {
  try {
    run();
    return 'OK';
  } catch (error) {
    return `${(error as Error).name}:${(error as { code?: string }).code}`;
  }
}
