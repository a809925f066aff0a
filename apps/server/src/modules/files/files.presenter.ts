import type { FileView } from '@sw/contracts';
import type { FileRow } from './files.repo.ts';

/** The public shape of a file: never its storage keys or its upload token's hash. */
export function presentFile(row: FileRow): FileView {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    hasThumbnail: row.thumbnailKey !== null,
  };
}
