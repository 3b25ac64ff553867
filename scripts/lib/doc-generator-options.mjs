/** Shared eslint-doc-generator options for every plugin package (run from the package folder). */
export const docGeneratorOptions = {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['strict', '🔒'],
    ['strict-type-checked', '🔐'],
  ],
  ignoreConfig: ['all', 'disable-type-checked'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'deprecated'],
  urlConfigs: 'https://github.com/prodready/prodready#configs',
  pathRuleList: 'README.md',
};
