// "Today" for the tests of the shipped content (questions/, notes/), so they never read the wall clock.
// A `verified:` date after it is refused as in the future: move it forward when content checked later is added.
export const CONTENT_TODAY = '2026-12-05';
