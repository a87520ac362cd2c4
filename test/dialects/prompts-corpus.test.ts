// Every document of the shared corpus under `run --all --dry-run`: no command that would run
// starts with a `$ ` prompt. The whole corpus goes through the CLI's `main` in this process (the
// same code as the binary, minus 1,800 process start-ups); a few files go through the real binary.
import t from 'tap'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runMain} from '../helpers/main-io.js'
import {sharedDir} from '../helpers/shared.js'

const corpus = path.join(sharedDir, 'corpus')

function documents(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...documents(full))
    else if (name.endsWith('.md')) out.push(full)
  }
  return out
}

function commands(stdout: string): string[] {
  const found: string[] = []
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    const event = JSON.parse(line) as {type: string; result?: {command?: string}}
    if (event.type === 'step:end' && typeof event.result?.command === 'string') found.push(event.result.command)
  }
  return found
}

const prompted = (command: string) => /^\s*\$ /.test(command)

// How many planned steps of a run (its `run:start` event) are written with a `$ ` prompt on the
// first line inside their fence: read from the document, so the corpus is parsed once, by the run.
function promptedInSource(stdout: string, text: string): number {
  const lines = text.split(/\r?\n/)
  const start = stdout.split('\n').find((line) => line.startsWith('{"type":"run:start"'))
  const steps = start === undefined ? [] : (JSON.parse(start) as {steps: Array<{kind: string; line: number}>}).steps
  return steps.filter((step) => step.kind === 'step' && /^[\s>]*\$ /.test(lines[step.line] ?? '')).length
}

t.test('no command of the corpus, run with --all --dry-run, starts with `$ `', async (t) => {
  const files = documents(corpus)
  t.ok(files.length > 1000, `${files.length} documents`)
  let blocks = 0
  let promptedSteps = 0
  const offenders: string[] = []
  const codes = new Map<number, number>()
  for (const file of files) {
    const run = await runMain(['run', file, '--all', '--dry-run', '--reporter', 'json'], path.dirname(file))
    codes.set(run.code, (codes.get(run.code) ?? 0) + 1)
    t.not(run.code, 3, `${path.relative(corpus, file)}: no internal error`)
    for (const command of commands(run.stdout)) {
      blocks++
      if (prompted(command)) offenders.push(`${path.relative(corpus, file)}: ${command.split('\n')[0]}`)
    }
    if (run.code === 0) promptedSteps += promptedInSource(run.stdout, readFileSync(file, 'utf8'))
  }
  t.same(offenders, [], 'no resolved command begins with `$ `')
  t.comment(`${files.length} documents, ${blocks} steps resolved (${promptedSteps} written with \`$ \` prompts), exit codes ${JSON.stringify(Object.fromEntries(codes))}`)
  t.ok(blocks > 1500, `${blocks} steps resolved`)
  t.ok(promptedSteps > 300, `${promptedSteps} of them written with prompts`)
})

t.test('the real binary agrees on prompted corpus documents', async (t) => {
  const sample = ['runme-examples/README.md', 'alphagov__govuk-developer-docs/source/manual/cdn.html.md'].map((name) => path.join(corpus, name))
  for (const file of sample) {
    const run = await runCli(['run', file, '--all', '--dry-run', '--reporter', 'json'], {cwd: path.dirname(file)})
    t.equal(run.code, 0, `${path.relative(corpus, file)}: ${run.stderr}`)
    const found = commands(run.stdout)
    t.ok(found.length > 0, `${path.relative(corpus, file)}: ${found.length} steps`)
    t.same(found.filter(prompted), [], 'no command begins with `$ `')
  }
})
