import { ERASED_AT_RUNTIME, NOT_APP_CODE } from '../lib/patterns.mjs';

const JS_EXTENSION = '\\.[cm]?[jt]sx?$';

/**
 * Modules that handle requests: files in a `controllers/` folder, `*.controller.ts` /
 * `userController.js`, Next.js `app/**\/route.ts` and `pages/api/**`. Express `routes/` files are
 * left out on purpose: an Express router mounting other routers is the normal way to compose them.
 */
const REQUEST_HANDLER_MODULE = [
  '(?:^|/)controllers/',
  `[.\\-_]?[cC]ontroller${JS_EXTENSION}`,
  `(?:^|/)app/(?:|.*/)route${JS_EXTENSION}`,
  '(?:^|/)pages/api/',
];

/** Shared code that lives beside handlers: barrels, base classes, helpers, validators, types. */
const SHARED_BESIDE_HANDLERS = [
  `(?:^|/)index${JS_EXTENSION}`,
  `(?:^|/)(?:[bB]ase|[aA]bstract)[.\\-_]?[cC]ontroller${JS_EXTENSION}`,
  '(?:^|/)(?:helpers?|utils?|lib|middlewares?|validators?|validation|schemas?|types?|dto|dtos|constants?|shared|common)(?:/|\\.[^/]*$)',
];

export default {
  name: 'no-route-importing-route',
  comment:
    'A request handler (controller, Next.js route handler, API route) imports another request ' +
    'handler: the business logic lives in a controller, so reusing it means calling HTTP-shaped code ' +
    '(request, response, status codes) from another endpoint, and middleware such as auth and ' +
    'validation of the imported endpoint is skipped. Move the shared logic into a service module both import.',
  severity: 'warn',
  from: {
    path: REQUEST_HANDLER_MODULE,
    pathNot: [...SHARED_BESIDE_HANDLERS, ...NOT_APP_CODE],
  },
  to: {
    path: REQUEST_HANDLER_MODULE,
    pathNot: [...SHARED_BESIDE_HANDLERS, ...NOT_APP_CODE],
    dependencyTypesNot: ERASED_AT_RUNTIME,
  },
};
