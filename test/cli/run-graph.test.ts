// Graph execution: concurrency, failed branches, selection flags, retries, inputs, dry runs, gates.
import t from 'tap'
import {existsSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('a fan-out of independent steps runs concurrently', async (t) => {
  // Each step arrives at a barrier and waits for the others: it can only pass if all run at once.
  const barrier = (id: string) => [
    `${fence}bash {#${id} needs=setup timeout=20s}`,
    `touch arrived/${id}`,
    'while [ "$(ls arrived | wc -l)" -lt 4 ]; do sleep 0.05; done',
    `echo ${id} met the others`,
    `${fence}`,
    '',
  ]
  const book = runbookDir(
    ['---', 'runbook: {concurrency: 4}', '---', '', `${fence}bash {#setup}`, 'mkdir arrived', `${fence}`, '', ...['a', 'b', 'c', 'd'].flatMap(barrier)].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {timeoutMs: 40_000})
  t.equal(run.code, 0, run.stderr)
  for (const id of ['a', 'b', 'c', 'd']) t.equal(run.results.get(id)?.status, 'passed', `${id} met the other three`)
  t.same(readdirSync(path.join(book.dir, 'arrived')).sort(), ['a', 'b', 'c', 'd'])
})

t.test('a failed branch marks its dependants not-run while independent branches go on', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#left}`,
      'exit 1',
      `${fence}`,
      '',
      `${fence}bash {#left-child}`,
      'touch left-child-ran',
      `${fence}`,
      '',
      `${fence}bash {#right needs=}`,
      'echo right',
      `${fence}`,
      '',
      `${fence}bash {#right-child}`,
      'echo right child',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--concurrency', '2'])
  t.equal(run.code, 1)
  t.equal(run.results.get('left')?.status, 'failed')
  t.equal(run.results.get('left-child')?.status, 'not-run')
  t.match(run.results.get('left-child')?.reason, /needs `left`/)
  t.equal(run.results.get('right')?.status, 'passed')
  t.equal(run.results.get('right-child')?.status, 'passed')
  t.notOk(existsSync(path.join(book.dir, 'left-child-ran')))
  const end = run.events.find((e) => e['type'] === 'run:end')
  t.same(end?.['result'].steps.map((s: {id: string}) => s.id), ['left', 'left-child', 'right', 'right-child'], 'results in document order')
})

t.test('wait-until: retries pass on a later attempt and the attempt count is recorded', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#wait retries=5 delay=50ms}`,
      'n=$(( $(cat count 2>/dev/null || echo 0) + 1 )); echo $n > count',
      'echo "attempt $n"',
      `${fence}`,
      '',
      `${fence}text {expect}`,
      'attempt 3',
      `${fence}`,
      '',
      `${fence}bash {#never retries=1 delay=10ms needs=}`,
      'exit 2',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.results.get('wait')?.status, 'passed')
  t.equal(run.results.get('wait')?.attempts, 3, 'passed on the third attempt')
  t.equal(run.events.filter((e) => e['type'] === 'step:retry' && e['stepId'] === 'wait').length, 2)
  t.equal(run.results.get('never')?.attempts, 2)
  t.equal(run.results.get('never')?.status, 'failed')
})

