// Write-back (SPEC §8): the executed runbook as edits on its original text, written atomically.
export {renderWriteBack, writeBackEdits, type WriteBackOptions} from './render.js'
export {writeFileAtomic} from './atomic.js'
export {applyEdits, type Edit} from './edits.js'
export {sanitize, stripControls} from './sanitize.js'
export {fenceFor} from './fence.js'
