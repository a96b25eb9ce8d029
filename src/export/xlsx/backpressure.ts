/**
 * Backpressure for exceljs' streaming writer. Its sheet streams push rows into the zip compressor
 * without waiting, so a writer faster than the compressor piles the whole sheet up in memory. We
 * wait for the compressor to drain instead. This looks at two internals of exceljs 4 (a sheet's
 * `stream`, and that stream's `pipes` / `buffers`); without them it only yields to the event loop.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Worksheet } from 'exceljs';

interface SheetStream {
  readonly pipes?: readonly Writable[];
  readonly buffers?: readonly unknown[];
}

// Never wait forever: a stalled zip must not hang a batch (memory then grows instead).
const MAX_WAIT_MS = 30_000;

const tick = (ms = 0) => new Promise((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));

export async function drained(ws: Worksheet): Promise<void> {
  const stream = (ws as unknown as { stream?: SheetStream }).stream;
  const started = Date.now();
  const late = () => Date.now() - started > MAX_WAIT_MS;
  // The zip has not reached this sheet yet (an earlier entry is still being compressed).
  while (stream && !stream.pipes?.length && (stream.buffers?.length ?? 0) > 1 && !late()) await tick(5);
  for (const pipe of stream?.pipes ?? []) {
    if (pipe.writableNeedDrain && !late()) await Promise.race([once(pipe, 'drain'), tick(MAX_WAIT_MS)]);
  }
  await tick();
}
