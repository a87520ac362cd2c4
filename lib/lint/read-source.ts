// Read a file for lint through the one reader of user-named files (lib/read-file.ts): only regular
// files (a symlink to /dev/zero or a FIFO would never end), at most `maxLintBytes`, so one hostile
// file cannot take the whole run's memory. Standard input gets the same cap.
import {FileReadError, readRegularTextSync} from '../read-file.js'

// The largest document lint reads (10 MiB: far more than any hand-written document).
export const maxLintBytes = 10 * 1024 * 1024

// The text of `absolute`, or a message (naming it as `name`) saying why it was not read.
export function readSource(absolute: string, name: string): {source: string} | {error: string} {
  try {
    return {source: readRegularTextSync(absolute, {maxBytes: maxLintBytes})}
  } catch (error) {
    if (!(error instanceof FileReadError)) return {error: `cannot read ${name}: ${(error as Error).message}`}
    if (error.code === 'RUNBOOK_ERR_NOT_A_FILE') return {error: `${name}: ${error.message}; lint reads only regular files`}
    if (error.code === 'RUNBOOK_ERR_FILE_TOO_LARGE') return {error: `${name}:1:1: ${error.message}`}
    return {error: `cannot read ${name}: ${error.message}`}
  }
}

// Read a stream (standard input) up to `maxLintBytes`.
export async function readStreamSource(stream: AsyncIterable<Buffer | string>, name: string): Promise<{source: string} | {error: string}> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > maxLintBytes) return {error: `${name}:1:1: larger than 10 MiB, the most lint reads`}
    chunks.push(buffer)
  }
  return {source: Buffer.concat(chunks).toString('utf8')}
}
