module.exports = { ...require('../../jest.preset.js'), displayName: 'importer', rootDir: __dirname };
