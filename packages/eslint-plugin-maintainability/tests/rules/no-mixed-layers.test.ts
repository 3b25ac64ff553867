import { join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mixed-layers.js';
import { createFixtureProject } from '../project.js';

// The fixture's `src/lib/db.ts` exports `new PrismaClient()`; project facts resolve imports of it.
const { root, settings } = createFixtureProject();
const filename = join(root, 'src/users/user-page.ts');

createRuleTester().run('no-mixed-layers', rule, {
  valid: [
    // two layers: a route that renders, without data access
    { code: "import express from 'express';\nimport { renderToString } from 'react-dom/server';\nexport const router = express.Router();", filename, settings },
    // a composition root wires every layer
    {
      code: "import express from 'express';\nimport { Pool } from 'pg';\nimport ejs from 'ejs';\nexport const app = express();",
      filename: join(root, 'src/server.ts'),
      settings,
    },
    // type-only imports are not dependencies at run time
    {
      code: "import express from 'express';\nimport type { Pool } from 'pg';\nimport { type Options } from 'ejs';\nexport const router = express.Router();",
      filename,
      settings,
    },
    // imports used only in type positions are no dependency at run time
    {
      code: "import { Request } from 'express';\nimport { Pool } from 'pg';\nimport ejs from 'ejs';\nexport function renderUsers(req: Request, pool: Pool) {\n  return ejs.render('<%= url %>', { url: req.url });\n}",
      filename,
      settings,
    },
    // a same-named local module is not the package
    {
      code: "import express from 'express';\nimport { db } from './db-helpers';\nimport { render } from './ejs';\nexport const router = express.Router();\nrouter.get('/', (req, res) => res.send(render(db.users)));",
      filename,
      settings,
    },
    // a configured composition root
    {
      code: "import express from 'express';\nimport { Pool } from 'pg';\nimport ejs from 'ejs';\nexport const router = express.Router();",
      filename,
      settings,
      options: [{ compositionRoots: ['user-page'], minLayers: 3 }],
    },
    // test files import whatever they exercise
    {
      code: "import express from 'express';\nimport { Pool } from 'pg';\nimport ejs from 'ejs';",
      filename: join(root, 'src/users/user-page.test.ts'),
      settings,
    },
    // type errors do not crash
    { code: "import express from 'express';\nconst db = require(missingName as string);\nexport const port: string = express as number;", filename, settings },
  ],
  invalid: [
    {
      code: "import express from 'express';\nimport { Pool } from 'pg';\nimport ejs from 'ejs';\nexport const router = express.Router();\nconst pool = new Pool();\nrouter.get('/users', async (req, res) => res.send(ejs.render('<%= rows %>', await pool.query('select 1'))));",
      filename,
      settings,
      errors: [
        {
          messageId: 'mixedLayers',
          data: { layers: 'an HTTP framework (`express`), a database client (`pg`) and a view/template layer (`ejs`)' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 23,
        },
      ],
    },
    {
      // the database through the project's own client module, found by the project facts; aliased imports
      code: "import { Hono as App } from 'hono';\nimport { db as database } from '../lib/db';\nimport { renderToString as render } from 'react-dom/server';\nexport const app = new App();\napp.get('/', async (c) => c.html(render(await database.user.findMany())));",
      filename,
      settings,
      errors: [
        {
          messageId: 'mixedLayers',
          data: { layers: 'an HTTP framework (`hono`), a database client (`@prisma/client`) and a view/template layer (`react-dom/server`)' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 61,
        },
      ],
    },
    {
      // CommonJS requires
      code: "const express = require('express');\nconst mongoose = require('mongoose');\nconst { render } = require('pug');\nmodule.exports = express.Router();",
      filename,
      settings,
      errors: [
        {
          messageId: 'mixedLayers',
          data: { layers: 'an HTTP framework (`express`), a database client (`mongoose`) and a view/template layer (`pug`)' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 35,
        },
      ],
    },
    {
      // `minLayers: 2` also reports a route that queries the database itself
      code: "import { NextResponse } from 'next/server';\nimport { sql } from '@vercel/postgres';\nexport async function GET() { return NextResponse.json(await sql`select 1`); }",
      filename,
      settings,
      options: [{ compositionRoots: [], minLayers: 2 }],
      errors: [
        {
          messageId: 'mixedLayers',
          data: { layers: 'an HTTP framework (`next/server`) and a database client (`@vercel/postgres`)' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 40,
        },
      ],
    },
  ],
});
