import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('comma-separated attributes are read as separate keys', async (t) => {
  const dir = runbookDir(['# Commas', '', `${fence}bash {name=first, tags=x, needs=}`, 'echo one', `${fence}`, '', `${fence}sh {#second, tags="y", needs=first}`, 'echo two', `${fence}`, ''].join('\n'))
  t.teardown(dir.cleanup)
  const list = await runCli(['list', dir.file], {cwd: dir.dir})
  t.equal(list.code, 0, list.stderr)
  t.match(list.stdout, /^first\s/m)
  t.match(list.stdout, /^second\s.*first/m)
  const run = await runJson(dir.file, ['--tag', 'x'])
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('first')?.stdout.text, 'one\n')
})

t.test('an unknown language gets one verdict however the attribute block is spaced', async (t) => {
  const verdicts: string[] = []
  for (const info of ['ruby {name=x}', 'ruby { name=x }', 'ruby {"name":"x"}']) {
    const dir = runbookDir(['# R', '', `${fence}${info}`, 'puts 1', `${fence}`, '', `${fence}bash {#ok}`, 'echo ok', `${fence}`, ''].join('\n'))
    const lint = await runCli(['lint', dir.file, '--format', 'json'], {cwd: dir.dir})
    const run = await runJson(dir.file)
    dir.cleanup()
    t.equal(run.code, 0, `${info}: runs the other steps`)
    const messages = (JSON.parse(lint.stdout) as Array<{message: string; severity: string}>).filter((m) => /ruby/.test(m.message))
    verdicts.push(messages.map((m) => `${m.severity}`).join(','))
  }
  t.same(verdicts, ['info', 'info', 'info'], 'a Runme cell of another language is documentation, however spaced')
  for (const info of ['ruby {#x}', 'ruby { #x }']) {
    const dir = runbookDir(['# R', '', `${fence}${info}`, 'puts 1', `${fence}`, ''].join('\n'))
    const run = await runCli(['run', dir.file], {cwd: dir.dir})
    dir.cleanup()
    t.equal(run.code, 2, `${info}: our own syntax on an unknown language is an error`)
    t.match(run.stderr, /runbook\.md:3:\d+.*Language `ruby` has no runner/)
  }
})

t.test('default ids are GitHub anchors, then -2, -3, never -1', async (t) => {
  const dir = runbookDir(
    [
      '# Ids',
      '',
      '## <a name="install"></a>Install *the* `tool`',
      '',
      `${fence}bash {}`,
      'echo a',
      `${fence}`,
      '',
      `${fence}bash {}`,
      'echo b',
      `${fence}`,
      '',
      '## Install the tool',
      '',
      `${fence}bash {}`,
      'echo c',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const list = await runCli(['list', dir.file], {cwd: dir.dir})
  t.equal(list.code, 0, list.stderr)
  const ids = list.stdout.split('\n').map((l) => l.split(/\s+/)[0]).filter((id) => id && /^install/.test(id))
  t.same(ids, ['install-the-tool', 'install-the-tool-2', 'install-the-tool-3'])
})

t.test('${VAR} works in typed attribute values and is checked when the step runs', async (t) => {
  const dir = runbookDir(['# T', '', `${fence}bash {#slow timeout=\${T} retries=\${N} exit=\${E}}`, 'echo started; exit 4', `${fence}`, ''].join('\n'))
  t.teardown(dir.cleanup)
  const good = await runJson(dir.file, [], {env: {T: '5s', N: '0', E: '4'}})
  t.equal(good.code, 0, good.stderr)
  t.equal(good.results.get('slow')?.status, 'passed')
  const bad = await runJson(dir.file, [], {env: {T: 'soon', N: '0', E: '4'}})
  t.equal(bad.code, 1)
  t.match(bad.results.get('slow')?.reason, /runbook\.md:3:\d+: `timeout=\$\{T\}` is `soon`: expected a duration/)
  const unset = await runJson(dir.file, [], {env: {N: '0', E: '4'}})
  t.equal(unset.code, 1)
  t.match(unset.results.get('slow')?.reason, /`timeout=\$\{T\}` is `\$\{T\}`: a variable in it is not set/)
  const timeout = runbookDir(['# T', '', `${fence}bash {#slow timeout=\${T}}`, 'sleep 30', `${fence}`, ''].join('\n'))
  t.teardown(timeout.cleanup)
  const expired = await runJson(timeout.file, [], {env: {T: '300ms'}})
  t.equal(expired.code, 1)
  t.match(expired.results.get('slow')?.reason, /timed out/)
})
