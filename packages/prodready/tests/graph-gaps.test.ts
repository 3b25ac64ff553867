import { describe, expect, it } from 'vitest';

import preset, { getGraphRuleGap } from '../src/dependency-cruiser.js';

describe('getGraphRuleGap', () => {
  it('scores every static preset rule in its gap', () => {
    for (const rule of preset.forbidden ?? []) expect(getGraphRuleGap(rule.name ?? '')).toMatch(/^(architecture|coherence)$/);
    expect(getGraphRuleGap('no-circular-runtime')).toBe('architecture');
    expect(getGraphRuleGap('no-legacy-request-libraries')).toBe('coherence');
  });

  it('scores rules the generators name after the project', () => {
    expect(getGraphRuleGap('layer-domain')).toBe('architecture');
    expect(getGraphRuleGap('feature-billing-isolation')).toBe('architecture');
    expect(getGraphRuleGap('workspace-undeclared-dependency-in-apps-api')).toBe('architecture');
    expect(getGraphRuleGap('one-logger')).toBe('coherence');
    expect(getGraphRuleGap('no-db-driver-outside-data-layer')).toBe('coherence');
  });

  it("leaves the project's own rules unscored", () => {
    expect(getGraphRuleGap('no-lodash-in-web')).toBeUndefined();
    expect(getGraphRuleGap('layered')).toBeUndefined();
  });
});
