// One implementation per concern, and the library never reaching up into the CLI (STYLE §1, §12).
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import t from 'tap'
import {repoPath} from './helpers/paths.js'

const lib = repoPath('lib')
const sources = (readdirSync(lib, {recursive: true}) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({file: file.split(path.sep).join('/'), text: readFileSync(path.join(lib, file), 'utf8')}))

t.test('nothing in lib/ outside the CLI imports from lib/cli (lib/index.ts re-exports it)', async (t) => {
  const offenders = sources.filter(({file, text}) => !file.startsWith('cli/') && file !== 'index.ts' && /from '[./]*\/cli\//.test(text))
  t.same(offenders.map((s) => s.file), [])
})

t.test('one workflow-command writer: only report/workflow-commands.ts escapes `%0A`', async (t) => {
  const writers = sources.filter(({text}) => text.includes("'%0A'"))
  t.same(writers.map((s) => s.file), ['report/workflow-commands.ts'])
})

t.test('one ANSI stripper: only ansi.ts holds an escape-sequence pattern', async (t) => {
  const strippers = sources.filter(({text}) => /(?:u001b|x1b)\\\[/.test(text))
  t.same(strippers.map((s) => s.file), ['ansi.ts'])
})
