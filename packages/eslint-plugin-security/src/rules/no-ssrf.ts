import {
  AST_NODE_TYPES,
  getHttpRequest,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  hasPinnedUrlPrefix,
  isInTestFile,
  type RequestSourceKind,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ sanitizers: string[] }];
export type MessageIds = 'ssrf';

// Input a caller controls. The request's own URL and headers (`Host`) describe where the request came in.
const CALLER_INPUT: ReadonlySet<RequestSourceKind> = new Set(['action-arg', 'body', 'cookies', 'form', 'json', 'params', 'query']);
// Request options that pick where it goes (`axios({ url })`, `http.request({ hostname })`).
const TARGET_OPTIONS = new Set(['url', 'baseURL', 'prefixUrl', 'host', 'hostname', 'origin']);

export default createRule<Options, MessageIds>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow outgoing requests to a URL or host taken from the request',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Callees, as written at the call (`assertPublicUrl`, `urls.allowListed`), whose result the rule treats as an allowed URL.',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [] }],
    messages: {
      ssrf:
        'This `{{library}}` request goes to a URL taken from {{input}}, so a caller can make the server reach internal services and cloud metadata (`http://169.254.169.254/`) with its network position. Fix the host in code and put only encoded input in the path, or check the parsed URL\'s host against an allow-list.',
    },
  },
  create(context, [{ sanitizers }]) {
    if (isInTestFile(context)) return {};

    function check(node: TSESTree.Node, library: string): void {
      if (node.type === AST_NODE_TYPES.SpreadElement) return;
      const taint = getTaint(context, node, { sink: 'url', sanitizers });
      if (!taint || !CALLER_INPUT.has(taint.kind) || hasPinnedUrlPrefix(context, node, { sink: 'url', sanitizers })) return;
      context.report({ node, messageId: 'ssrf', data: { library, input: getRequestSourceLabel(taint.kind) } });
    }

    return {
      CallExpression(node): void {
        if (node.arguments.length === 0) return;
        const request = getHttpRequest(context, node);
        if (!request) return;
        if (request.url) {
          check(request.url, request.library);
          return;
        }
        // `axios({ url })`, `http.request({ hostname, path })`
        const options = request.options && unwrapExpression(request.options);
        if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
        for (const property of options.properties) {
          if (property.type === AST_NODE_TYPES.Property && TARGET_OPTIONS.has(getStaticPropertyName(property) ?? '')) {
            check(property.value, request.library);
          }
        }
      },
    };
  },
});
