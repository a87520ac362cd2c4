// Finding 8 (names) of issue 12: a Runme cell name becomes a step id only when it fits the id rule
// after lower-casing (spaces become `-`); one that could break a region comment is a located error.
import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'

t.test('a Runme name that could break an HTML comment is an error at file:line:column', async (t) => {
  const hostile = ['# Hostile', '', `${fence}sh {"name":"x --> **INJECTED** <!-- "}`, 'echo hi', fence, ''].join('\n')
  const quoted = ['# Quoted', '', `${fence}sh {"name":"a\\"b"}`, 'echo hi', fence, ''].join('\n')
  const newline = ['# Newline', '', `${fence}sh {"name":"a\\nb"}`, 'echo hi', fence, ''].join('\n')
  const dir = t.testdir({'hostile.md': hostile, 'quoted.md': quoted, 'newline.md': newline})
  for (const name of ['hostile.md', 'quoted.md', 'newline.md']) {
    const run = await runCli(['run', name, '--write'], {cwd: dir})
    t.equal(run.code, 2, `${name}: refused before running: ${run.stderr}`)
    t.match(run.stderr, new RegExp(`${name.replace('.', '\\.')}:3:\\d+: error: Invalid value .* for \`name\``), `${name}: located`)
    t.equal(readFileSync(path.join(dir, name), 'utf8'), {'hostile.md': hostile, 'quoted.md': quoted, 'newline.md': newline}[name], `${name}: left alone`)
    const list = await runCli(['list', name], {cwd: dir})
    t.equal(list.code, 2, `${name}: list refuses it too`)
    const lint = await runCli(['lint', name], {cwd: dir})
    t.equal(lint.code, 1, `${name}: lint reports an error`)
    t.match(lint.stdout, /3:\d+\s+error\s+Invalid value/, `${name}: lint locates it`)
  }
})

t.test('common Runme names (upper case, spaces) become ids, and --write twice keeps one region each', async (t) => {
  const doc = ['# Names', '', `${fence}sh {"name":"TOKEN"}`, 'echo token-ran', fence, '', `${fence}sh {"name":"Deploy Prod"}`, 'echo deploy-ran', fence, ''].join('\n')
  const dir = t.testdir({'names.md': doc})
  const list = await runCli(['list', 'names.md'], {cwd: dir})
  t.equal(list.code, 0, list.stderr)
  t.match(list.stdout, /^token\b/m)
  t.match(list.stdout, /^deploy-prod\b/m)
  for (let i = 0; i < 2; i++) {
    const run = await runCli(['run', 'names.md', '--write', '--stable'], {cwd: dir})
    t.equal(run.code, 0, run.stderr)
  }
  const text = readFileSync(path.join(dir, 'names.md'), 'utf8')
  t.equal(text.match(/<!-- runbook:output/g)?.length, 2, 'one output region per step after two writes')
})
