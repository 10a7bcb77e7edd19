// The workspace's lint rules, plus one for Vue single-file components: `no-undef` is off in them,
// as typescript-eslint advises for TypeScript, because vue-tsc already checks every name (and
// knows the browser's globals, which ESLint's rule does not here).
import workspace from '../../eslint.config.mjs';

export default [...workspace, { files: ['**/*.vue'], rules: { 'no-undef': 'off' } }];
