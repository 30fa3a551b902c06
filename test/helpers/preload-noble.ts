// Jest's module sandbox cannot require() ES modules on Node 20, which src/aws/noble.ts uses to load the noble
// libraries on first use; every test file imports them ahead instead (the built CLI takes the require() path).
import { preloadNoble } from '../../src/aws/noble.js';

await preloadNoble();
