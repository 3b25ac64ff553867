import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-fail-open-catch.js';

const ruleTester = createRuleTester();

ruleTester.run('no-fail-open-catch', rule, {
  valid: [
    // fails closed
    `
      import jwt from 'jsonwebtoken';
      export function isAuthorized(token: string) {
        try {
          return jwt.verify(token, process.env.JWT_SECRET as string) !== null;
        } catch {
          return false;
        }
      }
    `,
    // a function whose name does not decide access
    `
      export async function isCacheWarm() {
        try {
          await redis.ping();
          return false;
        } catch {
          return true;
        }
      }
    `,
    // `true` is the denial: the token is expired
    `
      import jwt from 'jsonwebtoken';
      export function isTokenExpired(token: string) {
        try {
          jwt.verify(token, secret);
          return false;
        } catch {
          return true;
        }
      }
    `,
    // optional authentication: never denies, so continuing anonymously is the design
    `
      export async function optionalAuth(req: Request, res: Response, next: () => void) {
        try {
          req.user = await verifySession(req.headers.authorization);
        } catch {
          req.user = undefined;
        }
        next();
      }
    `,
    // middleware that denies from its catch
    `
      export async function requireAuth(req: Request, res: Response, next: (error?: unknown) => void) {
        try {
          req.user = await verifySession(req.headers.authorization);
          next();
        } catch (err) {
          res.status(401).json({ error: 'unauthorized' });
        }
      }
    `,
    // allowed by name
    {
      code: `
        export async function canUseBetaFeature(userId: string) {
          try {
            return await flags.isEnabled('beta', userId);
          } catch {
            return true;
          }
          return false;
        }
      `,
      options: [{ allow: ['canUseBetaFeature'] }],
    },
    // test files
    {
      code: `
        export function isAdmin(user: { roles: string[] }) {
          try { if (!user.roles.includes('admin')) return false; return check(user); } catch { return true; }
        }
      `,
      filename: 'src/auth.test.ts',
    },
    // a nested callback's return is not the function's answer
    `
      export async function hasPermission(userId: string, permission: string) {
        try {
          const roles = await loadRoles(userId);
          return roles.some((role) => role.permissions.includes(permission));
        } catch (err) {
          logger.error({ err }, 'permission lookup failed');
          return [].some(() => { return true; });
        }
        return false;
      }
    `,
  ],
  invalid: [
    {
      code: `
        export async function hasPermission(userId: string, permission: string) {
          try {
            const roles = await loadRoles(userId);
            if (!roles.length) return false;
            return roles.some((role) => role.permissions.includes(permission));
          } catch (err) {
            logger.error({ err }, 'permission lookup failed');
            return true;
          }
        }
      `,
      errors: [{ messageId: 'failOpen', data: { name: 'hasPermission' }, line: 9, column: 13, endLine: 9, endColumn: 25 }],
    },
    {
      // Express middleware calling next() from its catch; arrow function, TS cast
      code: `
        import jwt from 'jsonwebtoken';
        export const authMiddleware = (req: Request, res: Response, next: (error?: unknown) => void) => {
          const header = req.headers.authorization as string;
          if (!header) return res.status(401).json({ error: 'missing token' });
          try {
            req.user = jwt.verify(header.slice(7), process.env.JWT_SECRET as string);
            next();
          } catch (error) {
            console.warn('token verification failed', error);
            next();
          }
        };
      `,
      errors: [{ messageId: 'failOpen', data: { name: 'authMiddleware' }, line: 11, column: 13, endLine: 11, endColumn: 19 }],
    },
    {
      // NestJS guard
      code: `
        export class ApiKeyGuard {
          async canActivate(context: ExecutionContext) {
            try {
              const valid = await this.keys.verify(readKey(context));
              if (!valid) throw new UnauthorizedException();
              return valid;
            } catch {
              return true;
            }
          }
        }
      `,
      errors: [{ messageId: 'failOpen', data: { name: 'canActivate' }, line: 9, column: 15, endLine: 9, endColumn: 27 }],
    },
    {
      // a result object that grants access
      code: `
        export async function verifyAccessToken(token: string) {
          try {
            const payload = await verifyJwt(token);
            return { valid: true, payload };
          } catch {
            return { valid: true, payload: null } as const;
          }
          return false;
        }
      `,
      errors: [{ messageId: 'failOpen', data: { name: 'verifyAccessToken' }, line: 7, column: 13, endLine: 7, endColumn: 60 }],
    },
  ],
});
