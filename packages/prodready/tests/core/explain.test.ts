import { describe, expect, it } from 'vitest';

import { explain, getRuleDocs, listRules, listTopics } from '../../src/core/explain.js';

describe('explain', () => {
  it('explains a rule by short name, area/name or full id, from its meta and its doc', () => {
    const text = explain('no-secret-fallback');
    expect(text.split('\n')[0]).toBe('@prodready/security/no-secret-fallback  (gap 2 Security · in recommended · eslint)');
    expect(text).toContain('## Examples');
    expect(text).not.toContain('## Options');
    expect(text).toContain('Docs: https://github.com/prodready/prodready/blob/main/packages/eslint-plugin-security/docs/rules/no-secret-fallback.md');
    expect(explain('security/no-secret-fallback')).toBe(text);
    expect(explain('@prodready/security/no-secret-fallback')).toBe(text);
  });

  it('explains a graph rule from the preset comment and a project check', () => {
    expect(explain('no-circular-runtime')).toMatch(/^no-circular-runtime {2}\(gap 1 Architecture · dependency-cruiser\)/);
    expect(explain('no-test-script')).toContain('How to fix\nAdd a test runner');
  });

  it('explains a gap by key, number or plugin area', () => {
    expect(explain('security').split('\n')[0]).toBe('Gap 2: Security');
    expect(explain('4')).toBe(explain('performance'));
    expect(explain('scalability')).toContain('@prodready/performance/no-unbounded-query');
  });

  it('suggests the closest name for a typo', () => {
    expect(() => explain('no-secret-fallbak')).toThrow('No rule or gap called `no-secret-fallbak`. Did you mean `no-secret-fallback`? Run `prodready explain --list` for all of them.');
    expect(() => explain('securty')).toThrow('Did you mean `security`?');
    expect(() => explain('kubernetes')).toThrow('No rule or gap called `kubernetes`. Run `prodready explain --list` for all of them.');
  });

  it('lists every rule under its gap, and documents every rule with a link', () => {
    expect(listTopics()).toMatch(/^1\. Architecture \(architecture\)\n {3}no-circular-runtime/);
    const docs = getRuleDocs();
    expect(docs.size).toBe(listRules().length);
    expect([...docs.values()].every((doc) => doc.description.length > 0 && doc.helpUri?.startsWith('https://'))).toBe(true);
    expect(getRuleDocs(['no-empty', 'no-orphans', 'react/no-danger']).get('no-empty')).toEqual({ description: 'ESLint core rule `no-empty`', helpUri: 'https://eslint.org/docs/latest/rules/no-empty' });
    expect(getRuleDocs(['react/no-danger']).has('react/no-danger')).toBe(false);
  });
});
