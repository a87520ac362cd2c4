// Every rule's documentation page holds a failing and a passing example, and both behave as documented.
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import t from 'tap'
import {lintSource, rules} from '../../lib/lint/index.js'
import {ruleExamples} from '../helpers/lint-docs.js'
import {repoPath} from '../helpers/paths.js'

const docs = repoPath('docs/rules')

for (const rule of rules) {
  const id = rule.meta.id
  t.test(`${id}: its doc page's not-ok example is reported and its ok example is not`, async (t) => {
    const page = path.join(docs, `${id}.md`)
    t.ok(existsSync(page), `docs/rules/${id}.md exists`)
    t.equal(rule.meta.url.endsWith(`/docs/rules/${id}.md`), true, 'the rule links to its page')
    const {notOk, ok} = ruleExamples(page)
    t.ok(notOk.length > 0, 'has a not-ok example')
    t.ok(ok.length > 0, 'has an ok example')
    const dir = t.testdir({})
    const file = path.join(dir, 'doc.md')
    for (const example of notOk) {
      writeFileSync(file, example)
      const found = lintSource(example, {file}).filter((m) => m.ruleId === id)
      t.ok(found.length > 0, `not-ok example is reported:\n${example}`)
      for (const m of found) t.ok(m.line >= 1 && m.column >= 1 && m.message.length > 0, 'with a place and a message')
    }
    for (const example of ok) {
      writeFileSync(file, example)
      const found = lintSource(example, {file}).filter((m) => m.ruleId === id)
      t.same(found.map((m) => `${m.line}:${m.column} ${m.message}`), [], `ok example is clean:\n${example}`)
    }
  })
}

t.test('the rule index is sorted by id and ids are unique', async (t) => {
  const ids = rules.map((r) => r.meta.id)
  t.same(ids, [...ids].sort(), 'sorted')
  t.equal(new Set(ids).size, ids.length, 'unique')
})
