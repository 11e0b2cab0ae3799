// Shapes of the centre's pages (project finder, hostable steps, the draws desk), as the API documents them at /docs.
import type { components } from './schema';

type Schemas = components['schemas'];

export type ProjectStatus = Schemas['ProjectListItem']['status'];

/** GET /projects */
export type ProjectListItem = Schemas['ProjectListItem'];

export type ProjectListPage = Schemas['ProjectListPage'];

/** GET /scheduling/projects/:id/steps */
export type HostableStep = Schemas['HostableStepView'];

/** GET /expert-draws/desk and the draw routes */
export type DeskDraw = Schemas['DrawView'];

export type DrawPage = Schemas['DrawPage'];

export type Specialty = Schemas['SpecialtyView'];

export type ReplayResult = Schemas['ReplayView'];
