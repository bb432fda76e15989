/** Test-only: the error code `run` throws or rejects with, or 'OK'. */
export async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'OK';
  } catch (error) {
    return `${(error as Error).name}:${(error as { code?: string }).code}`;
  }
}
