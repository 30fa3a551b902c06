// Which command lines the executable runs on a start-up fast path (fast-paths.ts says why and how). Kept apart so
// bin.ts can ask without loading the fast path's bundle.

export interface FastCommand {
  command: 'lab-list' | 'stats';
  /** `lab list` (a lab whose id is "list" would be run instead: the full CLI then takes over). */
  list: boolean;
  json: boolean;
  color: boolean;
}

/** The fast command `args` names, or undefined when the full CLI must parse them. */
export function fastCommand(args: readonly string[]): FastCommand | undefined {
  const rest = [...args];
  let color = true;
  if (rest[0] === '--no-color') {
    color = false;
    rest.shift();
  }
  const json = rest[rest.length - 1] === '--json';
  if (json) rest.pop();
  if (rest.length === 1 && rest[0] === 'stats') return { command: 'stats', list: false, json, color };
  if (rest[0] === 'lab' && (rest.length === 1 || (rest.length === 2 && rest[1] === 'list')))
    return { command: 'lab-list', list: rest.length === 2, json, color };
  return undefined;
}
