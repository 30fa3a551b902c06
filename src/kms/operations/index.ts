// Loads every operation group into the registry (one file per API group).
import './keys.js';
import './crypto.js';
import './aliases.js';
import './deletion.js';
import './rotation.js';
import './policies.js';
import './grants.js';
import './tags.js';
export { OPERATIONS } from './registry.js';
