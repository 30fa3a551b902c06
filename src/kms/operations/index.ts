// Loads every operation group into the registry (one file per API group).
// Differs: GenerateDataKeyPair, Sign/Verify, MACs, multi-Region and import operations come in later issues.
import './keys.js';
import './crypto.js';
import './aliases.js';
import './deletion.js';
import './rotation.js';
import './policies.js';
import './grants.js';
import './tags.js';
import './asymmetric.js';
import './mac.js';
import './import.js';
import './multi-region.js';
import './data-key-pair.js';
import './custom-key-stores.js';
import './last-usage.js';
import './key-agreement.js';
export { OPERATIONS } from './registry.js';
