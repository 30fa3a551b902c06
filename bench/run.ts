// `npm run bench`: every benchmark of the project, one section each, with its target. Pass section names
// to run only some: `npm run bench -- engine policy`; `--quick` runs shorter versions where a section has one.
import { benchBanks } from './banks.js';
import { benchEngine, benchStore } from './engine.js';
import { benchPolicy } from './policy.js';
import { benchServer } from './server.js';
import { benchStartup } from './startup.js';

const SECTIONS: Record<string, () => Promise<string>> = {
  engine: () => benchEngine(),
  store: () => benchStore(),
  policy: () => benchPolicy(),
  startup: () => benchStartup(),
  banks: () => benchBanks(),
  server: () => benchServer(),
};

const wanted = process.argv.slice(2).filter((a) => a !== '--quick');
const unknown = wanted.filter((w) => !(w in SECTIONS));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(`kms-study benchmarks — Node ${process.version}, ${new Date().toISOString()}\n\n`);
for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
  process.stderr.write(`running ${name}…\n`);
  const started = performance.now();
  const out = await SECTIONS[name]();
  process.stdout.write(`${out}\n  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n\n`);
}
