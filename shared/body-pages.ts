/** A response body kept in the main process, as the renderer knows it: by id, read in pages. */
export interface BodyInfo {
  id: string;
  size: number;
  kind: 'json' | 'text' | 'binary' | 'empty';
  contentType: string | null;
  /** Lines of the raw text. */
  rawLines: number;
}

export type BodyView = 'pretty' | 'raw';

export interface BodyPage {
  /** The view served: `raw` when pretty was asked for but the body is not JSON after all. */
  view: BodyView;
  from: number;
  lines: string[];
  /** Lines known so far; final once `complete`. */
  total: number;
  complete: boolean;
}

export interface BodySearch {
  view: BodyView;
  query: string;
  /** Line numbers holding a match, in order (at most 1,000). */
  lines: number[];
  matches: number;
  truncated: boolean;
}
