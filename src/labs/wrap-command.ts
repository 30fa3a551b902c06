// The lab shell's `wrap-key-material` meta-command: what a learner does with openssl before ImportKeyMaterial
// (create 32 bytes of key material if there are none yet, wrap them with the wrapping public key), with the openssl lines shown.
import { wrapKeyMaterial } from '../kms/crypto/wrap.js';
import { EXIT } from '../exit-codes.js';

export const WRAP_USAGE = 'usage: wrap-key-material <public-key-file | get-parameters-for-import JSON file> <RSAES_OAEP_SHA_1|RSAES_OAEP_SHA_256|RSA_AES_KEY_WRAP_SHA_256> <output-file>\n';
export const MATERIAL_FILE = 'PlaintextKeyMaterial.bin';
export const TOKEN_FILE = 'ImportToken.bin';

function fromResponse(b: Uint8Array): { PublicKey: string; ImportToken?: string } | undefined {
  try {
    const j = JSON.parse(new TextDecoder().decode(b)) as { PublicKey?: unknown; ImportToken?: unknown };
    if (typeof j.PublicKey !== 'string') return undefined;
    return { PublicKey: j.PublicKey, ...(typeof j.ImportToken === 'string' ? { ImportToken: j.ImportToken } : {}) };
  } catch {
    return undefined;
  }
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Runs the meta-command on the lab's files (base64 by name); returns the text to print and an exit code. */
export function wrapCommand(args: string[], files: Record<string, string>, random: (n: number) => Uint8Array): { text: string; exitCode: number } {
  const [pubFile, alg, outFile] = args;
  if (!pubFile || !alg || !outFile) return { text: WRAP_USAGE, exitCode: EXIT.USAGE };
  if (!(pubFile in files)) {
    return { text: `no lab file ${pubFile}: save the PublicKey of get-parameters-for-import first (--query PublicKey --output text | base64 --decode > ${pubFile})\n`, exitCode: EXIT.FAILURE };
  }
  let text = '';
  if (!(MATERIAL_FILE in files)) {
    files[MATERIAL_FILE] = b64(random(32));
    text += `# openssl rand -out ${MATERIAL_FILE} 32\nCreated ${MATERIAL_FILE} (32 random bytes: your key material; keep it, you will need it to reimport).\n`;
  }
  let pub = new Uint8Array(Buffer.from(files[pubFile], 'base64'));
  const saved = fromResponse(pub);
  if (saved) {
    // The whole get-parameters-for-import answer (--output json > FILE): its public key and token belong together.
    pub = new Uint8Array(Buffer.from(saved.PublicKey, 'base64'));
    if (saved.ImportToken) {
      files[TOKEN_FILE] = saved.ImportToken;
      text += `Saved ${TOKEN_FILE} from the same response (use it with fileb://${TOKEN_FILE}).\n`;
    }
  }
  try {
    const out = wrapKeyMaterial(pub, alg, new Uint8Array(Buffer.from(files[MATERIAL_FILE], 'base64')), random);
    files[outFile] = b64(out.EncryptedKeyMaterial);
    const shown = out.openssl.replace(/EncryptedKeyMaterial\.bin/g, outFile).replace(/WrappingPublicKey\.bin/g, pubFile);
    return { text: `${text}${shown.split('\n').map((l) => `# ${l}`).join('\n')}\nWrote ${outFile} (${out.EncryptedKeyMaterial.length} bytes).\n`, exitCode: EXIT.OK };
  } catch (e) {
    return { text: `wrap-key-material: ${(e as Error).message}\n${WRAP_USAGE}`, exitCode: EXIT.FAILURE };
  }
}
