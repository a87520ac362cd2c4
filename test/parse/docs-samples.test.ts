import t from 'tap'
import {readFileSync} from 'node:fs'
import {parseRunbook, assertRunnable} from '../../lib/parse/index.js'
import {repoPath} from '../helpers/paths.js'

const doc = readFileSync(repoPath('docs/syntax.md'), 'utf8')
const samples = [...doc.matchAll(/^````markdown\n([\s\S]*?)^````$/gm)].map((m) => ({text: m[1]!, line: doc.slice(0, m.index).split('\n').length}))

t.test('every sample runbook in docs/syntax.md parses without an error and has something to run', async (t) => {
  t.ok(samples.length >= 10, `${samples.length} samples`)
  for (const sample of samples) {
    const rb = parseRunbook(sample.text, {file: `docs/syntax.md sample at line ${sample.line}`, dir: '/tmp'})
    t.doesNotThrow(() => assertRunnable(rb), `sample at line ${sample.line} is valid`)
    t.same(rb.diagnostics.filter((d) => d.severity !== 'info'), [], `sample at line ${sample.line}: no warnings`)
    t.ok(rb.steps.length + rb.tables.length > 0, `sample at line ${sample.line} has steps`)
  }
})
