import type { IssueCategory } from '../../domain/issues/categories';

/** A category of the taxonomy as stored: versioned, and who changed it last. */
export interface CategoryRecord extends IssueCategory {
  updatedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
