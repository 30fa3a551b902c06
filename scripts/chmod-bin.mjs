// tsc keeps the shebang but not the exec bit: make the bin runnable after a build.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli/bin.js', import.meta.url), 0o755);
