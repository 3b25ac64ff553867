import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-public-secret-env.js';

const ruleTester = createRuleTester();

ruleTester.run('no-public-secret-env', rule, {
  valid: [
    // public by design: anon, publishable and site keys, URLs
    'const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY);',
    'const stripe = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY);',
    'const siteKey = import.meta.env.VITE_RECAPTCHA_SITE_KEY;',
    // provider keys that are public by design are only reported with checkApiKeys
    'const firebaseConfig = { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY };',
    // a server-only name without a public prefix, in server code
    "import { createClient } from '@supabase/supabase-js'; const admin = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY);",
    // a public name in a client module
    "'use client';\nconst url = process.env.NEXT_PUBLIC_API_URL;",
    // 'use client' after other code is not a directive
    "import { useState } from 'react';\n'use client';\nconst key = process.env.STRIPE_SECRET_KEY;",
    // a same-named local object that is not the process environment
    'const process = { env: { NEXT_PUBLIC_STRIPE_SECRET_KEY: "" } }; const key = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;',
    // allow-listed name
    {
      code: 'const key = process.env.NEXT_PUBLIC_DEMO_PASSWORD;',
      options: [{ allow: ['NEXT_PUBLIC_DEMO_PASSWORD'], checkApiKeys: false }],
    },
    // type errors do not crash
    'const key: number = import.meta.env.VITE_APP_TITLE;',
  ],
  invalid: [
    {
      code: 'const admin = createClient(url, process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY);',
      errors: [
        {
          messageId: 'secretWithPublicPrefix',
          data: { name: 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY' },
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 82,
        },
      ],
    },
    {
      // Vite, with a cast and optional chaining
      code: 'const openai = new OpenAI({ apiKey: (import.meta.env?.VITE_OPENAI_API_KEY as string) });',
      errors: [
        {
          messageId: 'secretWithPublicPrefix',
          data: { name: 'VITE_OPENAI_API_KEY' },
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 74,
        },
      ],
    },
    {
      code: "const stripe = new Stripe(process.env['REACT_APP_STRIPE_SECRET_KEY']);",
      errors: [
        {
          messageId: 'secretWithPublicPrefix',
          data: { name: 'REACT_APP_STRIPE_SECRET_KEY' },
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 69,
        },
      ],
    },
    {
      code: 'const firebaseConfig = { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY };',
      options: [{ allow: [], checkApiKeys: true }],
      errors: [
        {
          messageId: 'secretWithPublicPrefix',
          data: { name: 'NEXT_PUBLIC_FIREBASE_API_KEY' },
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 74,
        },
      ],
    },
    {
      code: "'use client';\nimport Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
      errors: [
        {
          messageId: 'secretInClientModule',
          data: { name: 'STRIPE_SECRET_KEY' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 56,
        },
      ],
    },
  ],
});
