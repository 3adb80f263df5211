import type { EdmTypeShared } from '@sap-cloud-sdk/odata-common';
import type { EdmPrimitiveType } from './edm';

// Compile-time only (requiring @sap-cloud-sdk/odata-common costs ~360 ms): our Edm types but Stream are the SDK's.
type UnknownToSdk = Exclude<EdmPrimitiveType, EdmTypeShared<'any'> | 'Edm.Stream'>;

/** `true` when the Edm tables agree; a type error here names the type the SDK does not know. */
export const edmTypesKnownToSdk: [UnknownToSdk] extends [never] ? true : UnknownToSdk = true;
