// The written summary and the terminal count steps in the same words.
import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'

t.test('"2 failed, 1 allowed to fail" on the terminal and in the summary alike', async (t) => {
  const doc = [
    '# Mixed',
    '',
    `${fence}bash {#ok needs=}`,
    'true',
    fence,
    '',
    `${fence}bash {#flaky allow-failure needs=}`,
    'exit 1',
    fence,
    '',
    `${fence}bash {#bad needs=}`,
    'exit 2',
    fence,
    '',
    `${fence}bash {#worse needs=}`,
    'exit 3',
    fence,
    '',
    '<!-- runbook:summary -->',
    '<!-- /runbook:summary -->',
    '',
  ].join('\n')
  const dir = t.testdir({'doc.md': doc})
  const run = await runCli(['run', 'doc.md', '--write', '--stable', '--reporter', 'plain'], {cwd: dir})
  t.equal(run.code, 1)
  const words = '1 passed, 2 failed, 1 allowed to fail, 0 skipped'
  t.match(run.stdout, words, 'terminal')
  const written = readFileSync(path.join(dir, 'doc.md'), 'utf8')
  t.match(written, `**failed** · 4 steps (${words})`, 'summary')
  t.match(written, '| `flaky` | ❌ failed, allowed to fail | 1 |')
  t.notMatch(written, /3 failed/)
})
