module.exports = { ...require('../../jest.preset.js'), displayName: 'merge', rootDir: __dirname };
