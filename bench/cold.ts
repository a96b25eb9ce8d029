/**
 * Cold start, as a user meets it: the installed command (bin/nianbao.js running dist/, so `npm run
 * build` first) in fresh processes, nothing warmed up.
 * - one file: `nianbao convert one.docx --to json`, wall time, and where it goes (cold-timeline.js);
 * - a batch of 360 reports from cold, both cores busy: CPU of the whole process per report with the
 *   start-up taken off (the CPU of the same command on one file per worker: the process and its whole
 *   pool brought up), against the floor (unzip + one SAX pass) twice:
 *   warm (one thread, after many passes), and cold in the batch's own conditions (cold-stages.js floor: a
 *   fresh process, the same threads, the same files read from disk, its own start-up taken off).
 * - where the cold batch's cost goes: the pipeline cut after each stage (cold-stages.js: read, then
 *   recognise, validate, JSON written) in the same conditions, cumulative per report.
 * Each figure is the median of ROUNDS interleaved runs; the machine's other load shows in them.
 * Every run writes into a folder of its own, and all are removed at the end: removing 360 files
 * just before creating 360 more makes ext4 search its recently freed inodes on every create, a cost
 * of the benchmark, not of the command.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultThreads } from '../src/batch/pool';

const BIN = path.join(__dirname, '../bin/nianbao.js');
const BATCH = 360;
const ROUNDS = 5;

interface Run {
  readonly wallMs: number;
  /** User + system CPU of the process and its threads. */
  readonly cpuMs: number;
}

/** Runs `args` under node in a fresh process, timed by /usr/bin/time. */
function timedRun(args: readonly string[]): Run {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU=%U %S', process.execPath, ...args], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = /CPU=([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !cpu) throw new Error(`cold run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { wallMs, cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 };
}

/** Runs `nianbao convert` on `inputs` in a fresh process, into a new folder under `outRoot`. */
function convertRun(inputs: readonly string[], outRoot: string): Run {
  return timedRun([BIN, 'convert', ...inputs, '--out', fs.mkdtempSync(path.join(outRoot, 'run-')), '--to', 'json']);
}

/** Moments of a single-file run, ms from the process's start (bench/cold-timeline.js). */
interface Timeline {
  readonly boot: number;
  readonly workerStarted: number;
  readonly workerOnline: number;
  readonly workerReady: number;
  readonly firstResult: number;
  readonly exit: number;
}

function timelineRun(input: string, outRoot: string): Timeline {
  const out = fs.mkdtempSync(path.join(outRoot, 'run-'));
  const r = spawnSync(
    process.execPath,
    [path.join(__dirname, 'cold-timeline.js'), 'convert', input, '--out', out, '--to', 'json'],
    {
      encoding: 'utf8',
    },
  );
  const line = /TIMELINE=(.*)/.exec(r.stderr);
  if (r.status !== 0 || !line) throw new Error(`timeline run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line[1]) as Timeline;
}

/** The single-file run's phases, median of each. */
function printTimeline(runs: readonly Timeline[]): void {
  const phase = (from: keyof Timeline, to: keyof Timeline) => median(runs.map((t) => t[to] - t[from])).toFixed(0);
  console.log(
    `  where it goes (median): Node starts ${median(runs.map((t) => t.boot)).toFixed(0)} ms, the command until it asks for a worker ${phase('boot', 'workerStarted')} ms; ` +
      `meanwhile the worker's thread starts ${phase('workerStarted', 'workerOnline')} ms, loads the pipeline ${phase('workerOnline', 'workerReady')} ms, ` +
      `reads the file ${phase('workerReady', 'firstResult')} ms; the command ends ${phase('firstResult', 'exit')} ms later`,
  );
}

/** The floor, or the pipeline up to `stage`, on `files` in a fresh process with the pool's threads (bench/cold-stages.js). */
function stageRun(stage: Stage | 'floor', files: readonly string[], outRoot: string): Run {
  const out = fs.mkdtempSync(path.join(outRoot, 'stage-'));
  return timedRun([
    path.join(__dirname, 'cold-stages.js'),
    stage,
    String(Math.min(files.length, defaultThreads())),
    out,
    ...files,
  ]);
}

