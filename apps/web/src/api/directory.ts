/**
 * Offices and officials change rarely: loaded once per page life and shared by the pages that
 * show names (a failed load is forgotten, so the next page tries again).
 */
import { api, ok } from './client';
import type { Office, Official } from './views';

let offices: Promise<Office[]> | null = null;
let officials: Promise<Official[]> | null = null;

export const loadOffices = (): Promise<Office[]> => {
  offices ??= ok(api.GET('/api/v1/offices')).then(
    (r) => r.offices,
    (error: unknown) => {
      offices = null;
      throw error;
    },
  );
  return offices;
};

export const loadOfficials = (): Promise<Official[]> => {
  officials ??= ok(api.GET('/api/v1/officials')).then(
    (r) => r.officials,
    (error: unknown) => {
      officials = null;
      throw error;
    },
  );
  return officials;
};

/** After an official changes their hours. */
export const forgetOfficials = () => {
  officials = null;
};
