// Byte-for-byte text expectations (txm's `out`/`err`): the output must equal the block's text plus
// its final newline, with no line normalising and no `(re)`/`...` patterns.
import {matchText} from './text-match.js'

const show = (text: string): string => {
  const json = JSON.stringify(text)
  return json.length > 80 ? `${json.slice(0, 77)}..."` : json
}

// Compare exactly; on failure, the line diff when lines differ, else where the bytes differ.
export function matchLiteral(body: string, raw: string): {ok: true} | {ok: false; message: string; diff?: string} {
  const expected = `${body}\n`
  if (raw === expected) return {ok: true}
  const lines = matchText(body, raw, {mode: 'exact'})
  if (!lines.ok) return {ok: false, message: lines.message ?? 'output does not match', ...(lines.diff === undefined ? {} : {diff: lines.diff})}
  return {ok: false, message: `output differs byte for byte (whitespace or line endings): expected ${show(expected)}, got ${show(raw)}`}
}