const STAGES = ['read', 'recognise', 'validate', 'json'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_LABEL: Record<Stage, string> = {
  read: 'read',
  recognise: '+ recognise',
  validate: '+ validate',
  json: '+ JSON written',
};

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: readonly number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** Prints the single-file wall time and the cold batch's CPU per report ÷ floor. */
export function printColdStart(corpus: readonly string[], floorMs: number, dir: string): void {
  if (!fs.existsSync(path.join(__dirname, '../dist/cli/main.js'))) {
    console.log('cold start: skipped (no dist/: run npm run build)');
    return;
  }
  const batch = path.join(dir, `cold-${BATCH}`);
  fs.mkdirSync(batch, { recursive: true });
  for (let i = 0; i < BATCH; i++) fs.linkSync(corpus[i % corpus.length], path.join(batch, `r${String(i).padStart(3, '0')}.docx`));
  const batchFiles = fs.readdirSync(batch).map((f) => path.join(batch, f));
  const outRoot = fs.mkdtempSync(path.join(dir, 'cold-out-'));
  const threads = Math.min(BATCH, defaultThreads());
  const one: Run[] = [];
  const many: Run[] = [];
  const startUp: Run[] = [];
  const floorStartUp: Run[] = [];
  const floorMany: Run[] = [];
  const timelines: Timeline[] = [];
  const stageCost: Partial<Record<Stage, number[]>> = {};
  for (let k = 0; k < ROUNDS; k++) {
    // One file per worker: the start-up of the process and of its whole pool, then one file each.
    const perWorker = corpus.slice(k, k + threads);
    one.push(convertRun([corpus[k % corpus.length]], outRoot));
    timelines.push(timelineRun(corpus[k % corpus.length], outRoot));
    startUp.push(convertRun(perWorker, outRoot));
    many.push(convertRun([batch], outRoot));
    floorStartUp.push(stageRun('floor', perWorker, outRoot));
    floorMany.push(stageRun('floor', batchFiles, outRoot));
    for (const stage of STAGES) {
      const [few, all] = [stageRun(stage, perWorker, outRoot), stageRun(stage, batchFiles, outRoot)];
      (stageCost[stage] ??= []).push((all.cpuMs - few.cpuMs) / (BATCH - threads));
    }
  }
  fs.rmSync(outRoot, { recursive: true, force: true });
  const perReport = many.map((m, k) => (m.cpuMs - startUp[k].cpuMs) / (BATCH - threads));
  const coldFloor = median(floorMany.map((m, k) => (m.cpuMs - floorStartUp[k].cpuMs) / (BATCH - threads)));
  console.log(
    `one file, fresh process (nianbao convert --to json): wall ${median(one.map((r) => r.wallMs)).toFixed(0)} ms ` +
      `(${range(one.map((r) => r.wallMs))}), CPU ${median(one.map((r) => r.cpuMs)).toFixed(0)} ms`,
  );
  printTimeline(timelines);
  console.log(
    `${BATCH} reports from cold, both cores: wall ${(median(many.map((r) => r.wallMs)) / 1000).toFixed(1)} s, ` +
      `CPU per report (start-up excluded) ${median(perReport).toFixed(2)} ms = ${(median(perReport) / floorMs).toFixed(1)}× the floor ` +
      `(${(Math.min(...perReport) / floorMs).toFixed(1)}–${(Math.max(...perReport) / floorMs).toFixed(1)}×) warm, ` +
      `${(median(perReport) / coldFloor).toFixed(1)}× the floor cold in the same conditions (${coldFloor.toFixed(2)} ms per report)`,
  );
  const cut = (stage: Stage) => {
    const ms = median(stageCost[stage]!);
    return `${STAGE_LABEL[stage]} ${ms.toFixed(2)} ms (${(ms / coldFloor).toFixed(1)}×)`;
  };
  console.log(
    `  where it goes, cold, cumulative CPU per report (÷ the cold floor): ${STAGES.map(cut).join('; ')}; the command ${median(perReport).toFixed(2)} ms`,
  );
}
