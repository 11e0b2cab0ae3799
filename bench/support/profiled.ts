/**
 * Runs a compiled script of dist/ under the CPU profiler and writes a .cpuprofile when it exits (for a bench run by
 * hand: `node --cpu-prof` cannot be passed through NODE_OPTIONS to the processes a bench spawns).
 * Usage: BENCH_PROFILE_DIR=/tmp/prof node dist/bench/support/profiled.js apps/api/src/main.js
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
const write = () => {
  if (written) return;
  written = true;
  // The in-process session answers synchronously, so the profile is written before the process goes on or ends.
  session.post('Profiler.stop', (err, { profile }) => {
    if (!err) writeFileSync(join(process.env.BENCH_PROFILE_DIR ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(profile));
  });
};
process.on('exit', write);
process.prependListener('SIGTERM', write); // Nest's shutdown hook re-raises the signal: no 'exit' event then
const script = process.argv.splice(2, 1)[0];
require(join(__dirname, '..', '..', script));
