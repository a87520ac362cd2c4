import t from 'tap'
import {matchExpectation} from '../../lib/assert/index.js'
import {expectation} from '../helpers/http-fixtures.js'
import {repoPath} from '../helpers/paths.js'

const dir = repoPath('test/fixtures/assert')
const uuid = '123e4567-e89b-12d3-a456-426614174000'
const bySchemaFile = (stdout: string, schemaPath = 'schemas/health.json') =>
  matchExpectation(expectation('', {kind: 'schema', lang: 'json', schemaPath}), {stdout, stderr: '', all: stdout}, {dir})
const byInlineSchema = (schema: unknown, stdout: string) =>
  matchExpectation(expectation(JSON.stringify(schema), {kind: 'schema', lang: 'json'}), {stdout, stderr: '', all: stdout}, {dir})

t.test('schema=path relative to the runbook folder: valid output passes', async (t) => {
  t.same(bySchemaFile(JSON.stringify({status: 'ok', request_id: uuid, checks: [{name: 'db'}]})), {ok: true})
})

t.test('schema=path: invalid output names the instance path and the rule', async (t) => {
  t.match(bySchemaFile(JSON.stringify({status: 'broken', request_id: uuid})), {ok: false, message: 'schema: /status: must be equal to one of the allowed values ("ok", "degraded")'})
  t.match(bySchemaFile(JSON.stringify({status: 'ok'})), {ok: false, message: "schema: (root): must have required property 'request_id'"})
  t.match(bySchemaFile(JSON.stringify({status: 'ok', request_id: 'x'})), {ok: false, message: 'schema: /request_id: must match format "uuid"'})
  t.match(bySchemaFile(JSON.stringify({status: 'ok', request_id: uuid, extra: 1})), {ok: false, message: 'schema: (root): must NOT have additional properties ("extra")'})
  t.match(bySchemaFile(JSON.stringify({status: 'ok', request_id: uuid, checks: [{}]})), {ok: false, message: /^schema: \/checks\/0: must have required property 'name'/})
  t.match(bySchemaFile('not json'), {ok: false, message: /not valid JSON/})
})

t.test('a missing or broken schema is reported, not thrown', async (t) => {
  t.match(bySchemaFile('{}', 'schemas/nope.json'), {ok: false, message: 'cannot read schema schemas/nope.json: no such file'})
  t.match(byInlineSchema({type: 'wat'}, '{}'), {ok: false, message: /^schema: invalid JSON Schema: /})
})

t.test('inline {schema} block, draft 2020-12 too', async (t) => {
  const schema = {$schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {n: {type: 'integer', minimum: 1}}, required: ['n']}
  t.same(byInlineSchema(schema, '{"n": 3}'), {ok: true})
  t.match(byInlineSchema(schema, '{"n": 0}'), {ok: false, message: 'schema: /n: must be >= 1'})
  t.match(byInlineSchema({type: 'array', items: {type: 'string'}}, '["a", 2]'), {ok: false, message: 'schema: /1: must be string'})
})
