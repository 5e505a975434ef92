import packageJson from '../../package.json' with { type: 'json' };

/** wenshu's version, from the command's package.json (built into the bundle). */
export const version: string = packageJson.version;
