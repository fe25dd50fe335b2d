export { type CellStatus, MAX_CUBE_CELLS, MAX_LATTICE_QUANTITIES, PublicationTooLargeError } from './attacker.ts';
export * from './format.ts';
export * from './publication.ts';
export * from './suppression.ts';
