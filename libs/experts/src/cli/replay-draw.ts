// npm run draw:replay -- record.json   (the JSON of GET /expert-draws/:id/record; "-" reads standard input)
// Recomputes every round with the draw's algorithm and prints whether the record holds: exit 0 if it does, 1 if not, 2 on bad input.
import { readFileSync } from 'node:fs';
import { DRAW_RECORD_FORMAT, DRAW_RECORD_FORMAT_V1, DrawRecord, normaliseRecord, replayDraw } from '../rules/replay';

function main(argv: string[]): number {
  const file = argv[2];
  if (!file) {
    process.stderr.write('usage: draw-replay <record.json | ->\n');
    return 2;
  }
  let record: DrawRecord;
  try {
    const doc = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
    if (![DRAW_RECORD_FORMAT, DRAW_RECORD_FORMAT_V1].includes(doc?.format) || !Array.isArray(doc.rounds)) throw new Error(`not a ${DRAW_RECORD_FORMAT} (or ${DRAW_RECORD_FORMAT_V1}) document`);
    record = normaliseRecord(doc);
  } catch (err) {
    process.stderr.write(`cannot read the record: ${(err as Error).message}\n`);
    return 2;
  }
  const result = replayDraw(record);
  process.stdout.write(`rule ${result.rule} (${record.algorithm}): draw id ${result.binds.drawId ? 'bound' : 'NOT bound'}, avoided list ${result.binds.avoided ? 'bound' : 'NOT bound'}\n`);
  if (result.note) process.stdout.write(`v1  ${result.note.zh} / ${result.note.en}\n`);
  for (const c of result.checks) {
    const where = c.round === undefined ? '' : ` round ${c.round} ${c.specialty}`;
    process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}${where}${c.ok ? '' : `: expected ${JSON.stringify(c.expected)}, found ${JSON.stringify(c.actual)}`}\n`);
  }
  process.stdout.write(result.agrees ? `一致 / agrees: draw ${record.drawId} replays to the recorded experts\n` : `不一致 / DISAGREES: draw ${record.drawId} does not replay to its record\n`);
  return result.agrees ? 0 : 1;
}

process.exitCode = main(process.argv);
