import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store, StoreSnapshot } from './store';

/** Loads the store from `path` when it exists; a missing file keeps the seed. `reset` deletes the file first. */
export async function loadDataFile(store: Store, path: string, reset: boolean): Promise<'restored' | 'seeded'> {
  if (reset) await rm(path, { force: true });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 'seeded';
  }
  try {
    store.restore(JSON.parse(text) as StoreSnapshot);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The saved data in ${path} cannot be read (${reason}); start with --reset to begin again`, {
      cause: error,
    });
  }
  return 'restored';
}

/** Writes the store to `path` atomically (temporary file, then rename), so a crash never leaves half a file. */
export async function saveDataFile(store: Store, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${String(process.pid)}.tmp`;
  await writeFile(temporary, JSON.stringify(store.snapshot()));
  await rename(temporary, path);
}
