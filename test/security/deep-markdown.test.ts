// Finding 11 of issue 12: deep Markdown. A 20 KB `- - -` line, a 1,000-level list and a 10 MB line
// are refused before the Markdown parser sees them, with a located error: run and list exit 2, lint
// reports an error. RUNBOOK_MAX_NESTING / RUNBOOK_MAX_LINE_LENGTH move the caps.
import t from 'tap'
import {runCli} from '../helpers/cli.js'

const fence = '```'
const head = ['# Deep', '', `${fence}bash {#greet}`, 'echo hi', fence, '', ''].join('\n')
const hostile = {
  'dashes.md': head + '- '.repeat(10_000) + 'x\n',
  'nested.md': head + Array.from({length: 1000}, (_, i) => `${'  '.repeat(i)}- item\n`).join(''),
  'long.md': head + 'a'.repeat(10_000_000) + '\n',
}
const where = {'dashes.md': /dashes\.md:7:201: error: Lists or quotes nested deeper than 100 levels/, 'nested.md': /nested\.md:107:201: error: Lists or quotes nested deeper than 100 levels/, 'long.md': /long\.md:7:100001: error: Line longer than 100000 characters/}

t.test('hostile Markdown fails fast with a located error in run, list and lint', async (t) => {
  const dir = t.testdir({...hostile, 'plain-dashes.md': '- '.repeat(10_000) + 'x\n'})
  for (const name of Object.keys(hostile) as Array<keyof typeof hostile>) {
    const run = await runCli(['run', name], {cwd: dir})
    t.equal(run.code, 2, `${name}: run refuses it`)
    t.match(run.stderr, where[name], `${name}: run says where`)
    t.notMatch(run.stdout + run.stderr, /Maximum call stack/, `${name}: no stack overflow`)
    const list = await runCli(['list', name], {cwd: dir})
    t.equal(list.code, 2, `${name}: list refuses it`)
    t.match(list.stderr, where[name], `${name}: list says where`)
    const lint = await runCli(['lint', name], {cwd: dir})
    t.equal(lint.code, 1, `${name}: lint reports an error`)
    t.match(lint.stdout, /7:\d+\s+error\s+(Lists or quotes nested|Line longer)/, `${name}: lint locates it`)
  }
  const plain = await runCli(['lint', 'plain-dashes.md'], {cwd: dir})
  t.not(plain.code, 3, 'lint of an unannotated hostile file ends without a crash')
})

t.test('the caps are set by RUNBOOK_MAX_NESTING and RUNBOOK_MAX_LINE_LENGTH', async (t) => {
  const doc = head + '- - - - - x\n' + 'b'.repeat(300) + '\n'
  const dir = t.testdir({'doc.md': doc})
  const fine = await runCli(['list', 'doc.md'], {cwd: dir})
  t.equal(fine.code, 0, `within the default caps: ${fine.stderr}`)
  const shallow = await runCli(['list', 'doc.md'], {cwd: dir, env: {RUNBOOK_MAX_NESTING: '4'}})
  t.equal(shallow.code, 2)
  t.match(shallow.stderr, /doc\.md:7:9: error: Lists or quotes nested deeper than 4 levels/)
  const short = await runCli(['list', 'doc.md'], {cwd: dir, env: {RUNBOOK_MAX_LINE_LENGTH: '200'}})
  t.equal(short.code, 2)
  t.match(short.stderr, /doc\.md:8:201: error: Line longer than 200 characters/)
})
