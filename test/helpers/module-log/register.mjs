// `node --import <this file> ...` writes every module the process loaded (ES imports through loader hooks,
// require() calls through Module._load) to the file named by KMS_STUDY_MODULE_LOG when it exits. Tests use it
// to check which libraries a command loads, without timing anything.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const loaded = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.push(url));
port1.unref();
register('./hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  loaded.push(`require:${request}`);
  return originalLoad.call(this, request, parent, isMain);
};
process.on('exit', () => appendFileSync(process.env.KMS_STUDY_MODULE_LOG, `${loaded.join('\n')}\n`));
