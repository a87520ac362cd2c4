// Output matching (SPEC §2): text patterns, JSON patterns, JSON Schema and exit codes.
// Pure functions: the executor and the HTTP checks call them, lint reuses the regex check.
export {matchExpectation, type ExpectationOutcome, type StepOutput} from './expectation.js'
export {matchText, blessText, type TextMatch, type TextMatchOptions} from './text-match.js'
export {matchJson, type JsonMatch} from './json-match.js'
export {exitAccepted} from './exit.js'
export {checkRegexSafety} from './safe-regex.js'
export {compileUserRegex, type UserRegex} from './user-regex.js'
export {checkTextPatterns} from './check-patterns.js'
export {normalizeText} from './normalize.js'
export {stripAnsi} from '../ansi.js'
