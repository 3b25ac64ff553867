import prodready from 'prodready';

// `cwd` pins stack detection to this package's package.json, whichever folder ESLint starts in.
export default prodready({ cwd: import.meta.dirname });
