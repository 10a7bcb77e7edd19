module.exports = { ...require('../../jest.preset.js'), displayName: 'document', rootDir: __dirname };
