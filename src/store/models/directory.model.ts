import { Schema } from 'mongoose';
import type { DirectoryData } from '../../domain/directory.js';

/**
 * The whole directory is one document (`_id: 'current'`): an import replaces it in one single-document write, so
 * it is all-or-nothing without transactions. A district's roster is far below the 16 MB document limit.
 */
export interface DirectoryDoc {
  _id: string;
  version: number;
  hash: string;
  data: DirectoryData;
  importedAt: Date;
}

export const directorySchemaModel = new Schema<DirectoryDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    hash: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

/**
 * The version in force, written after the directory itself: every process checks this small document (an `_id`
 * lookup, indexed on MongoDB and FerretDB alike) before each use and reloads the directory only when it moved, so an
 * import by another process (the CLI, a second worker) is in force for the very next message.
 */
export interface DirectoryStampDoc {
  _id: string;
  version: number;
}

export const directoryStampSchema = new Schema<DirectoryStampDoc>(
  { _id: { type: String, required: true }, version: { type: Number, required: true } },
  { versionKey: false },
);
