/**
 * Durable writes: a file is written to a temporary name in its own folder, flushed to disk,
 * renamed over the target and the folder flushed, so after a crash at any moment the target holds
 * either the old content or the new, never a torn file, and a write that returned survives.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Temporary files carry this mark; a crash can leave one behind, and opening a workspace skips them. */
export const TEMP_MARK = '.tmp-';

/** Flushes a folder's entries (a rename or unlink in it) to disk. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = `${target}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.rename(temp, target);
  await syncDir(path.dirname(target));
}

export async function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  await writeFileAtomic(target, JSON.stringify(value, null, 1) + '\n');
}

/** Removes a file durably; a file already gone is not an error. */
export async function removeFile(target: string): Promise<void> {
  await fs.rm(target, { force: true });
  await syncDir(path.dirname(target));
}
