export * from './entities.js';
export * from './projections.js';
export * from './queries.js';
export * from './directory-feed.js';
export * from './offices.js';
export * from './orm.js';
export {
  READ_MODEL_ORM,
  PROJECTION_RUNNER,
  PROJECTIONS,
  APPOINTMENTS_PROJECTIONS,
  ReadModelsModule,
  ReadModelsLifecycle,
  type ReadModelsModuleOptions,
} from './read-models.module.js';
export { rebuildReadModels, rebuildableReadModels, APPOINTMENTS_STORE_SCHEMA, type RebuildResult } from './rebuild.js';
