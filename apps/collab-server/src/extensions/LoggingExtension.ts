import type { Extension, onConnectPayload, onDisconnectPayload, onLoadDocumentPayload } from '@hocuspocus/server';

export type LogSink = (line: string) => void;

/** Logs ids, counts and codes; never a payload. */
export class LoggingExtension implements Extension {
  constructor(private readonly sink: LogSink = (l) => process.stdout.write(l + '\n')) {}

  private log(event: string, fields: Record<string, string | number | null>) {
    this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'info', service: 'collab', event, ...fields }));
  }

  async onConnect({ documentName, socketId }: onConnectPayload) {
    this.log('connect', { doc: documentName, socket: socketId });
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload) {
    this.log('load', { doc: documentName });
  }

  async onDisconnect({ documentName, socketId, clientsCount }: onDisconnectPayload) {
    this.log('disconnect', { doc: documentName, socket: socketId, clients: clientsCount });
  }
}
