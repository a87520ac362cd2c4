// Replace a file whole, synchronously: write a temporary file beside it, then rename it into place,
// so that a process reading meanwhile sees the old file or the new one, never half of one. Used by
// the caches (parsed trees, code caches, file durations); a failed write leaves no temporary file.
import {renameSync, rmSync, writeFileSync} from 'node:fs'

// Write `data` to `file` by rename; throws what the write or the rename threw.
export function replaceFile(file: string, data: string | Uint8Array, mode?: number): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, data, mode === undefined ? undefined : {mode})
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}
