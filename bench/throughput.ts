/**
 * End-to-end throughput: read + recognise + validate + write JSON, files on disk, in reports/s.
 * Each measurement runs in a fresh child process, so none inherits another's heap or JIT state,
 * and every child warms its threads up before the clock starts (steady state is what a run over
 * thousands of files sees).
 *
 * Two engines do the same work: the worker pool (what `nianbao convert` runs) and plain loops
 * (N threads, each looping over its share of the files: no messages, no budgets), which is the
 * ceiling this machine allows for the pool.
 *
 * "1 core" is a child pinned to one CPU with `taskset`: V8 collects garbage on helper threads,
 * so a single worker thread on an otherwise idle machine already keeps about 1.2 cores busy.
 * The unpinned one-thread figure is printed too, with each run's CPU use, so both ratios show.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export type Engine = 'pool' | 'loops';

export interface RunConfig {
  readonly engine: Engine;
  readonly threads: number;
  /** Pin the child to one CPU. */
  readonly pinned: boolean;
}

export interface Throughput {
  readonly rate: number;
  /** CPU time of the whole child ÷ wall time, while timed (1 = one core busy). */
  readonly cores: number;
  /** Peak RSS of the child, MB. */
  readonly peakMb: number;
}

/**
 * Files each thread handles before the clock starts. V8 goes on optimising the pipeline for the
 * first several hundred reports (--trace-opt: ~280 functions in the first 100 reports, 30–40 per
 * 100 up to ~700, a handful after), and each worker thread pays that once; a run over thousands
 * of files does not notice, a short timed run would.
 */
const WARM_UP = 300;

