import { afterEach, beforeEach, describe } from 'vitest';
import { accessContract } from './contract/accessContract.ts';
import { accountContract } from './contract/accountContract.ts';
import { blobContract } from './contract/blobContract.ts';
import { documentContract } from './contract/documentContract.ts';
import { ephemeralContract } from './contract/ephemeralContract.ts';
import { fileContract } from './contract/fileContract.ts';
import { lifecycleContract } from './contract/lifecycleContract.ts';
import { quotaContract } from './contract/quotaContract.ts';
import { rateLimitContract } from './contract/rateLimitContract.ts';
import { sessionContract } from './contract/sessionContract.ts';
import { settingsContract } from './contract/settingsContract.ts';
import { snapshotContract } from './contract/snapshotContract.ts';
import { transactionContract } from './contract/transactionContract.ts';
import type { StorageHarness } from './StorageHarness.ts';

/**
 * The behaviour every storage adapter must show. Each test gets a fresh, empty storage from
 * `makeStorage`; optional harness hooks (`reopen`, `blobFiles`) switch on the tests that need
 * them.
 */
export function runStorageContract(name: string, makeStorage: () => Promise<StorageHarness>): void {
  describe(name, () => {
    let harness: StorageHarness | undefined;
    const current = (): StorageHarness => {
      if (!harness) throw new Error('storage harness is not set up');
      return harness;
    };

    beforeEach(async () => {
      harness = await makeStorage();
    });
    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    });

    accountContract(current);
    sessionContract(current);
    rateLimitContract(current);
    ephemeralContract(current);
    documentContract(current);
    snapshotContract(current);
    fileContract(current);
    accessContract(current);
    quotaContract(current);
    settingsContract(current);
    transactionContract(current);
    blobContract(current);
    lifecycleContract(current);
  });
}
