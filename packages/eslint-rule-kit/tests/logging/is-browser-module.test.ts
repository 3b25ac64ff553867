import { createRuleTester } from '@prodready/test-kit';

import { isBrowserModule } from '../../src/frameworks/logging/is-browser-module.js';
import { createProbeRule } from '../probe.js';

// Reports the `Program` of browser modules.
const rule = createProbeRule('Program', (context) => (isBrowserModule(context) ? 'browser' : undefined));

createRuleTester().run('isBrowserModule', rule, {
  valid: [
    // server code
    "import express from 'express';\nconsole.log('listening');",
    // a string that is not a directive
    "const mode = 'use client';\nconsole.log(mode);",
    // a local named like a browser global
    'const window = { size: 5 };\nconsole.log(window.size);',
  ],
  invalid: [
    {
      code: "'use client';\nconsole.log('clicked');",
      errors: [{ messageId: 'probe', data: { answer: 'browser' }, line: 1, column: 1, endLine: 2, endColumn: 24 }],
    },
    {
      code: "import { useState } from 'react';\nconsole.log(useState);",
      errors: [{ messageId: 'probe', data: { answer: 'browser' }, line: 1, column: 1, endLine: 2, endColumn: 23 }],
    },
    {
      code: "console.log(localStorage.getItem('theme'));",
      errors: [{ messageId: 'probe', data: { answer: 'browser' }, line: 1, column: 1, endLine: 1, endColumn: 44 }],
    },
  ],
});
