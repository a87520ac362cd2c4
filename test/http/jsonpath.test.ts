import t from 'tap'
import {isPluralJsonPath, queryJsonPath} from '../../lib/jsonpath.js'

const doc = {a: {b: 1, 'odd-key': 2, "it's": 3}, list: [{id: 1, tags: ['x']}, {id: 2, tags: []}], deep: {x: {b: 9}}}

t.test('the JSONPath subset', async (t) => {
  t.same(queryJsonPath(doc, '$'), [doc])
  t.same(queryJsonPath(doc, '$.a.b'), [1])
  t.same(queryJsonPath(doc, "$['a']['odd-key']"), [2])
  t.same(queryJsonPath(doc, '$.a["it\'s"]'), [3])
  t.same(queryJsonPath(doc, "$.a['it\\'s']"), [3])
  t.same(queryJsonPath(doc, '$.list[0].id'), [1])
  t.same(queryJsonPath(doc, '$.list[-1].id'), [2])
  t.same(queryJsonPath(doc, '$.list[*].id'), [1, 2])
  t.same(queryJsonPath(doc, '$.a.*'), [1, 2, 3])
  t.same(queryJsonPath(doc, '$..b'), [1, 9])
  t.same(queryJsonPath(doc, '$.nope.deeper'), [])
  t.same(queryJsonPath(doc, '$.list[5]'), [])
  t.same(queryJsonPath(doc, '$.a[0]'), [], 'an index on an object finds nothing')
})

t.test('plural paths and unsupported syntax', async (t) => {
  t.notOk(isPluralJsonPath('$.a[0].b'))
  t.ok(isPluralJsonPath('$.a[*].b'))
  t.ok(isPluralJsonPath('$..b'))
  t.throws(() => queryJsonPath(doc, 'a.b'), /must start with `\$`/)
  t.throws(() => queryJsonPath(doc, '$.list[?(@.id==1)]'), /unsupported JSONPath at `\[\?\(@\.id==1\)\]`/)
})
