import type { EdmTypeShared } from '@sap-cloud-sdk/odata-common';
import type { EdmPrimitiveType } from './edm';

/*
 * Compile-time only (a type import costs nothing at run time, while requiring @sap-cloud-sdk/odata-common
 * takes ~360 ms): every Edm type the connectors handle must be one the SAP Cloud SDK knows. Edm.Stream is
 * ours alone: the SDK has no converter for media streams.
 */
type UnknownToSdk = Exclude<EdmPrimitiveType, EdmTypeShared<'any'> | 'Edm.Stream'>;

/** `true` when the Edm tables agree; a type error here names the type the SDK does not know. */
export const edmTypesKnownToSdk: [UnknownToSdk] extends [never] ? true : UnknownToSdk = true;