export function canPin(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Runs one configuration over `files` in a child process. */
export function measureThroughput(files: readonly string[], config: RunConfig): Throughput {
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-files-')), 'files.json');
  fs.writeFileSync(list, JSON.stringify(files));
  const node = [process.execPath, path.join(__dirname, '../bin/run-ts.js'), __filename, 'child', JSON.stringify(config), list];
  const argv = config.pinned ? ['taskset', '-c', '0', ...node] : node;
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  fs.rmSync(path.dirname(list), { recursive: true, force: true });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`throughput child failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Throughput;
}

function convertTask(file: string, outDir: string, stem: string) {
  return { file, name: path.basename(file), options: {}, convert: { outDir, stem, formats: ['json'] } };
}

/** Times `work` on the wall clock and on the CPU clock of the whole process. */
async function timed(count: number, work: () => Promise<void>): Promise<Omit<Throughput, 'peakMb'>> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { rate: count / seconds, cores: (used.user + used.system) / 1e6 / seconds };
}

async function poolRun(files: readonly string[], threads: number, outDir: string): Promise<Omit<Throughput, 'peakMb'>> {
  const { ReportPool } = await import('../src/batch/pool');
  const pool = new ReportPool({ threads });
  await pool.ready();
  const runAll = async (list: readonly string[], tag: string) => {
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const i = next++;
        const r = await pool.run(convertTask(list[i], outDir, `${tag}${i}`));
        if (!r.ok) throw new Error(`${list[i]}: ${r.error.message}`);
      }
    };
    await Promise.all(Array.from({ length: threads * 2 }, lane));
  };
  await runAll(files.slice(0, WARM_UP * threads), 'warm');
  const result = await timed(files.length, () => runAll(files, 'r'));
  await pool.destroy();
  return result;
}

interface Share {
  readonly files: readonly string[];
  readonly outDir: string;
}

async function loopsRun(files: readonly string[], threads: number, outDir: string): Promise<Omit<Throughput, 'peakMb'>> {
  const workers = Array.from(
    { length: threads },
    (_, k) =>
      new Worker(
        `require(${JSON.stringify(path.join(__dirname, '../bin/ts-hook.js'))}); require(${JSON.stringify(__filename)});`,
        { eval: true, workerData: { files: files.filter((_, i) => i % threads === k), outDir } satisfies Share },
      ),
  );
  const all = (message: string) =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.on('error', reject);
            w.on('message', (m) => m === message && resolve());
          }),
      ),
    );
  await all('ready');
  const result = await timed(files.length, async () => {
    const done = all('done');
    for (const w of workers) w.postMessage('go');
    await done;
  });
  await Promise.all(workers.map((w) => w.terminate()));
  return result;
}

/** A plain-loop thread: warms up, says ready, then on 'go' converts its share and says done. */
function loopThread({ files, outDir }: Share): void {
  const base = path.basename;
  void (async () => {
    const { runTask } = await import('../src/batch/worker');
    for (const [i, f] of files.slice(0, WARM_UP).entries()) await runTask(convertTask(f, outDir, `warm-${base(f)}-${i}`));
    parentPort!.postMessage('ready');
    parentPort!.once('message', async () => {
      for (const [i, f] of files.entries()) await runTask(convertTask(f, outDir, `${base(f)}-${i}`));
      parentPort!.postMessage('done');
    });
  })();
}

async function child(config: RunConfig, files: readonly string[]): Promise<void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-throughput-'));
  try {
    const run = config.engine === 'pool' ? poolRun : loopsRun;
    const result = await run(files, config.threads, outDir);
    console.log(JSON.stringify({ ...result, peakMb: process.resourceUsage().maxRSS / 1024 } satisfies Throughput));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (!isMainThread && workerData?.outDir) loopThread(workerData as Share);
else if (isMainThread && process.argv[2] === 'child') {
  const files = JSON.parse(fs.readFileSync(process.argv[4], 'utf8')) as string[];
  void child(JSON.parse(process.argv[3]) as RunConfig, files).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Rounds of every configuration, interleaved: this machine's speed drifts by tens of percent. */
export const ROUNDS = 5;

/** Passes over the corpus per run, so that each run lasts a few seconds. */
const PASSES = 2;

const CONFIGS = {
  pool1: { engine: 'pool', threads: 1, pinned: true },
  poolN: { engine: 'pool', threads: 0, pinned: false },
  pool1free: { engine: 'pool', threads: 1, pinned: false },
  loops1: { engine: 'loops', threads: 1, pinned: true },
  loopsN: { engine: 'loops', threads: 0, pinned: false },
} as const satisfies Record<string, RunConfig>;

type Round = Partial<Record<keyof typeof CONFIGS, Throughput>>;

/**
 * Prints the pool's and the plain loops' throughput on 1 core and on all cores. Ratios are taken
 * within each round (runs next to each other in time), then their median and range are shown.
 */
export function printScaling(corpus: readonly string[], cores: number): void {
  const files = Array.from({ length: PASSES }, () => corpus).flat();
  const pin = canPin();
  const rounds: Round[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const round: Round = {};
    for (const [name, config] of Object.entries(CONFIGS) as [keyof typeof CONFIGS, RunConfig][]) {
      if (!config.pinned || pin) round[name] = measureThroughput(files, { ...config, threads: config.threads || cores });
    }
    rounds.push(round);
  }
  const rate = (name: keyof Round) => {
    const runs = rounds.map((r) => r[name]).filter((r): r is Throughput => !!r);
    if (!runs.length) return '— (no taskset)';
    return `${median(runs.map((r) => r.rate)).toFixed(0)} reports/s, CPU ${median(runs.map((r) => r.cores)).toFixed(2)} cores`;
  };
  const ratio = (top: keyof Round, bottom: keyof Round) => {
    const xs = rounds.filter((r) => r[top] && r[bottom]).map((r) => r[top]!.rate / r[bottom]!.rate);
    return xs.length ? `${median(xs).toFixed(2)}× (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : '—';
  };
  console.log(
    `| | 1 core (pinned, 1 thread) | 1 thread, unpinned | ${cores} cores, ${cores} threads | ${cores} cores ÷ 1 core | ${cores} threads ÷ 1 thread unpinned |`,
  );
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| worker pool (nianbao convert) | ${rate('pool1')} | ${rate('pool1free')} | ${rate('poolN')} | ${ratio('poolN', 'pool1')} | ${ratio('poolN', 'pool1free')} |`,
  );
  console.log(`| ceiling: plain loops, no pool | ${rate('loops1')} | | ${rate('loopsN')} | ${ratio('loopsN', 'loops1')} | |`);
  const peak = Math.max(...rounds.map((r) => r.poolN?.peakMb ?? 0));
  console.log(`peak RSS of the ${cores}-thread pool process: ${peak.toFixed(0)} MB`);
}
