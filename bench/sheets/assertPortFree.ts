import net from 'node:net';

/** @throws when something listens on `port` (another run, the e2e suite's servers): ours would not start, or a foreign one would answer. */
export async function assertPortFree(port: number, envName: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${port} is taken (a leftover server, or another run?); stop it or set ${envName}` : `port ${port}: ${e.message}`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
