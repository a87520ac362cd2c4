// STUB — replaced by the matcher (issue 4): decides whether a user regex may backtrack catastrophically.
export function checkRegexSafety(_source: string): {safe: true} | {safe: false; reason: string} {
  return {safe: true}
}
