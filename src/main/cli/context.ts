import { openProfile, type Profile } from '../profile/open-profile.ts';
import { required, type Parsed } from './args.ts';

// What every command returns: the machine-readable result for --json and a line or two for
// a person at a terminal.
export interface CommandResult {
  readonly json: unknown;
  readonly text: string;
  // When the command ran but its answer is "no" (a signature that is not valid): 1.
  readonly exitCode?: number;
}

export type Command = (args: string[]) => CommandResult | Promise<CommandResult>;

// Opens the profile named by --profile for the duration of one command.
export async function withProfile<T>(p: Parsed, fn: (profile: Profile) => T | Promise<T>): Promise<T> {
  const profile = openProfile(required(p, 'profile'));
  try {
    return await fn(profile);
  } finally {
    profile.close();
  }
}
