// Fault tests (SPEC §11): hung trees, signal-ignoring children, daemons, pipe holders, hostile input.
import t from 'tap'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {killMarked, marker, processesWith, runbookDir, runJson} from '../helpers/run.js'
import {runCli} from '../helpers/cli.js'

const fence = '```'

// Each process fault runs both ways a shell step can run: in the run's bash session, and spawned.
const modes = {session: {}, spawn: {RUNBOOK_NO_SESSION: '1'}}

for (const [mode, env] of Object.entries(modes)) {
  t.test(`${mode}: a timed-out step with backgrounded grandchildren leaves no process alive and the run does not hang`, async (t) => {
    const mark = marker('timeout')
    t.teardown(() => killMarked(mark))
    const book = runbookDir(
      [
        `${fence}bash {#hang timeout=500ms}`,
        `bash -c 'sleep 300; :' ${mark}-a &`,
        `( bash -c 'sleep 301; :' ${mark}-b & wait ) &`,
        `setsid bash -c 'sleep 303; :' ${mark}-setsid < /dev/null > /dev/null 2>&1 &`,
        `bash -c 'sleep 302; :' ${mark}-c`,
        `${fence}`,
        '',
        `${fence}bash {#next}`,
        'echo never',
        `${fence}`,
        '',
      ].join('\n'),
    )
    t.teardown(book.cleanup)
    const run = await runJson(book.file, [], {timeoutMs: 30_000, env})
    t.equal(run.code, 1, run.stderr)
    t.equal(run.results.get('hang')?.status, 'timed-out')
    t.match(run.results.get('hang')?.reason, /timed out after 500ms/)
    t.equal(run.results.get('next')?.status, 'not-run')
    t.same(processesWith(mark), [], 'no process of the step is alive, setsid daemon included')
  })

  t.test(`${mode}: a child ignoring SIGTERM is SIGKILLed after the grace period`, async (t) => {
    const mark = marker('ignore-term')
    t.teardown(() => killMarked(mark))
    const book = runbookDir(
      [`${fence}bash {#stubborn timeout=300ms}`, `bash -c "trap '' TERM; sleep 300; :" ${mark}`, `${fence}`, ''].join('\n'),
    )
    t.teardown(book.cleanup)
    const run = await runJson(book.file, [], {timeoutMs: 30_000, env})
    t.equal(run.code, 1)
    const result = run.results.get('stubborn')
    t.equal(result?.status, 'timed-out')
    t.same(processesWith(mark), [], 'the SIGTERM-ignoring child is gone')
  })

  t.test(`${mode}: a grandchild holding stdout does not hold the step; a normal step's detached process is left alone`, async (t) => {
    const mark = marker('holder')
    t.teardown(() => killMarked(mark))
    // The grandchild keeps stdout open for five minutes: a runner that waited for the pipe to close
    // would end in a step timeout or be killed by runJson, never pass.
    const book = runbookDir([`${fence}bash {#quick timeout=2m}`, `bash -c 'sleep 300; :' ${mark} &`, 'echo ok', `${fence}`, ''].join('\n'))
    t.teardown(book.cleanup)
    const run = await runJson(book.file, [], {timeoutMs: 90_000, env})
    t.equal(run.code, 0, run.stderr)
    const result = run.results.get('quick')
    t.equal(result?.status, 'passed')
    t.equal(result?.stdout.text, 'ok\n')
    t.equal(processesWith(mark).length, 1, 'the step did not time out, so its background process was left running')
  })
}

t.test('a step that ignores SIGTERM itself is SIGKILLed after the grace period', async (t) => {
  const mark = marker('ignore-term-self')
  t.teardown(() => killMarked(mark))
  const book = runbookDir(
    [`${fence}bash {#stubborn timeout=300ms}`, "trap '' TERM", `(exec -a ${mark} sleep 300) &`, 'wait', `${fence}`, ''].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {timeoutMs: 30_000})
  t.equal(run.code, 1)
  const result = run.results.get('stubborn')
  t.equal(result?.status, 'timed-out')
  t.equal(result?.signal, 'SIGKILL', 'the step ignored SIGTERM and was killed')
  t.same(processesWith(mark), [], 'the SIGTERM-ignoring grandchild is gone too')
})

