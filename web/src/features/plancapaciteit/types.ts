/** Types of the plancapaciteit answers, from the generated OpenAPI types (src/http/schemas/national.schemas.ts). */
import type { components } from '../../api/generated/openapi.ts';

type Schemas = components['schemas'];

/** GET /national/plancapaciteit */
export type PlancapaciteitData = Schemas['Plancapaciteit'];
/** One area (the chosen one, or a unit of its breakdown) with its periods. */
export type AreaPlancapaciteit = Schemas['AreaPlancapaciteit'];
export type PeriodCapacity = Schemas['PeriodCapacity'];
/** A norm set for an area (GET /national/plancapaciteit/normen). */
export type Norm = Schemas['Norm'];
