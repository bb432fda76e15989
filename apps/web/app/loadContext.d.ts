import 'react-router';

declare module 'react-router' {
  interface AppLoadContext {
    cspNonce: string;
    collabPort: number;
    collabPublicUrl: string | null;
    hasSession(): Promise<boolean>;
  }
}