t.test('a setsid daemon started by a background step is gone after the run', async (t) => {
  const mark = marker('daemon')
  t.teardown(() => killMarked(mark))
  const book = runbookDir(
    [
      `${fence}bash {#service background ready="test -e started" timeout=20s}`,
      `setsid bash -c 'exec -a ${mark}-daemon sleep 300' < /dev/null > /dev/null 2>&1 &`,
      'touch started',
      `exec -a ${mark}-main sleep 300`,
      `${fence}`,
      '',
      `${fence}bash {#use}`,
      `pgrep -f ${mark}-daemon > /dev/null && echo daemon-running`,
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {timeoutMs: 40_000})
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('use')?.stdout.text, 'daemon-running\n', 'the daemon ran while the run did')
  t.ok(run.events.some((e) => e['type'] === 'service:stop' && e['stepId'] === 'service'), 'the service was stopped')
  t.same(processesWith(mark), [], 'the service and its setsid daemon are gone')
})

t.test('a hostile YAML header fails fast with exit 2', async (t) => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`)
  const cases = {
    aliases: ['---', ...laughs, 'runbook: {timeout: 1m}', '---', '', `${fence}bash {}`, 'touch ran', `${fence}`, ''].join('\n'),
    engine: ['---js', '{runbook: require("child_process").execSync("touch ran")}', '---', '', `${fence}bash {}`, 'touch ran', `${fence}`, ''].join('\n'),
    huge: ['---', `x: "${'y'.repeat(2_000_000)}"`, '---', '', `${fence}bash {}`, 'touch ran', `${fence}`, ''].join('\n'),
  }
  for (const [name, markdown] of Object.entries(cases)) {
    const book = runbookDir(markdown)
    t.teardown(book.cleanup)
    const run = await runCli(['run', book.file], {cwd: book.dir, timeoutMs: 20_000})
    t.equal(run.code, 2, `${name}: exit 2 (${run.stderr.split('\n')[0]})`)
    t.match(run.stderr, /runbook\.md:\d+:\d+/, `${name}: the message has file:line:column`)
    t.notOk(existsSync(path.join(book.dir, 'ran')), `${name}: nothing ran`)
  }
})

t.test('--set values are data: a quote-and-semicolon value runs nothing extra', async (t) => {
  const book = runbookDir(
    [
      '---',
      'runbook:',
      '  inputs:',
      '    X: {description: "any text", required: true}',
      '---',
      '',
      `${fence}bash {#echo contains="\${X}"}`,
      'echo "$X"',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const value = '"; touch pwned #'
  const run = await runJson(book.file, ['--set', `X=${value}`, '--dry-run'])
  t.equal(run.code, 0, run.stderr)
  const real = await runJson(book.file, ['--set', `X=${value}`, '--set', "Y=$(touch pwned2)"])
  t.equal(real.code, 0, real.stderr)
  t.equal(real.results.get('echo')?.stdout.text, `${value}\n`, 'the value reached the step as data')
  t.notOk(existsSync(path.join(book.dir, 'pwned')), 'no file was created by the value')
  t.notOk(existsSync(path.join(book.dir, 'pwned2')), 'no command substitution ran')
})

t.test('a step reading stdin gets end-of-file at once, not the next steps', async (t) => {
  const book = runbookDir([`${fence}bash {#reader timeout=10s}`, 'cat; echo "read done"', `${fence}`, '', `${fence}bash {#after}`, 'echo after', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runJson(book.file, [], {timeoutMs: 20_000, input: 'echo injected\n'})
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('reader')?.stdout.text, 'read done\n')
  t.equal(run.results.get('after')?.stdout.text, 'after\n')
})
