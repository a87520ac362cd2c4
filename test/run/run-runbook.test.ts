// The executor through its library entry point: prompts, resume, SIGTERM, events.
import t from 'tap'
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseRunbook} from '../../lib/parse/index.js'
import {runRunbook, type RunOptions} from '../../lib/run/index.js'
import type {RunEvent} from '../../lib/events.js'

const fence = '```'

function setup(t: {testdir: () => string}, markdown: string) {
  const dir = t.testdir()
  const file = path.join(dir, 'runbook.md')
  writeFileSync(file, markdown)
  return {dir, runbook: parseRunbook(markdown, {file, dir})}
}

function options(extra: Partial<RunOptions> = {}): RunOptions {
  return {env: {PATH: process.env['PATH']}, set: {}, yes: false, interactive: false, tags: [], dryRun: false, ...extra}
}

t.test('confirm and manual steps ask on a terminal; CI refuses to ask', async (t) => {
  const {dir, runbook} = setup(
    t,
    [`${fence}bash {#drop confirm="Really drop?"}`, 'touch dropped', `${fence}`, '', `${fence}bash {#check manual}`, 'true', `${fence}`, ''].join('\n'),
  )
  const asked: string[] = []
  const prompt = async (question: string) => {
    asked.push(question)
    return 'y'
  }
  const result = await runRunbook(runbook, options({interactive: true, prompt}))
  t.same(asked, ['Really drop? [y/N] ', 'Manual step `check`: done? [y/N] '])
  t.same(result.steps.map((s) => s.status), ['passed', 'passed'])
  t.ok(existsSync(path.join(dir, 'dropped')))

  const ci = await runRunbook(runbook, options({env: {PATH: process.env['PATH'], CI: 'true'}, prompt}))
  t.equal(ci.steps[0]!.status, 'failed')
  t.match(ci.steps[0]!.reason, /CI is set; pass --yes/)
  t.equal(ci.steps[1]!.status, 'not-run')
})

t.test('missing inputs are asked for with --interactive on a terminal, secret ones without echo', async (t) => {
  const {runbook} = setup(
    t,
    ['---', 'runbook:', '  inputs:', '    TOKEN: {description: "api token", required: true, secret: true}', '---', '', `${fence}bash {#show}`, 'echo "${#TOKEN}"', `${fence}`, ''].join('\n'),
  )
  const asked: Array<[string, boolean]> = []
  const result = await runRunbook(
    runbook,
    options({
      interactive: true,
      prompt: async (question, opts) => {
        asked.push([question, opts?.secret === true])
        return 'abcdefghij'
      },
    }),
  )
  t.same(asked, [['TOKEN (api token): ', true]])
  t.equal(result.steps[0]!.stdout.text, '10\n')
  await t.rejects(runRunbook(runbook, options()), {code: 'RUNBOOK_ERR_MISSING_INPUT', message: /TOKEN — api token/})
})

t.test('--resume skips the steps that passed last time', async (t) => {
  const {runbook} = setup(t, [`${fence}bash {#one}`, 'echo one', `${fence}`, '', `${fence}bash {#two}`, 'echo two', `${fence}`, ''].join('\n'))
  const result = await runRunbook(runbook, options({resumeFrom: {steps: [{id: 'one', status: 'passed'}, {id: 'two', status: 'failed'}]}}))
  t.same(result.steps.map((s) => [s.id, s.status]), [['one', 'skipped'], ['two', 'passed']])
  t.match(result.steps[0]!.reason, /passed in an earlier run/)
})

t.test('SIGTERM: the running step is interrupted, later steps not run, always steps run', async (t) => {
  const {dir, runbook} = setup(
    t,
    [
      `${fence}bash {#slow}`,
      'touch started; sleep 30',
      `${fence}`,
      '',
      `${fence}bash {#next}`,
      'echo next',
      `${fence}`,
      '',
      `${fence}bash {#cleanup always}`,
      'touch cleaned',
      `${fence}`,
      '',
    ].join('\n'),
  )
  const controller = new AbortController()
  const events: RunEvent[] = []
  const running = runRunbook(runbook, options({signal: controller.signal, onEvent: (e) => events.push(e)}))
  const deadline = Date.now() + 20_000
  while (!existsSync(path.join(dir, 'started')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  controller.abort('SIGTERM')
  const result = await running
  t.equal(result.interrupted, 'SIGTERM')
  t.equal(result.ok, false)
  t.same(result.steps.map((s) => s.status), ['interrupted', 'not-run', 'passed'])
  t.ok(existsSync(path.join(dir, 'cleaned')))
  t.equal(events[0]!.type, 'run:start')
  t.equal(events.at(-1)!.type, 'run:end')
  t.equal(events.filter((e) => e.type === 'step:end').length, 3, 'one step:end per step')
})

t.test('every process of the run carries RUNBOOK_RUN_ID, unique per run', async (t) => {
  const {runbook} = setup(t, [`${fence}bash {#id}`, 'echo "$RUNBOOK_RUN_ID"', `${fence}`, '', `${fence}python {#py}`, 'import os; print(os.environ["RUNBOOK_RUN_ID"])', `${fence}`, ''].join('\n'))
  const first = await runRunbook(runbook, options())
  const second = await runRunbook(runbook, options())
  t.equal(first.steps[0]!.stdout.text, `${first.runId}\n`)
  t.equal(first.steps[1]!.stdout.text, `${first.runId}\n`)
  t.not(first.runId, second.runId)
})
