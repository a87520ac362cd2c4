// Run the CLI's `main(argv, io)` in this process with captured output: the same code path as
// `bin/runbook.js` minus process start-up, for the many small CLI cases.
import {Writable, Readable} from 'node:stream'
import {main} from '../../lib/cli/main.js'

// Exit code and output of one in-process CLI call.
export async function runMain(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(String(chunk))
        callback()
      },
    })
  const code = await main(args, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin: Readable.from([]),
    // PATH as the user has it: run checks that each step's shell is installed before it starts.
    env: {PATH: process.env.PATH, NO_COLOR: '1', ...env},
    cwd,
    interrupt: new AbortController().signal,
  })
  return {code, stdout, stderr}
}
