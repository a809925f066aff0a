// The files module as other modules see it: only what is exported here may be imported.
export { registerFileUsage } from './file-usage.ts';
export { presentFile } from './files.presenter.ts';
export { type FileRow, findFileById, findFilesByIds } from './files.repo.ts';
export { claimUploads } from './files.service.ts';
