import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLabIndex, labSummaries, readLabIndex, summaryOf, textHash, writeLabIndex, type ParseLab } from '../../src/cli/lab-index.js';
import { parseLab } from '../../src/labs/parse.js';
import { loadLabs } from '../../src/storage/lab-session.js';

const LABS = fileURLToPath(new URL('../../labs/', import.meta.url));

/** A copy of three shipped labs in a temp folder, with its index. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kms-study-labindex-'));
  const labs = join(dir, 'labs');
  mkdirSync(labs);
  for (const f of ['create-key.yaml', 'key-deletion.yaml', 'grants.yaml']) copyFileSync(join(LABS, f), join(labs, f));
  const indexFile = join(dir, 'lab-index.json');
  writeLabIndex(labs, indexFile, parseLab);
  // As after a build: the lab files older than the index (file times are coarse, so the test sets them).
  const now = Date.now() / 1000;
  for (const f of ['create-key.yaml', 'key-deletion.yaml', 'grants.yaml']) utimesSync(join(labs, f), now - 20, now - 20);
  utimesSync(indexFile, now - 10, now - 10);
  let calls = 0;
  const counting = async (): Promise<ParseLab> => (text, file) => {
    calls++;
    return parseLab(text, file);
  };
  return { labs, indexFile, counting, calls: () => calls };
}

describe('the lab index', () => {
  it('lists every lab from the index without parsing any, exactly as a full load summarises them', async () => {
    const { labs, indexFile, counting, calls } = setup();
    const r = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(0);
    expect(r.parsed).toBe(0);
    expect(r.labs).toEqual(loadLabs(labs).labs.map(summaryOf));
    expect(r.errors).toEqual([]);
  });

  it('parses a file whose text changed since the build, and shows its new content', async () => {
    const { labs, indexFile, counting, calls } = setup();
    const file = join(labs, 'key-deletion.yaml');
    const text = readFileSync(file, 'utf8');
    const title = /^title: (.*)$/m.exec(text)![1];
    writeFileSync(file, text.replace(`title: ${title}`, 'title: A renamed lab title'));
    const r = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(1);
    expect(r.labs.find((l) => l.id === 'key-deletion')!.title).toBe('A renamed lab title');
    expect(r.labs.map((l) => l.title)).not.toContain(title);
  });

  it('parses a change of the same length too (the CRC of the text, not only its size, is compared)', async () => {
    const { labs, indexFile, counting, calls } = setup();
    const file = join(labs, 'grants.yaml');
    const text = readFileSync(file, 'utf8');
    const swapped = text.replace(/^level: (\w+)$/m, (_, l: string) => `level: ${l === 'beginner' ? 'advanced' : 'beginner'}`.slice(0, `level: ${l}`.length));
    writeFileSync(file, swapped);
    expect(swapped.length).toBe(text.length);
    expect(textHash(swapped)).not.toBe(textHash(text));
    await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(1);
  });

  it('parses a new file and reports a broken one as a full load does', async () => {
    const { labs, indexFile, counting, calls } = setup();
    copyFileSync(join(LABS, 'key-rotation.yaml'), join(labs, 'key-rotation.yaml'));
    writeFileSync(join(labs, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    const r = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(2);
    const full = loadLabs(labs);
    expect(r.labs).toEqual(full.labs.map(summaryOf));
    expect(r.errors.map((e) => e.message)).toEqual(full.errors.map((e) => e.message));
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it('without an index, or with one of another format, parses every lab', async () => {
    const { labs, indexFile, counting, calls } = setup();
    const none = await labSummaries(labs, readLabIndex(join(labs, 'no-such-index.json')), counting);
    expect(calls()).toBe(3);
    writeFileSync(indexFile, JSON.stringify({ format: 'something-else', entries: buildLabIndex(labs, parseLab).entries }));
    const other = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(6);
    expect(other.labs).toEqual(none.labs);
  });

  it('reads no lab file whose size matches its entry and that is not newer than the index (an installed copy: all files one time)', async () => {
    const { labs, indexFile, counting, calls } = setup();
    const file = join(labs, 'grants.yaml');
    const text = readFileSync(file, 'utf8');
    // Same size, other text, and the index's own time: the listing trusts the index (the lab runner parses the file).
    writeFileSync(file, text.replace(/^title: .*$/m, (t) => `title: ${'X'.repeat(t.length - 7)}`));
    const t = statSync(indexFile).mtime;
    utimesSync(file, t, t);
    const r = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(0);
    expect(r.labs.find((l) => l.id === 'grants')!.title).toBe(/^title: (.*)$/m.exec(text)![1]);
    // One second newer than the index: read, found changed, parsed.
    utimesSync(file, new Date(t.getTime() + 1000), new Date(t.getTime() + 1000));
    const again = await labSummaries(labs, readLabIndex(indexFile), counting);
    expect(calls()).toBe(1);
    expect(again.labs.find((l) => l.id === 'grants')!.title).toMatch(/^X+$/);
  });

  it('keeps byte sizes: a file of multi-byte characters is matched by its bytes, not its length in characters', () => {
    const { labs } = setup();
    const file = join(labs, 'grants.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: Grants — who may use a key'));
    const entry = buildLabIndex(labs, parseLab).entries.find((e) => e.file === 'grants.yaml')!;
    expect(entry.size).toBe(statSync(file).size);
    expect(entry.size).toBeGreaterThan(readFileSync(file, 'utf8').length);
  });

  it('indexes only files that parse cleanly', () => {
    const { labs } = setup();
    writeFileSync(join(labs, 'broken.yaml'), 'id: broken\n');
    expect(buildLabIndex(labs, parseLab).entries.map((e) => e.file)).toEqual(['create-key.yaml', 'grants.yaml', 'key-deletion.yaml']);
  });
});
