import { createRuleTester } from '@prodready/test-kit';
import type { TSESTree } from '@typescript-eslint/utils';

import { hasPinnedUrlPrefix } from '../../src/taint/has-pinned-url-prefix.js';
import { createProbeRule } from '../probe.js';

// Reports `pinned` for each argument of `target(…)` whose fixed prefix pins where it goes.
const rule = createProbeRule<TSESTree.Node>('CallExpression[callee.name="target"] > .arguments', (context, node) =>
  hasPinnedUrlPrefix(context, node) ? 'pinned' : undefined,
);

createRuleTester().run('hasPinnedUrlPrefix', rule, {
  valid: [
    // input in the host, right after it, at the start, or after a bare `/`
    `
        import express from 'express';
        const app = express();
        app.get('/go', (req, res) => {
          target(\`https://\${req.query.host}/status\`);
          target('https://api.example.com' + req.query.path);
          target(req.query.next);
          target(\`/\${req.query.next}\`);
        });
      `,
    // no request input at all is not "pinned": the caller has nothing to decide
    `
        target('https://api.example.com/users');
      `,
  ],
  invalid: [
    {
      // a host and a path segment, a query, a constant base variable, encodeURI
      code: `
        import express from 'express';
        const app = express();
        const base = 'https://api.example.com/v1';
        app.get('/users/:id', (req, res) => {
          target(\`https://api.example.com/users/\${req.params.id}\`);
          target('https://api.example.com/search?q=' + req.query.q);
          target(\`\${base}/users/\${req.params.id}\`);
          target(encodeURI(\`https://api.github.com/users/\${req.params.id}/repos\`));
        });
      `,
      errors: [
        { messageId: 'probe', data: { answer: 'pinned' }, line: 6, column: 18, endLine: 6, endColumn: 66 },
        { messageId: 'probe', data: { answer: 'pinned' }, line: 7, column: 18, endLine: 7, endColumn: 67 },
        { messageId: 'probe', data: { answer: 'pinned' }, line: 8, column: 18, endLine: 8, endColumn: 50 },
        { messageId: 'probe', data: { answer: 'pinned' }, line: 9, column: 18, endLine: 9, endColumn: 82 },
      ],
    },
  ],
});
