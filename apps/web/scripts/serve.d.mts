/** Types of `serve.mjs`, for the TypeScript tests that import it. */
import type { Server } from 'node:http';

export declare function serve(port?: number): Promise<{ server: Server; port: number }>;
