import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import t from 'tap'
import {binPath} from '../helpers/cli.js'
import {killMarked, marker, waitFor} from '../helpers/run.js'
import {repoPath} from '../helpers/paths.js'

const schema = JSON.parse(readFileSync(repoPath('schemas/manifest.schema.json'), 'utf8'))
const validate = new Ajv({strict: false, validateFormats: false}).compile(schema)
// The slow step's sleep carries a marker, so a test can remove it if a SIGKILLed runner leaves it.
const mark = marker('interrupt')
const source = `# Slow\n\n\`\`\`bash {#quick}\necho quick\n\`\`\`\n\n\`\`\`bash {#slow}\necho started; touch started.flag; (exec -a ${mark} sleep 300)\n\`\`\`\n\n\`\`\`bash {#after}\necho after\n\`\`\`\n`
t.teardown(() => killMarked(mark))

// Start the CLI, wait until the slow step has started, send `signal`, and wait for the exit.
async function interrupt(dir: string, signal: NodeJS.Signals): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
  const child = spawn(process.execPath, [binPath, 'run', 'doc.md', '--write', '--evidence', 'ev'], {cwd: dir, env: {...process.env, NO_COLOR: '1'}, stdio: 'ignore'})
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, sig) => resolve({code, signal: sig})))
  // The slow step touches started.flag before it sleeps. Never signal "anyway": a step that does not
  // start is a failure of its own.
  await waitFor(() => existsSync(path.join(dir, 'started.flag')), 60_000, 'the slow step to start')
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const result = await exited
  clearTimeout(timer)
  return result
}

t.test('a run killed with SIGKILL leaves a valid partial manifest of the steps that finished', async (t) => {
  const dir = t.testdir({'doc.md': source})
  const result = await interrupt(dir, 'SIGKILL')
  t.equal(result.signal, 'SIGKILL')
  const manifest = JSON.parse(readFileSync(path.join(dir, 'ev', 'manifest.json'), 'utf8'))
  t.ok(validate(manifest), JSON.stringify(validate.errors))
  t.equal(manifest.partial, true)
  t.same(manifest.steps.map((s: {id: string; status: string}) => [s.id, s.status]), [['quick', 'passed'], ['slow', 'not-run'], ['after', 'not-run']])
  t.equal(readFileSync(path.join(dir, 'doc.md'), 'utf8'), source, 'the document is untouched')
})

t.test('an interrupted run (SIGINT) writes the final manifest, the report and the document', async (t) => {
  const dir = t.testdir({'doc.md': source})
  const result = await interrupt(dir, 'SIGINT')
  t.equal(result.code, 130)
  const manifest = JSON.parse(readFileSync(path.join(dir, 'ev', 'manifest.json'), 'utf8'))
  t.ok(validate(manifest), JSON.stringify(validate.errors))
  t.match(manifest, {partial: false, ok: false, interrupted: 'SIGINT'})
  t.equal(manifest.steps[0].status, 'passed')
  t.not(manifest.steps[1].status, 'passed')
  t.equal(readFileSync(path.join(dir, 'ev', 'steps', 'slow', 'stdout.log'), 'utf8'), 'started\n')
  t.ok(existsSync(path.join(dir, 'ev', 'report.md')))
  t.match(readFileSync(path.join(dir, 'doc.md'), 'utf8'), '<!-- runbook:output id=quick status=passed')
})
