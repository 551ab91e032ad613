// Types for openapi-lib.mjs, so the TypeScript freshness test can import it.
export declare const FRONTEND_DIR: string;
export declare const REPO_DIR: string;
export declare const DOCUMENT_PATH: string;
export declare const SCHEMA_PATH: string;
export declare const EMITTER_PATH: string;
export declare function formatDocument(document: unknown): string;
export declare function renderSchema(document: unknown): Promise<string>;
export declare function emitDocument(): Promise<unknown>;
