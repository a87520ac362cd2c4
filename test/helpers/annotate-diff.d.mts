// Types of annotate-diff.mjs (plain JavaScript, shared with bench/annotate-corpus.mjs).
export function disallowedChange(
  original: string,
  annotated: string,
  rewrites: unknown,
  expectBodies?: boolean,
): {line: number; before: string; after: string} | undefined
