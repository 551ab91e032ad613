/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Only when the api is on another origin; by default requests stay same-origin. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
