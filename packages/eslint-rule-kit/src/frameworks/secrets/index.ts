export { getSecretFormat, type SecretFormat } from './get-secret-format.js';
export { hasUrlCredentials } from './has-url-credentials.js';
export { isCredentialValue } from './is-credential-value.js';
export { isPublicName, isSecretName } from './is-secret-name.js';
