// The envelope wire protocol: everything the collab server may know about
// documents. No document keys and no plaintext here.
export { DocError, type DocErrorCode } from './DocError.ts';
export { ENVELOPE, ZERO_HASH } from './envelopeLayout.ts';
export type { DecodedEnvelope, EnvelopeHeader } from './EnvelopeHeader.ts';
export { encodeEnvelopeHeader } from './encodeEnvelopeHeader.ts';
export { decodeEnvelope } from './decodeEnvelope.ts';
export { deviceCertMessage } from './deviceCertMessage.ts';
export { verifyEnvelope } from './verifyEnvelope.ts';
export { envelopeHash } from './envelopeHash.ts';
export { commitGuardState, forgetAppliedItems, loadGuardState, type DeviceChain, type GuardCommit, type GuardState } from './GuardState.ts';
export { OTHER_AUTHOR, validateIncomingUpdate, type Writer } from './validateIncomingUpdate.ts';
export { readPublicBundleIdentityKey } from './readPublicBundleIdentityKey.ts';
/** The wire checks verify signatures: call once before using them. */
export { initCrypto as initWire } from '@coffre/crypto';
export type { CoveredEntry, DecodedSnapshot, SnapshotHeader } from './SnapshotHeader.ts';
export { MAX_SNAPSHOT_BYTES, decodeSnapshot, encodeSnapshotHeader, verifySnapshot } from './snapshotCodec.ts';
export { EMPTY_META, readEnvelopeMeta, writeEnvelopeMeta, type EnvelopeMeta } from './envelopeMeta.ts';
export { coveredRecord, pruneCoveredEnvelopes, validateSnapshot } from './snapshotRules.ts';
