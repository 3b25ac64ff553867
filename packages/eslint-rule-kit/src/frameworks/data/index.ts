export type { DataAccess, DataAccessKind, DataLibrary, DataStep } from './data-access.js';
export { getDataAccess } from './get-data-access.js';
