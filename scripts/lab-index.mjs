// After tsc: the lab index (dist/lab-index.json) that lets `kms-study lab` list the labs without parsing them.
import { fileURLToPath } from 'node:url';
import { labIndexPath, writeLabIndex } from '../dist/src/cli/lab-index.js';
import { parseLab } from '../dist/src/labs/parse.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeLabIndex(`${root}labs`, labIndexPath(root), parseLab);
