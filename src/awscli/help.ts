// `aws help`, `aws kms help` and `aws kms <operation> help`: plain-text help from the operation model.
import { SERVICES, findOperation, isService, kebab, type Shape } from './model/index.js';
import { EXAMPLES } from './examples.js';

function typeLabel(shape: Shape): string {
  switch (shape.type) {
    case 'list':
      return `list of ${typeLabel(shape.member)}`;
    case 'map':
      return `map (${typeLabel(shape.key)} to ${typeLabel(shape.value)})`;
    case 'structure':
      return `structure {${Object.keys(shape.members).join(', ')}}`;
    case 'string':
      return shape.enum ? 'string (enum)' : 'string';
    default:
      return shape.type;
  }
}

function example(name: string, shape: Shape): string {
  switch (shape.type) {
    case 'boolean':
      return `--${name} | --no-${name}`;
    case 'map':
      return `--${name} Key1=Value1,Key2=Value2  (or JSON)`;
    case 'blob':
      return `--${name} <base64> | fileb://FILE`;
    case 'list':
      return shape.member.type === 'structure'
        ? `--${name} ${Object.keys(shape.member.members).map((k) => `${k}=...`).join(',')} ...  (or JSON)`
        : `--${name} <value> [<value> ...]`;
    case 'structure':
      return `--${name} ${Object.keys(shape.members).map((k) => `${k}=...`).join(',')}  (or JSON)`;
    case 'timestamp':
      return `--${name} <ISO 8601 or epoch seconds>`;
    default:
      return `--${name} <${shape.type === 'string' ? 'value' : shape.type}>`;
  }
}

export function operationHelp(service: string, cliOperation: string): string {
  if (!isService(service)) {
    const lines = Object.entries(SERVICES).map(([name, s]) => `  ${name.padEnd(12)}${s.title}`);
    return `aws (kms-study sandbox)\n\nusage: aws [options] <command> <subcommand> [parameters]\n\nAvailable services:\n${lines.join('\n')}\n\nGlobal options: --region, --profile, --output json|text|table, --query, --no-paginate,\n--max-items, --starting-token, --page-size, --cli-binary-format base64|raw-in-base64-out\n`;
  }
  const svc = SERVICES[service];
  const model = cliOperation ? findOperation(service, cliOperation) : undefined;
  if (!model) {
    const ops = svc.operations.map((o) => `  ${kebab(o.name).padEnd(42)}${o.doc}`);
    return `${service}: ${svc.title}\n\nusage: aws ${service} <operation> [parameters]\n\nAvailable operations:\n${ops.join('\n')}\n`;
  }
  const lines = [`${service} ${cliOperation}  (${model.name})`, '', model.doc, '', 'Synopsis:', `  aws ${service} ${cliOperation}`];
  const members = Object.entries(model.input.members);
  for (const [m, shape] of members) {
    const req = model.input.required.includes(m);
    lines.push(`    ${req ? '' : '['}${example(kebab(m), shape)}${req ? '' : ']'}`);
  }
  if (members.length) {
    lines.push('', 'Options:');
    for (const [m, shape] of members) {
      const req = model.input.required.includes(m) ? 'required' : 'optional';
      lines.push(`  --${kebab(m)} (${typeLabel(shape)}, ${req})`);
      if (shape.type === 'string' && shape.enum) lines.push(`      one of: ${shape.enum.join(', ')}`);
      if (shape.type === 'list' && shape.member.type === 'string' && shape.member.enum) lines.push(`      each one of: ${shape.member.enum.join(', ')}`);
    }
  }
  const examples = EXAMPLES[`${service} ${cliOperation}`];
  if (examples) lines.push('', 'Examples:', ...examples.map((e) => `  ${e}`));
  if (model.paginator)
    lines.push('', `Paginated: the CLI fetches every page of ${model.paginator.resultKey}; limit with --max-items, resume with --starting-token.`);
  return `${lines.join('\n')}\n`;
}
