// Reads the SQL migrations folder: one file per revision, applied in file-name order.
import {readdir, readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import path from 'node:path'

export const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url))

// The revisions in order, each with its id (the file name without `.sql`) and its SQL.
export async function listMigrations (dir = migrationsDir) {
  const names = (await readdir(dir)).filter(name => name.endsWith('.sql')).sort()
  const revisions = []
  for (const name of names) {
    revisions.push({id: name.slice(0, -4), sql: await readFile(path.join(dir, name), 'utf8')})
  }
  return revisions
}
