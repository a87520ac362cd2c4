// Issue 12 #2: after a SIGKILL of the runner, nothing in the temporary folder holds an exported
// secret: the job text lives in an unlinked file and the state comes back over a pipe.
import t from 'tap'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {runbookDir, startCli, waitFor} from '../helpers/run.js'

const fence = '```'
const secret = 'tmp-leak-check-7f3a9c21e5'

// Pids of live processes whose environment holds `text` (the run's own processes here).
function processesWithEnv(text: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(text)) found.push(Number(entry))
    } catch {
      // gone, or not ours
    }
  }
  return found
}

// Every regular file under `dir` whose bytes contain `needle`.
function filesHolding(dir: string, needle: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    const stat = statSync(file, {throwIfNoEntry: false})
    if (!stat) continue
    if (stat.isDirectory()) found.push(...filesHolding(file, needle))
    else if (stat.isFile() && readFileSync(file).includes(needle)) found.push(file)
  }
  return found
}

for (const mode of [{name: 'session mode', args: []}, {name: 'spawn mode', args: ['--concurrency', '2']}]) {
  t.test(`a SIGKILLed run leaves no exported secret in the temp folder (${mode.name})`, async (t) => {
    const temp = mkdtempSync(path.join(tmpdir(), 'rb-temp-'))
    const book = runbookDir(
      [
        '---',
        'runbook:',
        '  inputs:',
        '    API_TOKEN: {secret: true}',
        '---',
        '',
        `${fence}bash {#export}`,
        'export DEPLOY_KEY="$API_TOKEN" PLAIN_COPY="$API_TOKEN"',
        'kept="$API_TOKEN"',
        fence,
        '',
        `${fence}bash {#wait}`,
        'touch started; until [ -e go ]; do sleep 0.05; done',
        fence,
        '',
      ].join('\n'),
    )
    t.teardown(() => {
      for (const pid of processesWithEnv(secret)) process.kill(pid, 'SIGKILL')
      book.cleanup()
      rmSync(temp, {recursive: true, force: true})
    })
    const run = startCli(['run', book.file, ...mode.args], {cwd: book.dir, env: {API_TOKEN: secret, TMPDIR: temp}})
    await waitFor(() => existsSync(path.join(book.dir, 'started')), 30_000, 'the waiting step')
    t.same(filesHolding(temp, secret), [], 'no file holds the secret while the step runs')
    run.child.kill('SIGKILL')
    await run.done
    // Let the orphaned step finish: its EXIT trap now writes its state to nowhere.
    writeFileSync(path.join(book.dir, 'go'), '')
    await waitFor(() => processesWithEnv(secret).length === 0, 30_000, 'the orphaned step to end')
    t.same(filesHolding(temp, secret), [], 'no file holds the secret after the runner died')
  })
}
