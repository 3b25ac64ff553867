// Words that name a credential, matched on SCREAMING_SNAKE words (`jwtSecret` is checked as `JWT_SECRET`).
const SECRET_WORD =
  /(?:SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|SESSION_?KEY|MASTER_?KEY|SALT|PEPPER|(?:^|_)AUTH_?KEY|WEBHOOK_?KEY|SERVICE_?ROLE_?KEY|CLIENT_?KEY|LICENSE_?KEY)(?:$|_)/;
// In code the credential word is the head noun: `accessToken`, not `id_token_signing_alg_values_supported` or `jsonwebtoken`.
const SECRET_WORD_AT_END = new RegExp(`(?:^|_)${SECRET_WORD.source.slice(0, -'(?:$|_)'.length)}$`);
// A bare `KEY` is a credential only in an environment variable (`STRIPE_KEY`); in code, `cacheKey`/`sortKey` are names.
const ENV_KEY = /(?:^|_)KEY$/;
// `credentials: 'include'` is a fetch option; only environment variables hold credentials under that name.
const ENV_CREDENTIALS = /(?:^|_)CREDENTIALS?(?:$|_)/;
// …unless the name is about the secret, not the secret itself (`TOKEN_TTL`, `passwordField`, `SECRET_ARN`).
const ABOUT_A_SECRET =
  /_(?:TTL|EXPIRES?(?:_IN)?|EXPIRY|EXPIRATION|TIMEOUT|LENGTH|SIZE|NAME|HEADER|ALGORITHM|ALG|ISSUER|AUDIENCE|URL|URI|ENDPOINT|PATH|ROUTE|FILE|ROUNDS|COST|ENABLED|REQUIRED|PREFIX|FIELD|COLUMN|PARAM|LABEL|PLACEHOLDER|MESSAGE|MSG|ERROR|HINT|TEXT|TITLE|TYPE|PATTERN|REGEX|POLICY|MIN|MAX|ID|ARN|HASH|HASHED|DIGEST|COOKIE|STORAGE_KEY|KEY_NAME|ENV|VAR|SCHEMA|MODE|STRATEGY|PROVIDER|VERSION|FORMAT|ENCODING|INPUT|SELECTOR|KIND|STATUS|COUNT|ATTEMPTS|DATE|AT|ROTATION|INTERVAL|PERIOD|KEY)$/;
// …or qualified by a word that makes it a different thing (`nextPageToken`, `invalidPassword`, `showPassword`).
const QUALIFIED =
  /(?:^|_)(?:NEXT|PAGE|PAGINATION|CONTINUATION|CURSOR|SYNC|CANCEL|CANCELLATION|DEVICE|PUSH|FCM|APNS|INVALID|WRONG|MISSING|FORGOT|FORGOTTEN|RESET|EMPTY|WEAK|SHOW|HIDE|TOGGLE|CONFIRM|REPEAT|EXPIRED|INCORRECT|NO|HAS|IS|USE|WITH|REQUIRE|REQUIRES|LEXER|PARSER|DESIGN|CSS|THEME|I18N|NUM|MAX|MIN)_(?:[A-Z0-9]+_)*(?:SECRET|PASSWORD|PASSWD|PWD|TOKEN|KEY)S?$/;
// Values meant to be public: client-exposed prefixes and public/publishable/anon keys.
const PUBLIC_NAME = /^(?:NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)|(?:PUBLIC|PUBLISHABLE|ANON)_?KEY$/;

/**
 * `true` when `name` (an environment variable, variable, property or option name in any case style)
 * says it holds a credential: secrets, passwords, tokens, API/private/signing/service-role keys, salts.
 * Names about a secret (`TOKEN_TTL`, `passwordField`, `SECRET_ARN`), qualified names that are something else
 * (`nextPageToken`, `invalidPassword`) and public names (`NEXT_PUBLIC_*`, publishable and anon keys) are not.
 * `kind: 'env'` also accepts a bare `_KEY` suffix (`STRIPE_KEY`), which in code names cache and sort keys.
 */
export function isSecretName(name: string, kind: 'env' | 'code' = 'code'): boolean {
  const words = toScreamingSnake(name);
  if (words === '' || PUBLIC_NAME.test(words) || ABOUT_A_SECRET.test(words) || QUALIFIED.test(words)) {
    return isKeyedSecret(words, kind);
  }
  if (kind === 'code') return SECRET_WORD_AT_END.test(words);
  return SECRET_WORD.test(words) || ENV_KEY.test(words) || ENV_CREDENTIALS.test(words);
}

/** `true` when `name` is a client-exposed or public-by-design name (`NEXT_PUBLIC_*`, `VITE_*`, publishable/anon keys). */
export function isPublicName(name: string): boolean {
  return PUBLIC_NAME.test(toScreamingSnake(name));
}

// `API_SECRET_KEY` ends in `_KEY` (an ABOUT suffix for `TOKEN_KEY` storage names) but is itself a credential.
function isKeyedSecret(words: string, kind: 'env' | 'code'): boolean {
  if (PUBLIC_NAME.test(words) || QUALIFIED.test(words) || !words.endsWith('_KEY')) return false;
  const stem = words.slice(0, -4);
  if (/(?:TOKEN|PASSWORD|COOKIE|STORAGE|CACHE|HEADER|QUERY|PARAM)$/.test(stem)) return false;
  return /(?:SECRET|PRIVATE|API|ACCESS|SIGNING|ENCRYPTION|SESSION|MASTER|SERVICE_ROLE|WEBHOOK|AUTH|CLIENT|LICENSE)$/.test(stem) ||
    (kind === 'env' && stem !== '');
}

function toScreamingSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}
