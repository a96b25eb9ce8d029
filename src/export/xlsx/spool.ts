/**
 * A temporary file of JSON lines. The streaming summary cannot write two sheets at once, so rows of
 * the later sheets (findings, failed files) wait here instead of in memory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

export class Spool<T> {
  private readonly dir: string;
  private readonly file: string;
  private fd: number | null;
  count = 0;

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-'));
    this.file = path.join(this.dir, `${name}.jsonl`);
    this.fd = fs.openSync(this.file, 'w');
  }

  push(item: T): void {
    if (this.fd === null) throw new Error('spool closed');
    fs.writeSync(this.fd, `${JSON.stringify(item)}\n`);
    this.count++;
  }

  /** The items in the order pushed; the spool takes no more items after this. */
  async *items(): AsyncGenerator<T> {
    this.close();
    const lines = readline.createInterface({ input: fs.createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  remove(): void {
    this.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
