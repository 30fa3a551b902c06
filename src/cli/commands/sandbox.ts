// Placeholder: the 'sandbox' command is being built (see the issue tracker). Replaced by its real registration.
import type { Command } from 'commander';
import type { ProgramContext } from '../main.js';

export function register(_program: Command, _ctx: ProgramContext): void {}
