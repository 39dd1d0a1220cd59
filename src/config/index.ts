/** Config files: discovery, cascade, presets, validation. */
export { ConfigResolver, type ConfigResolverOptions, type ResolvedConfig } from './resolve.js';
export { ConfigError } from './error.js';
export { presetNames } from './presets.js';
export { CONFIG_FILE_NAMES } from './schema.js';
