// Allowed-states rows of Sign, Verify, GetPublicKey, GenerateMac and VerifyMac, called on an ECC / HMAC key forced
// into every state; expectations come from the one table and from an independent transcription of AWS's table.
import { describe, expect, it } from '@jest/globals';
import { KmsException } from '../../src/kms/errors.js';
import { KEY_STATES, ruleFor, type KeyState } from '../../src/kms/model/key-states.js';
import { anEngine, bytes } from './builder.js';

// Columns En, Dis, PendDel, PendImp, Unavail, Creating, Updating (PendImp/Unavail are N/A in AWS's table: allowed here).
const AWS_ROW = '. D I . . I .';
const CODE: Record<string, string | undefined> = { '.': undefined, D: 'DisabledException', I: 'KMSInvalidStateException' };
const COLUMNS: KeyState[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'Unavailable', 'Creating', 'Updating'];
const RULE_CODE: Record<string, string | undefined> = { ok: undefined, disabled: 'DisabledException' };

function setup(state: KeyState) {
  const base = anEngine().withKey({ keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' }).withKey({ keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }).build();
  const [ecc, mac] = base.keys;
  const sig = base.exec('Sign', { KeyId: ecc, Message: bytes('m'), SigningAlgorithm: 'ECDSA_SHA_256' }).Signature;
  const tag = base.exec('GenerateMac', { KeyId: mac, Message: bytes('m'), MacAlgorithm: 'HMAC_SHA_256' }).Mac;
  const built = state === 'Enabled' ? base : base.force(ecc, state).force(mac, state);
  return { built, ecc, mac, sig, tag };
}

type S = ReturnType<typeof setup>;
const CALLS: Record<string, (s: S) => [string, Record<string, unknown>]> = {
  Sign: (s) => [s.ecc, { KeyId: s.ecc, Message: bytes('m'), SigningAlgorithm: 'ECDSA_SHA_256' }],
  Verify: (s) => [s.ecc, { KeyId: s.ecc, Message: bytes('m'), Signature: s.sig, SigningAlgorithm: 'ECDSA_SHA_256' }],
  GetPublicKey: (s) => [s.ecc, { KeyId: s.ecc }],
  GenerateMac: (s) => [s.mac, { KeyId: s.mac, Message: bytes('m'), MacAlgorithm: 'HMAC_SHA_256' }],
  VerifyMac: (s) => [s.mac, { KeyId: s.mac, Message: bytes('m'), Mac: s.tag, MacAlgorithm: 'HMAC_SHA_256' }],
};

describe('allowed key states: signing and MAC operations', () => {
  it.each(Object.keys(CALLS))('%s', (op) => {
    for (const state of KEY_STATES) {
      const s = setup(state);
      const [arn, req] = CALLS[op](s);
      let code: string | undefined;
      try {
        s.built.exec(op, req);
      } catch (e) {
        if (!(e instanceof KmsException)) throw e;
        code = e.code;
        expect(e.message).toContain(arn);
      }
      const rule = ruleFor(op, state);
      const fromTable = rule in RULE_CODE ? RULE_CODE[rule] : 'KMSInvalidStateException';
      const col = COLUMNS.indexOf(state === 'PendingReplicaDeletion' ? 'PendingDeletion' : state);
      expect({ state, code }).toEqual({ state, code: fromTable });
      expect({ state, code }).toEqual({ state, code: CODE[AWS_ROW.split(' ')[col]] });
    }
  });
});
