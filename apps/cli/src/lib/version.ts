import packageJson from '../../package.json' with { type: 'json' };

/** wenshu's version, from the command's package.json (built into the bundle). */
export const version: string = packageJson.version;

/** The flags that print it (commander's version option, and the bin's own answer in boot/cli.ts). */
export const VERSION_FLAGS = ['-v', '--version'];
