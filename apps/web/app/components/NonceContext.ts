import { createContext } from 'react';

/** The CSP nonce of this response; undefined in the browser. */
export const NonceContext = createContext<string | undefined>(undefined);
