import type { ChatAuthorKeys } from '@coffre/docs';
import type { ChatPerson } from './chatPerson.ts';

/**
 * The author keys a reader has pinned, counting look-ups: ChatRoom looks a
 * key up once per record it opens, right before checking its signature, so
 * the count is the number of signatures an open checked.
 */
export function countingKeyDirectory(people: readonly ChatPerson[]): { keys: ChatAuthorKeys; lookups: () => number } {
  const byId = new Map(people.map((p) => [p.userId, p.publicKey]));
  let n = 0;
  return {
    keys: {
      get: (id) => {
        n++;
        return byId.get(id) ?? null;
      },
    },
    lookups: () => n,
  };
}
