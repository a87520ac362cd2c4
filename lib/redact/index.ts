// Secret masking (SPEC §8, §11): which values are secret, and a redactor for texts and streams.
export {collectSecrets, isSecretName, urlPasswords} from './collect.js'
export {createRedactor, type Redactor} from './redactor.js'
export {secretForms, base64Forms, minimumSecretLength} from './forms.js'
