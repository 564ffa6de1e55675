/** Geography of SPEC §2: gemeente, provincie, and regions as named sets of gemeenten. */
import type { RegionKind } from './codes.ts';

export interface Provincie {
  code: string; // PV27
  name: string;
}

export interface Gemeente {
  code: string; // GM0363
  name: string;
  provincieCode: string;
  coropCode: string;
  coropName: string;
}

/** A woondealregio or versnellingstafel: a named set of gemeenten defined by an administrator. */
export interface Region {
  id: string;
  kind: RegionKind;
  name: string;
  gemeenteCodes: string[];
}

export const GEMEENTE_CODE = /^GM\d{4}$/;
export const PROVINCIE_CODE = /^PV\d{2}$/;
