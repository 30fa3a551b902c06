// placeholder
import './registry.js';