t.test('missing required inputs: exit 2 with every name and description, nothing executed', async (t) => {
  const book = runbookDir(
    [
      '---',
      'runbook:',
      '  inputs:',
      '    STAGING_CONTEXT: {description: "kubectl context name", required: true}',
      '    API_KEY: {description: "staging API key", required: true, secret: true}',
      '    IMAGE_TAG: {default: latest}',
      '---',
      '',
      `${fence}bash {#first}`,
      'touch ran',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {env: {STAGING_CONTEXT: '', API_KEY: ''}})
  t.equal(run.code, 2)
  t.match(run.stderr, /STAGING_CONTEXT — kubectl context name/)
  t.match(run.stderr, /API_KEY — staging API key/)
  t.match(run.stderr, /--set/)
  t.notOk(existsSync(path.join(book.dir, 'ran')), 'no step ran')
  const ok = await runJson(book.file, ['--set', 'STAGING_CONTEXT=kind', '--set', 'API_KEY=abcdefgh'], {env: {IMAGE_TAG: ''}})
  t.equal(ok.code, 0, ok.stderr)
})

t.test('--dry-run executes nothing and shows the commands with variables resolved', async (t) => {
  const book = runbookDir(
    [
      '---',
      'runbook: {env: {TARGET: staging}}',
      '---',
      '',
      `${fence}bash {#deploy}`,
      'touch ran; echo deploying to $TARGET',
      `${fence}`,
      '',
      `${fence}bash {#service background ready="true"}`,
      'touch service-ran',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--dry-run'])
  t.equal(run.code, 0, run.stderr)
  t.equal(run.events[0]?.['dryRun'], true)
  t.match(run.results.get('deploy')?.command, /deploying to staging/)
  t.notOk(existsSync(path.join(book.dir, 'ran')))
  t.notOk(existsSync(path.join(book.dir, 'service-ran')))
})

t.test('--only, --from, --target, --tag, skip and manual choose what runs', async (t) => {
  const book = runbookDir(
    [
      `${fence}bash {#a tags=db}`,
      'echo a',
      `${fence}`,
      '',
      `${fence}bash {#b}`,
      'echo b',
      `${fence}`,
      '',
      `${fence}bash {#c skip}`,
      'echo c',
      `${fence}`,
      '',
      `${fence}bash {#d manual}`,
      'echo d',
      `${fence}`,
      '',
      `${fence}bash {#e tags=db}`,
      'echo e',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const ran = (run: Awaited<ReturnType<typeof runJson>>) => [...run.results].filter(([, r]) => r['status'] === 'passed').map(([id]) => id)
  const cases: Array<[string[], string[]]> = [
    [['--only', 'b,e'], ['b', 'e']],
    [['--from', 'b'], ['b', 'e']],
    [['--target', 'b'], ['a', 'b']],
    [['--tag', 'db'], ['a', 'e']],
  ]
  for (const [args, expected] of cases) {
    const run = await runJson(book.file, args)
    t.same(ran(run), expected, `${args.join(' ')} runs ${expected.join(', ')} ${run.code === 0 ? '' : run.stderr}`)
  }
  const named = await runJson(book.file, ['--only', 'c'])
  t.same(ran(named), ['c'], 'a skip step runs when --only names it (rollbacks are written so)')
  const targeted = await runJson(book.file, ['--target', 'c'])
  t.same(ran(targeted), ['a', 'b', 'c'], 'a skip step runs when it is the --target')
  const all = await runJson(book.file)
  t.equal(all.results.get('c')?.status, 'skipped')
  t.equal(all.results.get('d')?.status, 'manual')
  t.equal(all.code, 0)
  const bad = await runJson(book.file, ['--only', 'bb'])
  t.equal(bad.code, 2)
  t.match(bad.stderr, /no step `bb`.*did you mean `b`/)
})

t.test('a confirm step without a terminal and without --yes fails naming --yes and does nothing', async (t) => {
  const book = runbookDir([`${fence}bash {#drop confirm="Drop the staging database?"}`, 'touch dropped', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runJson(book.file)
  t.equal(run.code, 1)
  t.equal(run.results.get('drop')?.status, 'failed')
  t.match(run.results.get('drop')?.reason, /--yes/)
  t.notOk(existsSync(path.join(book.dir, 'dropped')))
  const yes = await runJson(book.file, ['--yes'], {env: {CI: 'true'}})
  t.equal(yes.code, 0, yes.stderr)
  t.ok(existsSync(path.join(book.dir, 'dropped')))
})

t.test('--timeout beats the front matter default; a step\'s own timeout= beats both', async (t) => {
  const book = runbookDir(
    [
      '---',
      'runbook: {timeout: 10m}',
      '---',
      '',
      `${fence}bash {#slow}`,
      'sleep 20',
      `${fence}`,
      '',
      `${fence}bash {#own timeout=5s needs=}`,
      'sleep 1 && echo done',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--timeout', '500ms', '--concurrency', '2'], {timeoutMs: 40_000})
  t.equal(run.code, 1)
  t.equal(run.results.get('slow')?.status, 'timed-out')
  t.match(run.results.get('slow')?.reason, /timed out after 500ms/)
  t.equal(run.results.get('own')?.status, 'passed', 'timeout=5s outlasts --timeout 500ms')
})
