// GitHub heading anchors (lib/parse/slug.ts): ASCII headings take a fast path that must keep
// exactly what the Unicode rule keeps.
import t from 'tap'
import {createSlugger, githubSlug, stepIdFromSlug} from '../../lib/parse/slug.js'

// The rule as GitHub states it, applied to any text: the oracle for the fast path.
const unicodeRule = (text: string) => text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-')

t.test('every ASCII character is kept or dropped as the Unicode rule does', async (t) => {
  const differ: string[] = []
  for (let code = 0; code < 128; code++) {
    const text = `A${String.fromCharCode(code)}b 9`
    if (githubSlug(text) !== unicodeRule(text)) differ.push(JSON.stringify(String.fromCharCode(code)))
  }
  t.same(differ, [])
  t.equal(githubSlug('  Deploy: the API (v2) & the_DB — now!  '), unicodeRule('  Deploy: the API (v2) & the_DB — now!  '))
})

t.test('headings with other scripts keep their letters, marks and digits', async (t) => {
  t.equal(githubSlug('Café Überprüfung'), 'café-überprüfung')
  t.equal(githubSlug('Шаг 2: проверка'), 'шаг-2-проверка')
  t.equal(githubSlug('デプロイ手順 ✅'), 'デプロイ手順-')
})

t.test('repeated headings get -1, -2 …; step ids drop what an id cannot hold', async (t) => {
  const slug = createSlugger()
  t.same(['Check', 'Check', 'Check'].map(slug), ['check', 'check-1', 'check-2'])
  t.equal(stepIdFromSlug(githubSlug('Café: Überprüfung')), 'cafe-uberprufung')
})
