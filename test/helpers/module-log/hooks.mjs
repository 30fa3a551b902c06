// Loader hooks for module-log/register.mjs: every module URL the ES module loader loads is posted back.
let port;
export function initialize(data) {
  port = data.port;
}
export async function load(url, context, next) {
  const result = await next(url, context);
  port.postMessage(url);
  return result;
}
